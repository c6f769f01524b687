package annualreport

import (
	"fmt"
	"strings"
)

// blockIndex finds a table 二 block by its title's numeral ("第二十条第(一)项"
// → （一）); ok is false for a title cut short.
func blockIndex(k string) (string, bool) {
	open := strings.IndexByte(k, '(')
	if open < 0 {
		return "", false
	}
	num, _, ok := strings.Cut(k[open+1:], ")")
	return num, ok && num != ""
}

// twoBlockOf returns the block titled with numeral num in a format.
func twoBlockOf(f Format, num string) (TwoBlock, bool) {
	for _, b := range TwoBlocks(f) {
		if n, _ := blockIndex(canonKey(b.Title)); n == num {
			return b, true
		}
	}
	return TwoBlock{}, false
}

// readTwo reads table 二: a run of blocks, each "第二十条第（X）项", the
// "信息内容" header with its columns, and the block's rows.
func (p *tableParser) readTwo() {
	p.t.seen[TableTwo] = true
	for !p.atEnd() {
		it := p.items[p.i]
		k := it.key
		if it.para || !strings.HasPrefix(k, "第二十条") {
			return
		}
		p.i++
		num, ok := blockIndex(k)
		if !ok {
			continue // a title cut off at the end of the input
		}
		b21, ok21 := twoBlockOf(Format2021, num)
		b19, ok19 := twoBlockOf(Format2019, num)
		if !ok21 && !ok19 {
			p.labelFinding(it, TableTwo, "", "", fmt.Sprintf("表二的%s不是格式规定的栏目", quoteLabel(it.text)))
			continue
		}
		if k != canonKey(b19.Title) && !p.isLast(it) {
			p.labelFinding(it, TableTwo, "", "", misspelt(it.text, b19.Title))
		}
		p.readTwoBlock(b21, ok21, b19)
	}
}

// readTwoBlock reads one block's header and rows. The layout (2021 or
// 2019 columns) is decided by the header; rows are read in that layout.
func (p *tableParser) readTwoBlock(b21 TwoBlock, ok21 bool, b19 TwoBlock) {
	rowCands := append(append([]string(nil), b21.Rows...), b19.Rows...)
	var cells []item
	for !p.atEnd() {
		it := p.items[p.i]
		k := it.key
		if it.para || p.startsTable(k) != "" || isValueText(it.text) {
			break
		}
		if _, ok := resolveKey(k, rowCands); ok {
			break
		}
		cells = append(cells, it)
		p.i++
	}
	if len(cells) > 0 {
		if m, ok := resolveKey(cells[0].key, []string{LabelInfoContent}); ok {
			if !m.exact {
				p.labelFinding(cells[0], TableTwo, "", "", misspelt(cells[0].text, LabelInfoContent))
			}
			cells = cells[1:]
		}
	}
	hs := joinHeaders(cells, append(append([]string(nil), b21.Cols...), b19.Cols...))
	b, f := b21, Format2021
	if !ok21 || votes(hs, b19.Cols) > votes(hs, b21.Cols) {
		b, f = b19, Format2019
	}
	if p.t.format2 == 0 || f == Format2019 {
		p.t.format2 = f
	}
	for i, h := range hs {
		at := item{line: h.line, text: h.raw}
		switch {
		case i >= len(b.Cols):
			p.labelFinding(at, TableTwo, "", "", fmt.Sprintf("表二%s栏目多出表头%s", b.Title, quoteLabel(h.raw)))
		case h.label != b.Cols[i] || !h.exact:
			p.labelFinding(at, TableTwo, "", b.Cols[i], fmt.Sprintf("表二%s的表头%s", b.Title, misspelt(h.raw, b.Cols[i])))
		}
	}
	for !p.atEnd() {
		it := p.items[p.i]
		if it.para {
			return
		}
		m, ok := resolveRow(it.key, b.Rows)
		other := false
		if !ok {
			if m, ok = resolveRow(it.key, rowCands); !ok {
				return
			}
			other = true
		}
		p.i++
		row := m.label
		switch {
		case other && row == RowNormative9 && f == Format2021:
			row = RowNormative
			p.labelFinding(it, TableTwo, row, "", "表二"+misspelt(it.text, RowNormative)+"（“规范性文件”是2019年试行格式的名称）")
		case other && row == RowNormative && f == Format2019:
			row = RowNormative9
		case other:
			p.labelFinding(it, TableTwo, "", "", fmt.Sprintf("表二%s栏目中的%s不属于该栏目", b.Title, quoteLabel(it.text)))
			p.values(it, len(b.Cols))
			continue
		case !m.exact:
			p.labelFinding(it, TableTwo, row, "", "表二"+misspelt(it.text, row))
		}
		cells, lines, _ := p.values(it, len(b.Cols))
		p.store(TableTwo, row, b.Cols, cells, lines)
	}
}

// votes counts the headers that name one of cols.
func votes(hs []header, cols []string) int {
	n := 0
	for _, h := range hs {
		for _, c := range cols {
			if h.label == c {
				n++
			}
		}
	}
	return n
}
