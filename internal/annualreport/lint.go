package annualreport

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// InputKind is how a published report reaches the linter.
type InputKind string

const (
	KindText InputKind = "text" // text copied from a web page
	KindHTML InputKind = "html" // the page itself
	KindDOCX InputKind = "docx" // a Word document
)

// DetectKind guesses the kind from a file name and its first bytes.
func DetectKind(name string, head []byte) InputKind {
	lower := strings.ToLower(name)
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), strings.HasSuffix(lower, ".docx"):
		return KindDOCX
	case strings.HasSuffix(lower, ".html"), strings.HasSuffix(lower, ".htm"), strings.HasSuffix(lower, ".shtml"):
		return KindHTML
	}
	h := strings.ToLower(string(bytes.TrimSpace(head)))
	if strings.HasPrefix(h, "<!doctype html") || strings.HasPrefix(h, "<html") || strings.Contains(h, "<table") || strings.Contains(h, "<body") {
		return KindHTML
	}
	return KindText
}

// maxLintInput bounds what the linter reads: a year's report is a few
// hundred kilobytes at most, a DOCX a few megabytes.
const maxLintInput = 20 << 20

// LintResult is a linted report: what was read and what is wrong with it.
type LintResult struct {
	Year     int           `json:"year,omitempty"`
	Unit     UnitKind      `json:"unit,omitempty"`
	UnitName string        `json:"unit_name,omitempty"`
	Format   Format        `json:"format"`
	Partial  bool          `json:"partial,omitempty"` // the capture says it is an excerpt
	Findings []LintFinding `json:"findings"`
	Report   *Report       `json:"-"`
	present  map[Key]bool  // the cells read from the source
	lines    map[Key]int
}

// HasErrors reports whether any finding is an error.
func (r *LintResult) HasErrors() bool {
	for _, f := range r.Findings {
		if f.Severity == SevError {
			return true
		}
	}
	return false
}

