package annualreport

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	// Template text left unfilled: "20XX年", "XX局", "××条", "共收到申请X件".
	placeholderRE = regexp.MustCompile(`(?:20|19)[XＸxｘ×]{2}|[XＸ×]{2,}|[XＸ×]\s*(?:年|月|日|条|件|个|次|项|万元|元|家|人|份)|（\s*单位名称\s*）|\(\s*单位名称\s*\)`)
	// A title whose year was left out: "   年政府信息公开工作年度报告".
	noYearRE = regexp.MustCompile(`(?:^|\s|公布|做好)年度?(?:政府)?(?:信息公开|政务公开)工作年度报告`)
	// A clause dated by its first words: "2022年，我局新制作…".
	clauseYearRE = regexp.MustCompile(`(?:^|[。；;\n])\s*(\d{4})年(度)?(以来|全年|[，,我本共全])`)
	countRE      = regexp.MustCompile(`\d+\s*(?:条|件|个|次|项|家|份)`)
	// "本报告由总体情况、…、其他需要报告的事项7个部分组成".
	partsRE = regexp.MustCompile(`(?:由|从)([^。]{4,160}?)(?:等)?\s*([0-9一二三四五六七八九十]+)\s*个(?:部分|方面)`)
)

// textChecks looks for unfilled template text, a missing year and figures
// given for another year than the report's.
func (l *linter) textChecks() {
	for _, it := range l.src.items {
		if p := l.placeholder(it.text); p != "" {
			where := "正文"
			if !it.para {
				where = "表格"
			}
			l.add(Finding{Code: CodePlaceholder, Severity: SevError, Quote: p,
				Message: fmt.Sprintf("%s中有未填写的模板文字“%s”", where, p)}, it.line)
		}
	}
	if m := noYearRE.FindString(l.nar.preamble); m != "" {
		l.add(Finding{Code: CodePlaceholder, Severity: SevError, Quote: strings.TrimSpace(m),
			Message: "标题中缺少报告年度"}, l.quoteLine(1, strings.TrimSpace(m)))
	} else if l.meta.year == 0 {
		l.add(Finding{Code: CodePlaceholder, Severity: SevWarning,
			Message: "未写明报告年度（标题、统计期限和正文中都没有年份），无法核对年份和格式"}, l.firstLine())
	}
	l.yearChecks()
	for _, sec := range Sections {
		if h, ok := l.nar.headText[sec]; ok && !titleFits(h, sec) {
			l.add(Finding{Code: CodeLabel, Severity: SevWarning, Section: sec, Quote: h,
				Message: "标题" + misspelt(h, sec.Title())}, l.nar.headLine[sec])
		}
	}
}

// placeholder returns the template text in s, if any. An X next to a
// Latin letter or digit belongs to a word or a code, not a template.
func (l *linter) placeholder(s string) string {
	// containsAny (one strings.Contains per character) rather than
	// strings.ContainsAny, which is slow with non-ASCII characters: this
	// runs on every line.
	if !containsAny(s, "X", "Ｘ", "×", "x", "ｘ") && !strings.Contains(s, "单位名称") {
		return ""
	}
	for _, m := range placeholderRE.FindAllStringIndex(s, -1) {
		before, after := s[:m[0]], s[m[1]:]
		if r, _ := utf8.DecodeLastRuneInString(before); isLatin(r) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(after); isLatin(r) && !strings.HasPrefix(s[m[0]:], "20") {
			continue
		}
		return s[m[0]:m[1]]
	}
	return ""
}

func isLatin(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '/' || r == '.'
}

func (l *linter) firstLine() int {
	if len(l.src.items) > 0 {
		return l.src.items[0].line
	}
	return 0
}

