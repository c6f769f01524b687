package workday

import (
	"fmt"
	"strings"
	"time"
)

var weekdayNames = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// readNumber reads the run of ASCII digits at r[i:] and returns its value
// and the index after it.
func readNumber(r []rune, i int) (int, int) {
	n, j := 0, i
	for j < len(r) && isDigit(r[j]) && j-i < 6 {
		n = n*10 + int(r[j]-'0')
		j++
	}
	return n, j
}

func runeAt(r []rune, i int) rune {
	if i < len(r) {
		return r[i]
	}
	return 0
}

// parseDateRef reads "2022年12月31日", "1月28日" or "27日" at r[i:], plus an
// optional bracketed remark such as "(农历除夕、周二)".
func parseDateRef(r []rune, i int) (dateRef, int, bool) {
	ref := dateRef{weekday: -1}
	num, j := readNumber(r, i)
	width := j - i
	if width == 4 && runeAt(r, j) == '年' {
		ref.year = num
		k := j + 1
		num, j = readNumber(r, k)
		width = j - k
	}
	if width >= 1 && width <= 2 && runeAt(r, j) == '月' {
		ref.month = num
		k := j + 1
		num, j = readNumber(r, k)
		width = j - k
	}
	if width < 1 || width > 2 || runeAt(r, j) != '日' {
		return ref, i, false
	}
	ref.day = num
	j++
	ref.text = string(r[i:j])
	if runeAt(r, j) == '(' {
		for k := j + 1; k < len(r) && k < j+40; k++ {
			if r[k] == ')' {
				ref.weekday = weekdayIn(string(r[j+1 : k]))
				j = k + 1
				break
			}
		}
	}
	return ref, j, true
}

// weekdayIn finds "星期X" or "周X" in a bracketed remark; -1 if none.
func weekdayIn(s string) int {
	for _, prefix := range []string{"星期", "周"} {
		rest := s
		for {
			k := strings.Index(rest, prefix)
			if k < 0 {
				break
			}
			rest = rest[k+len(prefix):]
			for wd, c := range []string{"日", "一", "二", "三", "四", "五", "六"} {
				if strings.HasPrefix(rest, c) {
					return wd
				}
			}
			if strings.HasPrefix(rest, "天") {
				return 0
			}
		}
	}
	return -1
}

// defaultYear is the year of a date written without one.
func (s *sectionScanner) defaultYear(month int) int {
	if !s.newYear {
		return s.year
	}
	anchor := s.year // the 元旦 of the notice year...
	if !s.firstSect {
		anchor++ // ...or, in a later section, the next year's 元旦
	}
	if month == 12 {
		return anchor - 1
	}
	return anchor
}

// resolve turns a written date into a Date. start is the beginning of the
// range the date ends, or nil.
func (s *sectionScanner) resolve(ref dateRef, start *Date) (Date, error) {
	y, m := ref.year, ref.month
	// A December date with an implied year may sit on either side of the year
	// end (元旦); a stated weekday may then correct the year.
	flexible := ref.year == 0 && ref.month == 12
	switch {
	case m == 0:
		base, ok := s.last, s.hasLast
		if start != nil {
			base, ok = *start, true
		}
		if !ok {
			return Date{}, fmt.Errorf("日期“%s”缺少月份", ref.text)
		}
		m = int(base.Month())
		if y == 0 {
			y = base.Year()
		}
	case y == 0 && start != nil:
		y = start.Year()
		if m < int(start.Month()) {
			y++ // "12月30日至1月1日"
		}
	case y == 0:
		y = s.defaultYear(m)
	}
	if !validYMD(y, m, ref.day) {
		return Date{}, fmt.Errorf("日期“%s”无效", ref.text)
	}
	d := NewDate(y, time.Month(m), ref.day)
	if ref.weekday < 0 || int(d.Weekday()) == ref.weekday {
		return d, nil
	}
	if flexible {
		for _, alt := range []int{y - 1, y + 1} {
			if validYMD(alt, m, ref.day) {
				if a := NewDate(alt, time.Month(m), ref.day); int(a.Weekday()) == ref.weekday {
					return a, nil
				}
			}
		}
	}
	return Date{}, fmt.Errorf("日期“%s”与所注%s不符：%s 是%s",
		ref.text, weekdayNames[ref.weekday], d, weekdayNames[d.Weekday()])
}

// validYMD reports whether y-m-d is a real calendar day.
func validYMD(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
