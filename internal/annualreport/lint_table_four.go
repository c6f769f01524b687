package annualreport

import "fmt"

// fourHeaders are the labels table 四's header rows may hold (spec §2.4).
var fourHeaders = []string{FourReconsideration, FourLitigation, FourDirect, FourAfter,
	ColUpheld, ColCorrected, ColOtherResult, ColPending, ColTotal}

// readFour reads table 四: three header rows and one row of 15 numbers,
// 行政复议 then 未经复议直接起诉 then 复议后起诉, five results each.
func (p *tableParser) readFour() {
	p.t.seen[TableFour] = true
	var hdr []item
	for !p.atEnd() {
		it := p.items[p.i]
		if it.para || it.text != "" && isValueText(it.text) {
			break
		}
		if t := p.startsTable(it.key); t == TableTwo || t == TableThree {
			break
		}
		hdr = append(hdr, it)
		p.i++
	}
	for _, h := range joinHeaders(expandFlat(hdr, fourHeaderGroups, FourCols), fourHeaders) {
		at := item{text: h.raw, line: h.line}
		switch {
		case h.label == "":
			p.labelFinding(at, TableFour, "", "", fmt.Sprintf("表四表头%s不是格式规定的内容，或不完整", quoteLabel(h.raw)))
		case !h.exact:
			p.labelFinding(at, TableFour, "", h.label, "表四表头"+misspelt(h.raw, h.label))
		}
	}
	want := len(FourBlocks) * len(FourCols)
	var cells []Cell
	var lines []int
	for len(cells) < want && !p.atEnd() {
		it := p.items[p.i]
		if it.para || it.text != "" && !isValueText(it.text) {
			break
		}
		cells, lines = append(cells, parseCell(it.text)), append(lines, it.line)
		p.i++
	}
	if len(cells) < want && !p.atEnd() {
		line := 0
		if len(lines) > 0 {
			line = lines[len(lines)-1]
		}
		for len(cells) < want { // cells missing before the table ends read as blanks
			cells, lines = append(cells, Cell{Blank: true}), append(lines, line)
		}
	}
	for i := range cells {
		b, c := FourBlocks[i/len(FourCols)], FourCols[i%len(FourCols)]
		k := Key{TableFour, b, c}
		p.t.cells[k], p.t.lines[k] = cells[i], lines[i]
	}
}