// yearChecks: the 统计期限 must be the report year, a page's 发文日期 must
// come after it, and a clause that opens with another year must not
// report figures (a sentence copied from last year's report). Section 五
// is skipped: it reviews last year's problems by design.
func (l *linter) yearChecks() {
	y := l.meta.year
	if y == 0 {
		return
	}
	if v := periodRE.FindStringSubmatch(l.nar.preamble + l.nar.sections[1]); v != nil {
		from, to := atoi(v[1]), atoi(v[2])
		if from != y || to != y {
			l.add(Finding{Code: CodeYear, Severity: SevError, Section: 1, Quote: v[0],
				Message: fmt.Sprintf("统计期限“%s”与报告年度%d年不符", v[0], y)}, l.quoteLine(1, v[0]))
		}
	}
	if p := atoi(l.meta.published); p != 0 && p <= y {
		l.add(Finding{Code: CodeYear, Severity: SevError,
			Message: fmt.Sprintf("%d年度报告的发文日期在%d年，早于报告年度结束", y, p)}, l.firstLine())
	}
	for _, sec := range []Section{1, 2, 3, 4, 6} {
		text := l.rep.Sections[sec]
		for _, m := range clauseYearMatches(text) {
			other := atoi(text[m[2]:m[3]])
			since := text[m[6]:m[7]] == "以来"
			if other == y || since && other < y {
				continue
			}
			rest := text[m[2]:]
			if end := strings.IndexAny(rest, "。；;\n"); end >= 0 {
				rest = rest[:end]
			}
			// "2022年共受理10件，2023年共受理15件" compares the years.
			if !countRE.MatchString(rest) || strings.Contains(rest, fmt.Sprintf("%d年", y)) {
				continue
			}
			q := rest
			if utf8.RuneCountInString(q) > 30 {
				q = string([]rune(q)[:30]) + "…"
			}
			l.add(Finding{Code: CodeYear, Severity: SevError, Section: sec, Quote: q,
				Message: fmt.Sprintf("第%s部分“%s”写的是%d年的数字，与报告年度%d年不符", sec.Numeral(), q, other, y)},
				l.quoteLine(sec, text[m[2]:m[3]]+"年"))
		}
	}
}

// sectionWords identify the six sections when the introduction lists them.
var sectionWords = [][]string{{"总体情况"}, {"主动公开"}, {"收到和处理", "依申请公开"}, {"行政复议", "行政诉讼"},
	{"存在的主要问题", "主要问题", "改进情况"}, {"其他需要报告", "其他事项"}}

// partsCount checks "本报告由总体情况、……组成，共N个部分" against the
// sections the sentence lists (the format has six).
func (l *linter) partsCount() {
	for _, sec := range []Section{1} {
		text := l.rep.Sections[sec]
		// partsRE ends in "个部分" or "个方面": most texts need no regexp.
		if !strings.Contains(text, "个部分") && !strings.Contains(text, "个方面") {
			continue
		}
		for _, m := range partsRE.FindAllStringSubmatch(text, -1) {
			list, num := m[1], m[2]
			stated, ok := ParseChinese(num)
			if !ok {
				stated = int64(atoi(num))
			}
			listed := 0
			for _, words := range sectionWords {
				for _, w := range words {
					if strings.Contains(list, w) {
						listed++
						break
					}
				}
			}
			if listed < 3 || int64(listed) == stated {
				continue
			}
			l.add(Finding{Code: CodeNarrativeSum, Severity: SevWarning, Section: sec, Quote: num + "个",
				Message: fmt.Sprintf("正文称报告由%s个部分组成，但列出的是%d个部分（格式规定六个部分）", num, listed)},
				l.quoteLine(sec, num+"个"))
		}
	}
}

// clauseYearAtRE is clauseYearRE anchored, tried only where a match can
// start: at the beginning and at a separator.
var clauseYearAtRE = regexp.MustCompile(`^` + clauseYearRE.String())

// clauseYearMatches is clauseYearRE.FindAllStringSubmatchIndex(text, -1)
// without letting the regexp try every byte (it was the linter's costliest
// regexp on a complete report). On text[i:] the inner "^" also matches at
// i, which only matters at a "\n" that the following \s* consumes anyway:
// the match and its groups are the same.
func clauseYearMatches(text string) [][]int {
	var out [][]int
	try := func(at int) int {
		m := clauseYearAtRE.FindStringSubmatchIndex(text[at:])
		if m == nil {
			return -1
		}
		for j := range m {
			if m[j] >= 0 {
				m[j] += at
			}
		}
		out = append(out, m)
		return m[1]
	}
	i := 1
	if e := try(0); e >= 0 {
		i = e
	}
	for i < len(text) {
		c, w := text[i], 1
		sep := c == '\n' || c == ';'
		if c == 0xE3 || c == 0xEF {
			if strings.HasPrefix(text[i:], "。") || strings.HasPrefix(text[i:], "；") {
				sep, w = true, len("。")
			}
		}
		if sep {
			if e := try(i); e >= 0 {
				i = e
				continue
			}
		}
		i += w
	}
	return out
}
