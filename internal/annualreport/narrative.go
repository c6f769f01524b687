package annualreport

import (
	"strings"
	"unicode/utf8"
)

// Mention is a number written in a section's text, with its counter and,
// when the words before it name a table cell, the cells it refers to.
type Mention struct {
	Section Section
	Start   int    // byte offset of the number in the section text
	End     int    // byte offset after the counter
	Text    string // e.g. "4个", "0.5万元", "四件"
	Value   Amount // money is converted to 万元
	Unit    string // the counter: 个 件 条 项 次 宗 起 家 份 篇 人次 万元 元
	Money   bool
	Clause  string // the words between the previous separator and the number
	Keys    []Key  // referred cells, summed; nil when none
	Row     string // the row (or group, or 行政诉讼) the words name
	Col     string // the column they name (总计 when none; 法人或其他组织 for the five)
	Label   string // what the words name, e.g. "行政规范性文件“本年制发件数”"
	Zero    bool   // a statement of none ("未收到…申请"), Value is 0 and Text the clause
}

// counters a number must be followed by to count as a quantity. Longest
// first. 年/月/日/届/号 never qualify, which keeps dates out.
var counters = []string{"万元", "人次", "元", "个", "件", "条", "项", "次", "宗", "起", "家", "份", "篇"}

// clauseSeps end a clause; sentenceSeps end the context a row label carries over.
const clauseSeps = "，,。；;：:、！？!?\n（()）|"
const sentenceSeps = "。；;！？!?\n|"

// isSentenceSep and isClauseSep test membership of sentenceSeps and
// clauseSeps with a switch: Mentions asks for every character of every
// section, and strings.ContainsRune was a tenth of the linter's time on a
// complete report. TestSeparatorSets keeps them equal to the constants.
func isSentenceSep(r rune) bool {
	switch r {
	case '。', '；', ';', '！', '？', '!', '?', '\n', '|':
		return true
	}
	return false
}

func isClauseSep(r rune) bool {
	switch r {
	case '，', ',', '。', '；', ';', '：', ':', '、', '！', '？', '!', '?', '\n', '（', '(', ')', '）', '|':
		return true
	}
	return false
}

// Mentions finds every quantity in text, resolving the cells each refers to.
func Mentions(sec Section, text string) []Mention {
	var out []Mention
	ctx := &narrCtx{}
	sentStart, clauseStart := 0, 0
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r < utf8.RuneSelf && r != '\n' && r != '|' && r != ',' && r != ';' && r != ':' && r != '!' && r != '?' && r != '(' && r != ')' {
			// ASCII other than separators: neither a separator nor a numeral
			// unless a digit.
			if r < '0' || r > '9' {
				i += w
				continue
			}
		}
		if isSentenceSep(r) {
			out = append(out, zeroClaims(sec, text[clauseStart:i], clauseStart, ctx)...)
			*ctx = narrCtx{}
			sentStart, clauseStart = i+w, i+w
			i += w
			continue
		}
		if isClauseSep(r) {
			out = append(out, zeroClaims(sec, text[clauseStart:i], clauseStart, ctx)...)
			clauseStart = i + w
			i += w
			continue
		}
		if !isArabic(r) && !isCNNumeral(r) {
			i += w
			continue
		}
		m, next, ok := readMention(text, i)
		if !ok {
			i = next
			continue
		}
		m.Section = sec
		m.Clause = text[clauseStart:i]
		resolve(&m, text[sentStart:i], ctx)
		ctx.numbers = true
		out = append(out, m)
		i = m.End
	}
	return append(out, zeroClaims(sec, text[clauseStart:], clauseStart, ctx)...)
}

// readMention reads a number and its counter at text[i:]. next is where
// scanning resumes when there is no quantity there.
func readMention(text string, i int) (Mention, int, bool) {
	j := i
	r0, _ := utf8.DecodeRuneInString(text[i:])
	arabic := isArabic(r0)
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		switch {
		case arabic && isArabic(r):
		case arabic && (r == '.' || r == '．') && j+w < len(text) && isArabic(firstRune(text[j+w:])):
		case arabic && r == ',' && commaGroup(text[j+w:]):
		case !arabic && isCNNumeral(r):
		default:
			goto done
		}
		j += w
	}
