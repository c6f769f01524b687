package annualreport

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// tableChecks runs the report checks (G1, G3–G6, 规章 plausibility, the
// superseded format) and keeps only findings about cells that were read:
// a table cut off by a partial capture is reported as truncated, never as
// an arithmetic error.
func (l *linter) tableChecks() {
	for _, f := range CheckTables(l.rep) {
		if !l.covered(f) {
			continue
		}
		l.add(f, l.lineOf(f.Table, f.Row, f.Col))
	}
}

// covered reports whether every cell a table finding depends on was read.
func (l *linter) covered(f Finding) bool {
	all := func(t Table, rows, cols []string) bool {
		for _, r := range rows {
			for _, c := range cols {
				if !l.present[Key{t, r, c}] {
					return false
				}
			}
		}
		return true
	}
	one := []string{f.Col}
	switch f.Code {
	case CodeRowSum:
		return all(TableThree, []string{f.Row}, ThreeCols)
	case CodeTotal:
		return all(TableThree, append(ThreeResultRows(l.rep.Format), ThreeTotal), one)
	case CodeBalance:
		return all(TableThree, []string{ThreeReceived, ThreeCarriedIn, ThreeTotal, ThreeCarriedOut}, one)
	case CodeReviewSum:
		return all(TableFour, []string{f.Row}, FourCols)
	case CodeValue, CodeImplausible:
		return l.present[Key{f.Table, f.Row, f.Col}]
	}
	return true
}

// lineOf is the source line of a cell, or of its row's first cell.
func (l *linter) lineOf(t Table, row, col string) int {
	if n := l.pt.lines[Key{t, row, col}]; n > 0 {
		return n
	}
	for k, n := range l.pt.lines {
		if k.Table == t && k.Row == row && l.present[k] {
			return n
		}
	}
	return 0
}

// narrativeChecks compares the numbers of the text with the cells that
// were read, and checks the text's own sums.
func (l *linter) narrativeChecks() {
	for _, f := range checkNarrative(l.rep, l.mentions) {
		if f.Code == CodeNarrativeMismatch && !l.mentionRead(f) {
			continue
		}
		l.add(f, l.quoteLine(f.Section, f.Quote))
	}
	for _, sec := range Sections {
		text := l.rep.Sections[sec]
		ms := l.mentions(sec)
		for i, total := range ms {
			if total.Zero {
				continue
			}
			// "主动公开政府信息32条，包括领导信息类1条、…": 包括 lists parts like 其中.
			after := strings.TrimLeft(text[total.End:], "，,、 :：")
			for _, w := range []string{"包括", "分别为", "分别是"} {
				if strings.HasPrefix(after, w) {
					from := len(text) - len(after)
					parts := partsAfter(text, ms[i+1:], total, from, func(between string) bool {
						return !strings.ContainsAny(between, "。；;！？!?\n")
					})
					for _, f := range sumFinding(sec, total, parts, true) {
						l.add(f, l.quoteLine(sec, f.Quote))
					}
				}
			}
		}
	}
	l.partsCount()
}

// mentionRead reports whether the cells a narrative-mismatch compares
// with were all read from the tables.
func (l *linter) mentionRead(f Finding) bool {
	for _, m := range l.mentions(f.Section) {
		if m.Text != f.Quote || len(m.Keys) == 0 || m.Keys[0].Table != f.Table || m.Keys[0].Row != f.Row {
			continue
		}
		for _, k := range m.Keys {
			if !l.present[k] {
				return false
			}
		}
		return true
	}
	return true
}

// quoteLine is the source line of the paragraph quoting q in a section.
func (l *linter) quoteLine(sec Section, q string) int {
	lines := map[int]bool{}
	for _, n := range l.nar.lines[sec] {
		lines[n] = true
	}
	first := 0
	for _, p := range l.nar.paras {
		if sec == 1 || lines[p.line] {
			if first == 0 {
				first = p.line
			}
			if q != "" && containsQuote(p.text, q) {
				return p.line
			}
		}
	}
	return first
}

// containsQuote finds a number quoted from the text as a whole number:
// "9个" is not found in "29个".
func containsQuote(text, q string) bool {
	for at := 0; ; {
		i := strings.Index(text[at:], q)
		if i < 0 {
			return false
		}
		r, _ := utf8.DecodeLastRuneInString(text[:at+i])
		if !isArabic(r) && !isCNNumeral(r) && r != '.' {
			return true
		}
		at += i + len(q)
	}
}

