package annualreport

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// LintFinding is a Finding with the source line it was found on (text
// input; for HTML and DOCX the table row or paragraph number).
type LintFinding struct {
	Finding
	Line int `json:"line,omitempty"`
}

// parsedTables is what the linter read from a report's three tables: the
// cells by canonical labels (in the layout each block was published in),
// the structural findings, and where the input ended.
type parsedTables struct {
	cells    map[Key]Cell
	lines    map[Key]int
	format2  Format // table 二's layout; 0 when there is no table 二
	single6  bool   // table 三 had （六）其他处理 as one row (2019 layout)
	seen     map[Table]bool
	cut      Table // the table being read when the input ended; "" if it ended in narrative
	findings []LintFinding
}

// tableParser walks the items once, reading each table where it starts.
type tableParser struct {
	items []item
	i     int
	last  Table // the table read most recently (reset by narrative)
	t     *parsedTables
	// extraSeen: rows already reported for holding more cells than the format
	extraSeen map[int]bool
}

func readTables(items []item) *parsedTables {
	for i := range items {
		if !items[i].para {
			items[i].key = labelKey(items[i].text)
		}
	}
	p := &tableParser{items: items, extraSeen: map[int]bool{},
		t: &parsedTables{cells: map[Key]Cell{}, lines: map[Key]int{}, seen: map[Table]bool{}}}
	for p.i < len(items) {
		it := items[p.i]
		if it.para {
			p.last = ""
			p.i++
			continue
		}
		switch t := p.startsTable(it.key); t {
		case TableTwo:
			p.last = t
			p.readTwo()
		case TableThree:
			p.last = t
			p.readThree()
		case TableFour:
			p.last = t
			p.readFour()
		default: // a cell outside the three tables: page metadata, captions
			p.i++
		}
	}
	if n := len(items); n > 0 && !items[n-1].para {
		p.t.cut = p.last
	}
	return p.t
}

// startsTable reports which table a cell at p.i (key k) starts, if any.
func (p *tableParser) startsTable(k string) Table {
	switch {
	case strings.HasPrefix(k, "第二十条"):
		return TableTwo
	case strings.Contains(k, "勾稽关系") || k == canonKey(ThreeApplicants) || near(k, canonKey(ThreeReceived)):
		return TableThree
	case k == FourReconsideration && p.fourAhead() || isFlatFourHead(k):
		return TableFour
	}
	return ""
}

// fourAhead reports whether the "行政复议" cell at p.i heads table 四: the
// next cells name 行政诉讼 or its results.
func (p *tableParser) fourAhead() bool {
	for j := p.i + 1; j < len(p.items) && j <= p.i+3; j++ {
		k := p.items[j].key
		if k == FourLitigation || k == ColUpheld {
			return true
		}
	}
	return false
}

// atEnd reports whether the items ran out.
func (p *tableParser) atEnd() bool { return p.i >= len(p.items) }

// isLast reports whether it is the final item of the input: a label cut
// off by the end of a partial capture ("本年收费金额(单位:万") is not a
// misspelling.
func (p *tableParser) isLast(it item) bool {
	n := len(p.items)
	return n > 0 && p.items[n-1].line == it.line && p.items[n-1].text == it.text
}

func (p *tableParser) add(f LintFinding) { p.t.findings = append(p.t.findings, f) }

// labelFinding reports a published label that differs from the format's.
func (p *tableParser) labelFinding(it item, t Table, row, col, msg string) {
	if p.isLast(it) {
		return
	}
	p.add(LintFinding{Finding: Finding{Code: CodeLabel, Severity: SevWarning, Table: t, Row: row, Col: col, Message: msg}, Line: it.line})
}

// naValues are what reports write in a cell instead of a number.
var naValues = map[string]bool{"/": true, "-": true, "—": true, "——": true, "－": true, "无": true, "空": true, "×": true, "X": true, "x": true, "Ｘ": true}

// isValueText reports whether a cell holds a value rather than a label:
// a number, a dash or slash, or a number with a counter ("5件").
func isValueText(s string) bool {
	s = strings.TrimSpace(s)
	if naValues[s] {
		return true
	}
	if _, err := ParseAmount(s); err == nil {
		return true
	}
	// "5件", "0.5万元": a number followed by its counter.
	rest := strings.TrimLeft(s, "0123456789０１２３４５６７８９.,-")
	if len(rest) == len(s) {
		return false
	}
	switch rest {
	case "件", "条", "个", "项", "次", "家", "人", "份", "万元", "元", "%":
		return true
	}
	return false
}

// parseCell reads a data cell: blank, a number, or text kept raw (G6).
func parseCell(s string) Cell {
	s = strings.TrimSpace(s)
	if s == "" {
		return Cell{Blank: true}
	}
	v, err := ParseAmount(s)
	if err != nil {
		return Cell{Invalid: true, Raw: s}
	}
	return Cell{Value: v, Raw: s}
}