// Counts are the numbers of errors and of warnings among the findings, as
// `gongkai lint` and the back office's check page head their lists with.
func (r *LintResult) Counts() (errors, warnings int) {
	for _, f := range r.Findings {
		if f.Severity == SevError {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Lint checks a published report (the back office's "lint a draft" and
// `gongkai lint`): the findings without source lines.
func Lint(r io.Reader, kind InputKind) ([]Finding, error) {
	res, err := LintReport(r, kind)
	if err != nil {
		return nil, err
	}
	out := make([]Finding, len(res.Findings))
	for i, f := range res.Findings {
		out[i] = f.Finding
	}
	return out, nil
}

// LintReport reads a published report and checks it.
func LintReport(r io.Reader, kind InputKind) (*LintResult, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxLintInput+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxLintInput {
		return nil, fmt.Errorf("文件超过%dMB，不像是一份年度报告", maxLintInput>>20)
	}
	switch {
	case bytes.HasPrefix(data, []byte("%PDF")):
		return nil, errors.New("不支持PDF文件，请复制报告文字粘贴，或上传网页（HTML）、Word（DOCX）文件")
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")):
		return nil, errors.New("不支持旧版Word（.doc）文件，请另存为DOCX后再上传")
	}
	if kind != KindDOCX {
		data = decodeText(data, kind)
	}
	var src source
	switch kind {
	case KindHTML:
		src, err = readHTML(data)
	case KindDOCX:
		src, err = readDOCX(data)
	case KindText, "":
		src = readText(string(data))
	default:
		return nil, fmt.Errorf("不支持的格式“%s”", kind)
	}
	if err != nil {
		return nil, err
	}
	return lintSource(src), nil
}

// decodeText turns a page or a text into UTF-8. Older government CMSs
// serve GBK pages (declared in <meta charset>); text saved by older
// Windows tools is GBK too. A stray broken byte is replaced.
func decodeText(data []byte, kind InputKind) []byte {
	if kind == KindHTML {
		if enc, name, _ := charset.DetermineEncoding(data, "text/html"); name != "utf-8" && name != "" {
			if dec, err := enc.NewDecoder().Bytes(data); err == nil {
				return dec
			}
		}
	}
	if utf8.Valid(data) {
		return data
	}
	if bad := invalidRunes(data); bad*100 > len(data) {
		if dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data); err == nil && utf8.Valid(dec) {
			return dec
		}
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD"))
}

// invalidRunes counts the bytes of data that are not UTF-8.
func invalidRunes(data []byte) int {
	n := 0
	for len(data) > 0 {
		r, w := utf8.DecodeRune(data)
		if r == utf8.RuneError && w <= 1 {
			n++
		}
		data = data[max(w, 1):]
	}
	return n
}

// LintAcross compares two published reports of the same unit, the year
// before and this year (G7: this year's 二 = last year's 四; the
// 现行有效 continuity of spec §2.2), on the cells both reports show.
// The findings are warnings located in cur.
func LintAcross(prev, cur *LintResult) []LintFinding {
	if prev == nil || cur == nil || prev.Year == 0 || prev.Year != cur.Year-1 {
		return nil
	}
	var out []LintFinding
	for _, f := range CheckAcross(prev.Report, cur.Report) {
		var need []Key
		switch f.Code {
		case CodeCarryOver:
			need = []Key{{TableThree, ThreeCarriedOut, f.Col}}
		case CodeInForce:
			need = []Key{{TableTwo, f.Row, ColInForce}}
		}
		ok := true
		for _, k := range need {
			ok = ok && prev.present[k]
		}
		ok = ok && cur.present[Key{f.Table, f.Row, f.Col}]
		if f.Code == CodeInForce {
			ok = ok && cur.present[Key{TableTwo, f.Row, ColIssued}] && cur.present[Key{TableTwo, f.Row, ColRepealed}]
		}
		if ok {
			out = append(out, LintFinding{Finding: f, Line: cur.lines[Key{f.Table, f.Row, f.Col}]})
		}
	}
	return out
}

// lintSource runs every check on a read report.
func lintSource(src source) *LintResult {
	nar := splitNarrative(src.items)
	pt := readTables(src.items)
	meta := readMeta(src.items, nar)
	f := pt.format2
	if f == 0 {
		f = Format2021
		if pt.single6 {
			f = Format2019
		}
	}
	rep := New(meta.year, meta.unit, f)
	rep.UnitName = meta.unitName
	for s, t := range nar.sections {
		rep.Sections[s] = t
	}
	rep.Sections[1] = nar.preamble + rep.Sections[1]
	present := fillCells(rep, pt)
	l := &linter{src: src, nar: nar, pt: pt, meta: meta, rep: rep, present: present, keys: Keys(f), out: pt.findings}
	l.tableChecks()
	l.narrativeChecks()
	l.truncation()
	l.formatChecks()
	l.textChecks()
	res := &LintResult{Year: meta.year, Unit: meta.unit, UnitName: meta.unitName, Format: f, Partial: src.partial, Report: rep,
		present: present, lines: pt.lines}
	res.Findings = l.finish()
	return res
}

// linter collects the findings of one report.
type linter struct {
	src     source
	nar     narrative
	pt      *parsedTables
	meta    reportMeta
	rep     *Report
	present map[Key]bool
	keys    []Key // every cell of the report's format
	out     []LintFinding
	// mentioned caches Mentions per section: narrativeChecks and
	// mentionRead (once per mismatch) read the same sections.
	mentioned map[Section][]Mention
}

// mentions is Mentions(sec, l.rep.Sections[sec]), computed once.
func (l *linter) mentions(sec Section) []Mention {
	if ms, ok := l.mentioned[sec]; ok {
		return ms
	}
	if l.mentioned == nil {
		l.mentioned = map[Section][]Mention{}
	}
	ms := Mentions(sec, l.rep.Sections[sec])
	l.mentioned[sec] = ms
	return ms
}

func (l *linter) add(f Finding, line int) { l.out = append(l.out, LintFinding{Finding: f, Line: line}) }

// fillCells copies the cells read into the report. Table 二 cells of a
// block published in the other layout are moved by position when the
// columns correspond; table 三's single （六） row of the 2019 layout goes
// to （六）3.其他 of the 2021 one. It returns the cells that were read.
func fillCells(rep *Report, pt *parsedTables) map[Key]bool {
	present := make(map[Key]bool, len(pt.cells))
	for k, c := range pt.cells {
		to, ok := k, validKey(rep.Format, k)
		if !ok {
			to, ok = aliasKey(k, rep.Format)
		}
		if !ok {
			continue
		}
		if err := rep.SetCell(to, c); err == nil {
			present[to] = true
			pt.lines[to] = pt.lines[k]
		}
		// The 2019 layout's single （六） row holds what 2021 splits in
		// three; the first two sub-rows are read as 0, not as missing.
		if k.Table == TableThree && k.Row == ThreeOther && rep.Format == Format2021 {
			for _, r := range threeGroups2021[5].Rows[:2] {
				present[Key{TableThree, r, k.Col}] = true
			}
		}
	}
	return present
}

// aliasKey maps a cell of one layout onto the other: same table 二 block,
// row and column position (当 the block has as many columns), or the 2019
// （六）其他处理 row onto （六）3.其他.
func aliasKey(k Key, to Format) (Key, bool) {
	if k.Table == TableThree {
		switch {
		case to == Format2021 && k.Row == ThreeOther:
			return Key{TableThree, threeGroups2021[5].Rows[2], k.Col}, true
		case to == Format2019 && isSubRow(k.Row):
			return Key{}, false
		}
		return Key{}, false
	}
	if k.Table != TableTwo {
		return Key{}, false
	}
	from := Format2019
	if to == Format2019 {
		from = Format2021
	}
	for bi, b := range TwoBlocks(from) {
		ri, ci := indexOf(b.Rows, k.Row), indexOf(b.Cols, k.Col)
		if ri < 0 || ci < 0 || bi >= len(TwoBlocks(to)) {
			continue
		}
		tb := TwoBlocks(to)[bi]
		if len(tb.Cols) != len(b.Cols) || ri >= len(tb.Rows) {
			return Key{}, false
		}
		return Key{TableTwo, tb.Rows[ri], tb.Cols[ci]}, true
	}
	return Key{}, false
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// finish merges, orders and returns the findings.
func (l *linter) finish() []LintFinding {
	out := mergeBlanks(l.out)
	seen := map[string]bool{}
	var uniq []LintFinding
	for _, f := range out {
		id := fmt.Sprint(f.Code, f.Table, f.Row, f.Col, f.Section, f.Quote, f.Message)
		if seen[id] {
			continue
		}
		seen[id] = true
		uniq = append(uniq, f)
	}
	sort.SliceStable(uniq, func(i, j int) bool {
		a, b := uniq[i], uniq[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Code < b.Code
	})
	if uniq == nil {
		uniq = []LintFinding{}
	}
	return uniq
}

// mergeBlanks turns one warning per blank cell into one per row: a report
// that leaves cells empty usually leaves whole rows empty. The finding
// keeps the row's first blank column as its location.
func mergeBlanks(fs []LintFinding) []LintFinding {
	var out []LintFinding
	idx := map[string]int{}
	cols := map[int][]string{}
	for _, f := range fs {
		if f.Code != CodeValue || f.Severity != SevWarning || f.Col == "" || !strings.Contains(f.Message, "为空") {
			out = append(out, f)
			continue
		}
		id := string(f.Table) + "/" + f.Row
		i, ok := idx[id]
		if !ok {
			i = len(out)
			idx[id] = i
			out = append(out, f)
		}
		cols[i] = append(cols[i], "“"+f.Col+"”")
	}
	for i, cs := range cols {
		if len(cs) > 1 {
			out[i].Message = fmt.Sprintf("表%s“%s”的%s列为空，按0计；应填写0", out[i].Table, out[i].Row, strings.Join(cs, "、"))
		}
	}
	return out
}
