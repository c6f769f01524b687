package docimport

import (
	"html"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"gongkai/internal/workday"
)

// Statute limit of 条例第二十六条: proactive information goes online within
// 20 working days of being formed or changed.
const publishWithinWorkdays = 20

// LateWorkdays is how many working days past the 20-day limit of 条例第二十六条
// a document formed on formedOn (YYYY-MM-DD) went online at published. When
// the calendar does not cover a year on the way it returns 0 and an error
// wrapping workday.ErrYearNotCovered: lateness is never guessed from Mon–Fri.
func LateWorkdays(cal *workday.Calendar, formedOn string, published time.Time) (int, error) {
	from, err := workday.ParseDate(formedOn)
	if err != nil {
		return 0, err
	}
	n, err := cal.WorkdaysBetween(from, workday.FromTime(published.In(china)))
	if err != nil || n <= publishWithinWorkdays {
		return 0, err
	}
	return n - publishWithinWorkdays, nil
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// summaryRunes is how much of the body becomes the 内容概述 when the old CMS
// had none (条例第十二条 requires one in the 目录).
const summaryRunes = 120

// SummaryOf derives a 内容概述 from a sanitised body: its text without the
// 主送机关 line, whitespace collapsed, cut at summaryRunes characters.
func SummaryOf(bodyHTML string) string {
	text := html.UnescapeString(tagRE.ReplaceAllString(bodyHTML, " "))
	text = strings.Join(strings.Fields(text), " ")
	// An official document opens with its 主送机关 ("各县（市、区）经信部门：");
	// the overview starts after it.
	if head, rest, ok := strings.Cut(text, "： "); ok && utf8.RuneCountInString(head) <= 60 && rest != "" {
		text = rest
	}
	if utf8.RuneCountInString(text) <= summaryRunes {
		return text
	}
	r := []rune(text)
	return strings.TrimSpace(string(r[:summaryRunes])) + "…"
}