// values reads up to want data cells after a row label. Cells of the
// label's own physical row come first (empty ones are blanks); without a
// known row, the following value cells are taken. complete is false when
// the input ends before the row does: the row was cut off.
func (p *tableParser) values(label item, want int) (cells []Cell, lines []int, complete bool) {
	for len(cells) < want && !p.atEnd() {
		it := p.items[p.i]
		if it.para {
			break
		}
		sameRow := label.row > 0 && it.row == label.row
		if !sameRow && (label.row > 0 && len(cells) > 0 || !isValueText(it.text)) {
			break
		}
		cells, lines = append(cells, parseCell(it.text)), append(lines, it.line)
		p.i++
	}
	// Cells beyond the format's columns in the same row: empty ones are
	// layout padding, filled ones a column the format does not have.
	extra := 0
	for label.row > 0 && !p.atEnd() && p.items[p.i].row == label.row {
		if p.items[p.i].text != "" {
			extra++
		}
		p.i++
	}
	if extra > 0 && !p.extraSeen[label.row] {
		p.extraSeen[label.row] = true
		p.labelFinding(label, p.last, "", "", fmt.Sprintf("表%s%s一行多出%d个单元格，超过格式规定的列数，多出的内容未核对", p.last, quoteLabel(label.text), extra))
	}
	if len(cells) < want && p.atEnd() {
		return cells, lines, false
	}
	for len(cells) < want { // a row with cells missing: they read as blanks (spec §2.5)
		cells, lines = append(cells, Cell{Blank: true}), append(lines, label.line)
	}
	return cells, lines, true
}

// store records a row's cells under canonical labels.
func (p *tableParser) store(t Table, row string, cols []string, cells []Cell, lines []int) {
	for i, c := range cells {
		if i >= len(cols) {
			break
		}
		k := Key{t, row, cols[i]}
		p.t.cells[k], p.t.lines[k] = c, lines[i]
	}
}

// header is one header cell resolved against the format's labels.
type header struct {
	raw   string
	label string // canonical label, "" when unknown
	exact bool
	line  int
}

// joinHeaders resolves header cells against candidates, joining cells
// broken over lines or rows: "商业" … "企业" is one header "商业企业"
// (spec §2.8: 商业 企业, 科研 机构, 本年新 制作数量). A prefix never completed
// stays unresolved with its raw text.
func joinHeaders(cells []item, cands []string) []header {
	var out []header
	var pending []int // indexes of out holding a prefix of a candidate
	for _, c := range cells {
		k := c.key
		if k == "" {
			continue
		}
		if m, ok := resolveKey(k, cands); ok {
			out = append(out, header{raw: c.text, label: m.label, exact: m.exact, line: c.line})
			continue
		}
		joined := false
		for pi, idx := range pending {
			if m, ok := resolveLabel(out[idx].raw+c.text, cands); ok {
				out[idx] = header{raw: out[idx].raw + c.text, label: m.label, exact: m.exact, line: out[idx].line}
				pending = append(pending[:pi], pending[pi+1:]...)
				joined = true
				break
			}
		}
		if joined {
			continue
		}
		out = append(out, header{raw: c.text, line: c.line})
		for _, cand := range cands {
			if ck := canonKey(cand); strings.HasPrefix(ck, k) && ck != k {
				pending = append(pending, len(out)-1)
				break
			}
		}
	}
	return out
}

// prefixOf reports whether the key k is a shortened form of c: the
// published label stops early but keeps at least two thirds of it
// ("要求行政机关确认或重新出具" for "…已获取信息").
func prefixOf(k, c string) bool {
	return strings.HasPrefix(c, k) && utf8.RuneCountInString(k)*3 >= utf8.RuneCountInString(c)*2
}

// resolveRow resolves a row label: exactly or nearly, or shortened.
func resolveRow(k string, cands []string) (match, bool) {
	if m, ok := resolveKey(k, cands); ok {
		return m, true
	}
	for _, c := range cands {
		ck := canonKey(c)
		numbered := stripNumbering(k) != k && stripNumbering(ck) != ck
		if prefixOf(k, ck) || numbered && stripNumbering(k) == stripNumbering(ck) || withoutNote(ck) == k {
			return match{label: c}, true
		}
	}
	return match{}, false
}

// withoutNote drops a parenthesised note at the end of a label:
// "(二)部分公开(区分处理的，…)" → "(二)部分公开".
func withoutNote(k string) string {
	if strings.HasSuffix(k, ")") {
		if i := strings.LastIndex(k, "("); i > 0 {
			return k[:i]
		}
	}
	return k
}

func quoteLabel(s string) string { return "“" + s + "”" }

func misspelt(raw, want string) string {
	return fmt.Sprintf("%s与格式规定的%s不一致", quoteLabel(raw), quoteLabel(want))
}
