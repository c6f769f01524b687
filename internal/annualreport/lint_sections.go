package annualreport

import (
	"regexp"
	"strings"
)

// headingRE finds a section heading: a numeral, "、", and within the next
// few characters the words that identify the section. Real reports add
// words ("政府信息公开工作存在的主要问题及改进情况", Shanghai's
// "因政府信息公开工作被申请行政复议和提起行政诉讼情况", spec §2.8) and
// sometimes run the heading into the text ("二、主动公开政府信息情况本单位…").
var headingRE = regexp.MustCompile(`([一二三四五六])、[ \t　]*([^。；;，,、|\n]{0,24}?)(总体情况|主动公开|收到和处理|依申请公开|行政复议|行政诉讼|主要问题|改进情况|其他需要报告|其他事项)`)

// headingAtRE is headingRE anchored: findHeadings tries it only where a
// numeral and "、" stand, instead of letting the regexp try every byte.
var headingAtRE = regexp.MustCompile(`^` + headingRE.String())

// headingWords are the words that may identify each section.
var headingWords = map[string][]string{
	"一": {"总体情况"},
	"二": {"主动公开"},
	"三": {"收到和处理", "依申请公开"},
	"四": {"行政复议", "行政诉讼"},
	"五": {"主要问题", "改进情况"},
	"六": {"其他需要报告", "其他事项"},
}

// heading is a section heading found in a text: the bytes [start, end)
// it covers (through "情况" or "事项" when the title ends there).
type heading struct {
	sec        Section
	start, end int
}

// findHeadings lists the section headings in a paragraph. Table 三's row
// labels ("三、本年度办理结果", "四、结转下年度继续办理") never match: their
// words are not a section's.
func findHeadings(text string) []heading {
	if !strings.Contains(text, "、") {
		return nil
	}
	var out []heading
	for _, m := range headingMatches(text) {
		num, word := text[m[2]:m[3]], text[m[6]:m[7]]
		// A heading starts a line or follows a sentence; "第二、三季度" is no heading.
		if before := strings.TrimRight(text[:m[0]], " \t\r\n\u3000"); before != "" && !strings.HasSuffix(before, "。") &&
			!strings.HasSuffix(before, "：") && !strings.HasSuffix(before, ":") && !strings.HasSuffix(before, "；") &&
			len(before) == len(text[:m[0]]) {
			continue
		}
		ok := false
		for _, w := range headingWords[num] {
			ok = ok || w == word
		}
		if !ok {
			continue
		}
		sec := Section(strings.Index("一二三四五六", num)/len("一") + 1)
		end := m[7]
		tail := text[end:]
		if i := strings.Index(tail, "情况"); i >= 0 && i <= 30 && !strings.ContainsAny(tail[:i], "。；;，,") {
			end += i + len("情况")
		} else if i := strings.Index(tail, "事项"); i >= 0 && i <= 12 {
			end += i + len("事项")
		}
		out = append(out, heading{sec: sec, start: m[0], end: end})
	}
	return out
}

// headingAt reports whether a line starts with a section heading.
func headingAt(line string) (Section, bool) {
	hs := findHeadings(line)
	if len(hs) == 0 || strings.TrimSpace(line[:hs[0].start]) != "" {
		return 0, false
	}
	return hs[0].sec, true
}

// narrative is a report's text outside the tables, split by section.
type narrative struct {
	preamble string             // title and introduction before 一、总体情况
	sections map[Section]string // the text of each section, headings removed
	present  map[Section]bool   // headings found
	lines    map[Section][]int  // source lines of each section's paragraphs
	paras    []item             // every paragraph, in order
	headLine map[Section]int    // source line of each heading
	headText map[Section]string // each heading as published
}

// splitNarrative assigns every paragraph to the section whose heading
// precedes it, cutting paragraphs where a heading appears inside them.
func splitNarrative(items []item) narrative {
	n := narrative{sections: map[Section]string{}, present: map[Section]bool{}, lines: map[Section][]int{}, headLine: map[Section]int{}, headText: map[Section]string{}}
	cur := Section(0)
	var pre strings.Builder
	add := func(s Section, text string, line int) {
		text = strings.TrimSpace(text)
		if text == "" {
			return
		}
		if s == 0 {
			pre.WriteString(text + "\n")
			return
		}
		n.sections[s] += text + "\n"
		n.lines[s] = append(n.lines[s], line)
	}
	for _, it := range items {
		if !it.para {
			continue
		}
		n.paras = append(n.paras, it)
		text, at := it.text, 0
		for _, h := range findHeadings(text) {
			if h.sec <= cur { // a back-reference such as "见一、总体情况" inside a later section
				continue
			}
			add(cur, text[at:h.start], it.line)
			cur, at = h.sec, h.end
			n.present[cur] = true
			n.headLine[cur] = it.line
			n.headText[cur] = strings.TrimSpace(text[h.start:h.end])
		}
		add(cur, text[at:], it.line)
	}
	n.preamble = pre.String()
	return n
}

// titleKey normalises a section title for comparison: "和" for "及" and
// enumeration commas do not matter.
func titleKey(s string) string { return titleCleaner.Replace(labelKey(s)) }

// titleCleaner is built once: building a Replacer costs more than using it.
var titleCleaner = strings.NewReplacer("和", "及", "、", "", "，", "", ",", "")

// titleFits reports whether a published heading is the format's title,
// possibly with words added (spec §2.8: "政府信息公开工作存在的主要问题及改进
// 情况", Shanghai's "因政府信息公开工作被申请行政复议和提起行政诉讼情况"):
// every character of the title appears in order.
func titleFits(published string, sec Section) bool {
	want := []rune(titleKey(sec.Title()))
	i := 0
	for _, r := range titleKey(published) {
		if i < len(want) && r == want[i] {
			i++
		}
	}
	return i == len(want)
}

// headingMatches is headingRE.FindAllStringSubmatchIndex(text, -1): the
// leftmost match starts at the first "[一二三四五六]、" where the anchored
// pattern matches, and the next search resumes after the match.
func headingMatches(text string) [][]int {
	var out [][]int
	for pos := 0; pos < len(text); {
		i := strings.Index(text[pos:], "、")
		if i < 0 {
			break
		}
		at := pos + i - len("一") // every numeral is 3 bytes in UTF-8
		if at < pos || !strings.Contains("一二三四五六", text[at:pos+i]) {
			pos += i + len("、")
			continue
		}
		m := headingAtRE.FindStringSubmatchIndex(text[at:])
		if m == nil {
			pos += i + len("、")
			continue
		}
		for j := range m {
			if m[j] >= 0 {
				m[j] += at
			}
		}
		out = append(out, m)
		pos = m[1]
	}
	return out
}