done:
	if j == i {
		_, w := utf8.DecodeRuneInString(text[i:])
		return Mention{}, i + w, false
	}
	tok, rest := text[i:j], text[j:]
	if strings.HasSuffix(text[:i], "第") { // an ordinal: 第一, 第3
		return Mention{}, j, false
	}
	mult := Amount(1)
	if arabic && strings.HasPrefix(rest, "万") && !strings.HasPrefix(rest, "万元") {
		rest, j, mult = rest[len("万"):], j+len("万"), 10_000
	}
	unit := ""
	for _, c := range counters {
		if strings.HasPrefix(rest, c) {
			unit = c
			break
		}
	}
	if unit == "" {
		return Mention{}, j, false
	}
	v, ok := parseNumberToken(tok)
	if !ok {
		return Mention{}, j, false
	}
	m := Mention{Start: i, End: j + len(unit), Text: text[i : j+len(unit)], Value: v * mult, Unit: unit}
	switch unit {
	case "万元":
		m.Money = true
	case "元":
		m.Money, m.Value = true, m.Value/10_000 // 元 → 万元; exact to the 分
	}
	return m, j, true
}

// commaGroup reports whether s starts with exactly three digits (a
// thousands separator in "4,173").
func commaGroup(s string) bool {
	if len(s) < 3 {
		return false
	}
	for k := 0; k < 3; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return len(s) == 3 || s[3] < '0' || s[3] > '9'
}

// CheckNarrative compares every number in the sections that refers to a
// table cell with the cell (narrative-mismatch, an error: approval is
// blocked), and the parts the text lists against the total it states
// (narrative-sum).
func CheckNarrative(r *Report) []Finding {
	return checkNarrative(r, func(sec Section) []Mention { return Mentions(sec, r.Sections[sec]) })
}

// checkNarrative is CheckNarrative with the sections' mentions from
// mentions (the linter reads them once for all its narrative checks).
func checkNarrative(r *Report, mentions func(Section) []Mention) []Finding {
	var out []Finding
	for _, sec := range Sections {
		text := r.Sections[sec]
		if strings.TrimSpace(text) == "" {
			continue
		}
		ms := mentions(sec)
		for _, m := range ms {
			m.Keys = keysIn(r.Format, m.Keys)
			if len(m.Keys) == 0 {
				continue
			}
			var want Amount
			for _, k := range m.Keys {
				want += r.Value(k.Table, k.Row, k.Col)
			}
			if want == m.Value {
				continue
			}
			k := m.Keys[0]
			// Row is the first cell's row and Col is set only for a single
			// cell (the linter matches findings to mentions by them); the
			// message names the row or group the words name.
			f := Finding{Code: CodeNarrativeMismatch, Severity: SevError, Table: k.Table, Row: k.Row, Section: sec, Quote: m.Text}
			if len(m.Keys) == 1 {
				f.Col = k.Col
			}
			unit := ""
			if m.Money {
				unit = "万元"
			}
			said := "写明“" + strings.TrimSpace(m.Clause) + m.Text + "”"
			if m.Zero {
				said = "称“" + m.Text + "”"
			}
			f.Message = "第" + sec.Numeral() + "部分" + said + "，但表" + string(k.Table) + "中" + m.Label + "为" + want.String() + unit
			out = append(out, f)
		}
		out = append(out, checkSums(sec, text, ms)...)
	}
	return out
}

// keysIn translates the cells a mention names (2021 labels) into the
// report's format. The 2019 format names 行政规范性文件 "规范性文件", its
// 本年制发 "本年新制作数量" and its decisions "处理决定数量", and has one
// （六）其他处理 row; its other table-二 columns mean something else
// (上一年项目数量, 对外公开总数量), so mentions of 废止, 现行有效 and the fee
// amount are not compared.
func keysIn(f Format, keys []Key) []Key {
	if f != Format2019 {
		return keys
	}
	other := map[string]bool{}
	for _, row := range ThreeGroups(Format2021)[5].Rows {
		other[row] = true
	}
	var out []Key
	seen := map[Key]bool{}
	for _, k := range keys {
		switch {
		case k.Table == TableThree && other[k.Row]:
			k.Row = ThreeOther
		case k.Table == TableTwo:
			if k.Row == RowNormative {
				k.Row = RowNormative9
			}
			switch k.Col {
			case ColIssued:
				k.Col = ColMade9
			case ColDecisions:
				k.Col = ColDecisions9
			default:
				return nil
			}
		}
		if !validKey(f, k) {
			return nil
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
