package annualreport

import (
	"fmt"
	"strings"
)

// Table 三's header labels: the spanning 法人或其他组织 and the seven data
// columns, in the order the format prints them.
var threeHeaderCols = []string{ColPerson, ThreeOrgs, ColBusiness, ColResearch, ColNonProfit, ColLegalService, ColOtherOrg, ColTotal}

// threeTop are table 三's row labels outside the 办理结果 groups' sub-rows.
var threeTop = []string{ThreeReceived, ThreeCarriedIn, ThreeResults, ThreeGranted, ThreePartial,
	ThreeWithheld, ThreeUnavail, ThreeNotHandled, ThreeOther, ThreeTotal, ThreeCarriedOut}

// threeLabel resolves a table 三 row label. grp is set for a label that
// spans sub-rows (三、本年度办理结果 and the groups （三）–（六）).
func threeLabel(k string, cur *ThreeGroup) (m match, grp *ThreeGroup, ok bool) {
	if cur != nil {
		if m, ok := resolveRow(k, cur.Rows); ok {
			return m, nil, true
		}
	}
	if m, ok := resolveRow(k, threeTop); ok {
		if m.label == ThreeResults {
			return m, &ThreeGroup{Label: ThreeResults}, true
		}
		for i, g := range threeGroups2021 {
			if g.Label == m.label && len(g.Rows) > 0 {
				return m, &threeGroups2021[i], true
			}
		}
		return m, nil, true
	}
	for _, g := range threeGroups2021 {
		if m, ok := resolveRow(k, g.Rows); ok {
			return m, nil, true
		}
	}
	return match{}, nil, false
}

// readThree reads table 三: the header (note, 申请人情况, the applicant
// columns) and the rows, in the 2021 layout or the 2019 one where
// （六）其他处理 is a single row.
func (p *tableParser) readThree() {
	p.t.seen[TableThree] = true
	var hdr []item
	for !p.atEnd() {
		it := p.items[p.i]
		if it.para || it.text != "" && isValueText(it.text) {
			break
		}
		if _, _, ok := threeLabel(it.key, nil); ok {
			break
		}
		if t := p.startsTable(it.key); t == TableTwo || t == TableFour {
			break
		}
		hdr = append(hdr, it)
		p.i++
	}
	want := 7
	subtotal := p.threeHeader(hdr)
	if subtotal {
		want = 8
	}
	var group *ThreeGroup
	var six []Cell
	var sixLines []int
	sixRows := false
	for !p.atEnd() {
		it := p.items[p.i]
		if it.para {
			break
		}
		if it.text == "" { // a rowspan spacer
			p.i++
			continue
		}
		m, grp, ok := threeLabel(it.key, group)
		if !ok {
			break
		}
		p.i++
		if !m.exact {
			p.labelFinding(it, TableThree, m.label, "", "表三"+misspelt(it.text, m.label))
		}
		if grp != nil {
			group = grp
			if p.atEnd() || p.items[p.i].text == "" || !isValueText(p.items[p.i].text) {
				continue
			}
			cells, lines, _ := p.values(it, want)
			if grp.Label == ThreeOther { // the 2019 layout, or a subtotal (decided below)
				six, sixLines = dropSubtotal(cells, subtotal), lines
				continue
			}
			p.labelFinding(it, TableThree, grp.Label, "", fmt.Sprintf("表三%s一行填写了小计，格式中该项只是合并单元格，没有自己的数字", quoteLabel(it.text)))
			continue
		}
		if !isSubRow(m.label) {
			group = nil
		}
		if group != nil && group.Label == ThreeOther {
			sixRows = true
		}
		cells, lines, _ := p.values(it, want)
		p.store(TableThree, m.label, ThreeCols, dropSubtotal(cells, subtotal), lines)
		if m.label == ThreeCarriedOut {
			break
		}
	}
	switch {
	case six != nil && !sixRows:
		p.t.single6 = true
		p.store(TableThree, ThreeOther, ThreeCols, six, sixLines)
	case six != nil:
		p.add(LintFinding{Finding: Finding{Code: CodeLabel, Severity: SevWarning, Table: TableThree, Row: ThreeOther,
			Message: "表三“（六）其他处理”一行填写了小计，格式中该项只是合并单元格，没有自己的数字"}, Line: sixLines[0]})
	}
}

// isSubRow reports whether a canonical label is a numbered sub-row of a
// 办理结果 group.
func isSubRow(label string) bool {
	for _, g := range threeGroups2021 {
		for _, r := range g.Rows {
			if r == label {
				return true
			}
		}
	}
	return false
}

// dropSubtotal removes the "法人或其他组织小计" column third-party layouts
// insert before 总计 (spec §2.8 item 3).
func dropSubtotal(cells []Cell, subtotal bool) []Cell {
	if !subtotal || len(cells) < 8 {
		return cells
	}
	return append(append([]Cell(nil), cells[:6]...), cells[7:]...)
}

// threeHeader checks table 三's header cells and reports whether the
// table has the unofficial "法人或其他组织小计" column.
func (p *tableParser) threeHeader(hdr []item) bool {
	var cols []item
	hdr = expandFlat(hdr, threeHeaderGroups, threeHeaderCols)
	for _, h := range hdr {
		k := h.key
		switch {
		case k == "":
		case strings.Contains(k, "勾稽关系"):
			if k != canonKey(ThreeNote) {
				p.labelFinding(h, TableThree, "", "", "表三表头说明"+misspelt(h.text, ThreeNote))
			}
		case near(k, canonKey(ThreeApplicants)):
			if k != canonKey(ThreeApplicants) {
				p.labelFinding(h, TableThree, "", "", "表三表头"+misspelt(h.text, ThreeApplicants))
			}
		default:
			cols = append(cols, h)
		}
	}
	subtotal := false
	found := map[string]bool{}
	for _, h := range joinHeaders(cols, threeHeaderCols) {
		at := item{text: h.raw, line: h.line}
		switch {
		case h.label == "" && strings.Contains(labelKey(h.raw), "小计"):
			subtotal = true
			p.labelFinding(at, TableThree, "", "", fmt.Sprintf("表三的%s列不是格式规定的列（格式中“法人或其他组织”只是合并表头）", quoteLabel(h.raw)))
		case h.label == "":
			p.labelFinding(at, TableThree, "", "", fmt.Sprintf("表三表头%s不是格式规定的列名，或不完整", quoteLabel(h.raw)))
		case !h.exact:
			found[h.label] = true
			p.labelFinding(at, TableThree, "", h.label, "表三表头"+misspelt(h.raw, h.label))
		default:
			found[h.label] = true
		}
	}
	if orgs := ThreeCols[1:6]; !found[ThreeOrgs] && allFound(found, orgs) {
		// A header flattened to one row keeps the five kinds of
		// 法人或其他组织 and drops the cell spanning them (export_md.go
		// writes it so): the grouping is still unambiguous.
		found[ThreeOrgs] = true
	}
	if len(cols) > 0 && !p.atEnd() {
		for _, c := range threeHeaderCols {
			if !found[c] {
				p.labelFinding(item{line: hdr[0].line}, TableThree, "", c, fmt.Sprintf("表三表头缺少%s", quoteLabel(c)))
			}
		}
	}
	return subtotal
}

// allFound reports whether every label of want was found.
func allFound(found map[string]bool, want []string) bool {
	for _, w := range want {
		if !found[w] {
			return false
		}
	}
	return true
}
