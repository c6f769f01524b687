package workday

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// Kind says what an override does to a date.
type Kind string

const (
	// Rest is a statutory holiday or rest day (放假, including 补休).
	Rest Kind = "rest"
	// Work is a make-up working day (调休上班), usually a Saturday or Sunday.
	Work Kind = "work"
)

// Valid reports whether k is Rest or Work.
func (k Kind) Valid() bool { return k == Rest || k == Work }

// Day is one explicit override of the Mon–Fri rule.
type Day struct {
	Date Date
	Kind Kind
	Name string // holiday it belongs to, e.g. 春节
}

// ErrYearNotCovered is returned (wrapped in *YearNotCoveredError) when a
// date lies in a year without an official holiday arrangement.
var ErrYearNotCovered = errors.New("该年度没有官方节假日安排数据")

// YearNotCoveredError names the year that is not covered.
// errors.Is(err, ErrYearNotCovered) is true for it.
type YearNotCoveredError struct {
	Year int
}

func (e *YearNotCoveredError) Error() string {
	return fmt.Sprintf("%d年：%s，请先录入国务院办公厅当年的节假日安排通知", e.Year, ErrYearNotCovered.Error())
}

// Unwrap returns ErrYearNotCovered.
func (e *YearNotCoveredError) Unwrap() error { return ErrYearNotCovered }

// Calendar holds explicit per-date overrides plus the set of years that are
// officially covered. It is immutable after New and safe for concurrent use.
type Calendar struct {
	days    map[Date]Day
	covered map[int]bool
}

// New builds a Calendar. For duplicate dates the later entry wins. Entries
// whose Kind is neither Rest nor Work are ignored (check Kind.Valid on input).
func New(days []Day, coveredYears []int) *Calendar {
	c := &Calendar{
		days:    make(map[Date]Day, len(days)),
		covered: make(map[int]bool, len(coveredYears)),
	}
	for _, d := range days {
		if d.Kind.Valid() {
			c.days[d.Date] = d
		}
	}
	for _, y := range coveredYears {
		c.covered[y] = true
	}
	return c
}

// OfficialCalendar returns New(Official()).
func OfficialCalendar() *Calendar { return New(Official()) }

// Covers reports whether year has an official arrangement in c.
func (c *Calendar) Covers(year int) bool { return c.covered[year] }

// Years returns the covered years in ascending order.
func (c *Calendar) Years() []int {
	ys := make([]int, 0, len(c.covered))
	for y := range c.covered {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	return ys
}

// Lookup returns the explicit override for d, if any.
func (c *Calendar) Lookup(d Date) (Day, bool) {
	day, ok := c.days[d]
	return day, ok
}

// IsWorkday reports whether d is a working day. An override wins; otherwise
// Monday–Friday are working days. It fails with ErrYearNotCovered (wrapped)
// if d's year is not covered.
func (c *Calendar) IsWorkday(d Date) (bool, error) {
	if y := d.Year(); !c.Covers(y) {
		return false, &YearNotCoveredError{Year: y}
	}
	if day, ok := c.days[d]; ok {
		return day.Kind == Work, nil
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday, nil
}

// AddWorkdays returns the n-th working day after d; counting starts on the
// day after d (条例第三十三条: "收到申请之日起20个工作日内"). n = 0 returns d.
// It fails if n < 0 or if any day walked lies in an uncovered year.
func (c *Calendar) AddWorkdays(d Date, n int) (Date, error) {
	if n < 0 {
		return Date{}, fmt.Errorf("工作日天数不能为负数：%d", n)
	}
	for n > 0 {
		d = d.AddDays(1)
		ok, err := c.IsWorkday(d)
		if err != nil {
			return Date{}, err
		}
		if ok {
			n--
		}
	}
	return d, nil
}

// WorkdaysBetween counts the working days in (from, to]: from itself is not
// counted, to is. It returns 0 if to is not after from, and fails if any day
// in the interval lies in an uncovered year. Used for checks such as
// "published within 20 working days after it was formed" (条例第二十六条).
func (c *Calendar) WorkdaysBetween(from, to Date) (int, error) {
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		ok, err := c.IsWorkday(d)
		if err != nil {
			return 0, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}