// truncation reports tables that are missing or cut short. A table cut
// off where the input ends (a partial capture, an incomplete copy) is a
// warning: what is missing cannot be checked. A table or rows missing
// from a complete text are an error: 条例第五十条 requires the content.
func (l *linter) truncation() {
	tables := []Table{TableTwo, TableThree, TableFour}
	for _, t := range tables {
		var missing []string
		seenRow := map[string]bool{}
		for _, k := range l.keys {
			if k.Table == t && !l.present[k] && !seenRow[k.Row] {
				seenRow[k.Row] = true
				missing = append(missing, k.Row)
			}
		}
		if len(missing) == 0 {
			continue
		}
		laterText := false
		for s := t.Section() + 1; s <= 6; s++ {
			laterText = laterText || l.nar.present[s]
		}
		for _, u := range tables {
			laterText = laterText || (u.Section() > t.Section() && l.pt.seen[u])
		}
		cut := l.pt.cut != "" && l.pt.cut.Section() <= t.Section() || !laterText && !l.pt.seen[t]
		f := Finding{Code: CodeTruncated, Severity: SevError, Table: t, Row: missing[0]}
		sec := t.Section().Title()
		switch {
		case cut && !l.pt.seen[t]:
			f.Severity = SevWarning
			f.Message = fmt.Sprintf("文本在表%s之前结束，表%s（%s）未能核对", t, t, sec)
		case cut:
			f.Severity = SevWarning
			where := "之前"
			for k := range l.present {
				if k.Table == t && k.Row == missing[0] {
					where = "一行中间"
				}
			}
			f.Message = fmt.Sprintf("表%s不完整：文本在%s%s结束，缺少的%d行未能核对", t, quoteLabel(missing[0]), where, len(missing))
		case !l.pt.seen[t]:
			f.Row = ""
			f.Message = fmt.Sprintf("缺少表%s：“%s”部分没有格式规定的表格", t, sec)
		default:
			f.Message = fmt.Sprintf("表%s缺少%d行：%s", t, len(missing), quoteList(missing, 4))
		}
		line := l.lastLine()
		if !cut {
			line = l.nar.headLine[t.Section()]
		}
		l.add(f, line)
	}
}

// lastLine is the line of the last item read.
func (l *linter) lastLine() int {
	if n := len(l.src.items); n > 0 {
		return l.src.items[n-1].line
	}
	return 0
}

func quoteList(list []string, max int) string {
	var q []string
	for i, s := range list {
		if i == max {
			q = append(q, "等")
			break
		}
		q = append(q, quoteLabel(s))
	}
	return strings.Join(q, "、")
}

// countyGovRE names a county-level government: it has no 规章 power
// (立法法第九十三条 gives it to provinces and 设区的市), which the unit kind
// alone cannot tell from a city's.
var countyGovRE = regexp.MustCompile(`(?:县|区|旗|自治县)人民政府$`)

// countyRules flags 规章 counts of a county or district government.
func (l *linter) countyRules() {
	if l.rep.Unit != UnitGovernment || !countyGovRE.MatchString(l.meta.unitName) {
		return
	}
	for _, c := range TwoBlocks(l.rep.Format)[0].Cols {
		if v := l.rep.Value(TableTwo, RowRules, c); v > 0 && l.present[Key{TableTwo, RowRules, c}] {
			l.add(Finding{Code: CodeImplausible, Severity: SevWarning, Table: TableTwo, Row: RowRules, Col: c,
				Message: fmt.Sprintf("县级人民政府（%s）无规章制定权，规章“%s”却为%s，请核实", l.meta.unitName, c, v)},
				l.lineOf(TableTwo, RowRules, c))
		}
	}
}

// formatChecks flags a table 三 in the 2019 layout (（六）其他处理 as one
// row) inside a report otherwise in the 2021 format, for years ≥ 2021.
func (l *linter) formatChecks() {
	l.countyRules()
	if l.pt.single6 && l.rep.Format == Format2021 && l.meta.year >= FirstYear2021 {
		row := threeGroups2021[5].Rows[2]
		l.add(Finding{Code: CodeSupersededFormat, Severity: SevError, Table: TableThree, Row: ThreeOther,
			Message: fmt.Sprintf("%d年度报告表三的“（六）其他处理”只有一行，这是已废止的2019年试行格式；2021年格式分为三行（该行数字已按“%s”核对）", l.meta.year, row)},
			l.lineOf(TableThree, row, ColTotal))
	}
}
