package workday

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// ParseNotice parses the text of a 国务院办公厅 holiday notice
// (关于XXXX年部分节假日安排的通知) and returns the rest and work days it states,
// sorted by date. Both the old wording (星期X, 补休, 与周末连休) and the wording
// used from 2025 on (周X, 农历 remarks in brackets) are accepted, with full- or
// half-width punctuation.
//
// Rules:
//   - The notice year comes from "关于XXXX年部分节假日安排", else from
//     "现将XXXX年", else from a "XXXX年" on the first non-empty line.
//   - Only the numbered sections ("一、元旦：…"; failing those, lines such as
//     "春节：…") are read, so the preamble and signature date are ignored;
//     each section's name becomes Day.Name. Within a section, a date is taken only if its clause
//     (text up to the next ，。；) says 放假 or 补休 (Rest) or 上班 (Work); so
//     remarks such as "安排职工在除夕（2月9日）休息" are ignored.
//   - "与周末连休" adds the Saturday/Sunday adjoining the stated rest days
//     (e.g. 2024: "6月10日放假，与周末连休" gives 06-08…06-10), as lunar-go does.
//   - "至3日" inherits the month; a range may cross months and the year end.
//     Dates without a year get the notice year, except in a 元旦 section: if it
//     is the first section, December dates belong to the previous year; if it
//     comes later (next year's 元旦), January dates belong to the next year.
//     A stated weekday (星期六 / 周六) must match the date; for a December date
//     with an implied year the adjacent years are tried before giving up.
func ParseNotice(text string) ([]Day, error) {
	norm := normalizeNotice(text)
	year, err := noticeYear(norm)
	if err != nil {
		return nil, err
	}
	sections := splitSections(norm)
	if len(sections) == 0 {
		return nil, errors.New("未在通知中找到节假日条目（应形如“一、元旦：1月1日放假……”）")
	}
	col := &collector{days: map[Date]Day{}}
	for i, sec := range sections {
		sc := &sectionScanner{
			year:      year,
			name:      sec.name,
			newYear:   strings.Contains(sec.name, "元旦"),
			firstSect: i == 0,
			col:       col,
		}
		if err := sc.scan([]rune(sec.body)); err != nil {
			return nil, fmt.Errorf("%s：%w", sec.name, err)
		}
	}
	if len(col.days) == 0 {
		return nil, errors.New("未在通知中识别到任何放假或上班日期")
	}
	out := make([]Day, 0, len(col.days))
	for _, d := range col.days {
		if y := d.Date.Year(); y < year-1 || y > year+1 {
			return nil, fmt.Errorf("日期 %s 与通知年度 %d 年不符", d.Date, year)
		}
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b Day) int { return a.Date.Compare(b.Date) })
	return out, nil
}

// MainYear is the year most of days fall in, the earlier one on a tie. A
// notice for year Y may also name the days around the New Year of Y−1 or
// Y+1 (a 元旦 span), which must not mark those years as covered; callers
// that store a notice mark MainYear of its days covered.
func MainYear(days []Day) int {
	count := map[int]int{}
	var years []int
	for _, d := range days {
		if count[d.Date.Year()] == 0 {
			years = append(years, d.Date.Year())
		}
		count[d.Date.Year()]++
	}
	slices.Sort(years)
	best := 0
	for _, y := range years {
		if count[y] > count[best] {
			best = y
		}
	}
	return best
}

// collector gathers days and rejects contradictions.
type collector struct {
	days map[Date]Day
}

func (c *collector) add(d Day) error {
	if old, ok := c.days[d.Date]; ok {
		if old.Kind != d.Kind {
			return fmt.Errorf("通知自相矛盾：%s 既被列为放假又被列为上班", d.Date)
		}
		return nil
	}
	c.days[d.Date] = d
	return nil
}

// punctuation maps full-width and variant forms to one canonical form.
var punctuation = map[rune]rune{
	'（': '(', '）': ')', '，': ',', '。': '.', '．': '.', '：': ':', '；': ';',
	'､': '、', '～': '~', '〜': '~', '－': '-', '—': '-', '–': '-', '！': '!', '？': '?',
}

// normalizeNotice canonicalises punctuation and digits and drops all
// whitespace except newlines.
func normalizeNotice(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			// dropped
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		default:
			if c, ok := punctuation[r]; ok {
				r = c
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

var (
	titleYearRe = regexp.MustCompile(`关于\n*(\d{4})\n*年\n*(?:度\n*)?部分节假日安排`)
	leadYearRe  = regexp.MustCompile(`现将(\d{4})年`)
	anyYearRe   = regexp.MustCompile(`(\d{4})年`)
)

// noticeYear finds the year the notice is about.
func noticeYear(s string) (int, error) {
	var m []string
	if m = titleYearRe.FindStringSubmatch(s); m == nil {
		if m = leadYearRe.FindStringSubmatch(s); m == nil {
			for _, line := range strings.Split(s, "\n") {
				if line != "" {
					m = anyYearRe.FindStringSubmatch(line)
					break
				}
			}
		}
	}
	if m == nil {
		return 0, errors.New("未能识别通知所属年份，请确认包含标题“关于XXXX年部分节假日安排的通知”")
	}
	y, _ := strconv.Atoi(m[1])
	if y < 1999 || y > 2200 {
		return 0, fmt.Errorf("通知年份 %d 不合理", y)
	}
	return y, nil
}

type section struct {
	name, body string
}

var (
	// numberedHeadRe matches "一、元旦:" or "6、中秋节、国庆节:".
	numberedHeadRe = regexp.MustCompile(`(?:[一二三四五六七八九十]+|\d{1,2})、(\p{Han}[\p{Han}、]{0,15}):`)
	// bareHeadRe matches an unnumbered "春节:" at the start of a line.
	bareHeadRe = regexp.MustCompile(`(?m)^(\p{Han}[\p{Han}、]{0,15}):`)
)

// splitSections cuts the text into holiday sections. A section runs until
// the next section head; line breaks inside it are removed so wrapped lines
// join up.
func splitSections(s string) []section {
	heads := numberedHeadRe.FindAllStringSubmatchIndex(s, -1)
	if len(heads) == 0 {
		for _, h := range bareHeadRe.FindAllStringSubmatchIndex(s, -1) {
			name := s[h[2]:h[3]]
			if strings.Contains(name, "节") || strings.Contains(name, "元旦") {
				heads = append(heads, h)
			}
		}
	}
	out := make([]section, 0, len(heads))
	for i, h := range heads {
		end := len(s)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		out = append(out, section{
			name: strings.Trim(s[h[2]:h[3]], "、"),
			body: strings.ReplaceAll(s[h[1]:end], "\n", ""),
		})
	}
	return out
}
