package workday

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar day without time of day or time zone. It is stored as
// the number of days since 1970-01-01, so it is comparable with == and can be
// used as a map key. The zero value is 1970-01-01.
type Date struct {
	days int64
}

const secondsPerDay = 24 * 60 * 60

// dateLayout is the only accepted text form of a Date.
const dateLayout = "2006-01-02"

// NewDate returns the date y-m-d. Out-of-range values are normalised the way
// time.Date does (e.g. February 30 becomes March 1 or 2).
func NewDate(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date{days: t.Unix() / secondsPerDay}
}

// FromTime returns the calendar day of t in t's own location. Convert t to
// the wanted zone first (e.g. Asia/Shanghai) if it matters.
func FromTime(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate parses a date in the form "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, strings.TrimSpace(s))
	if err != nil {
		return Date{}, fmt.Errorf("日期格式无效：%q，应为“年-月-日”格式，例如 2026-01-02", s)
	}
	return FromTime(t), nil
}

// Time returns the date as midnight UTC.
func (d Date) Time() time.Time {
	return time.Unix(d.days*secondsPerDay, 0).UTC()
}

// String returns the date as "2006-01-02".
func (d Date) String() string { return d.Time().Format(dateLayout) }

// AddDays returns the date n days later (earlier if n < 0).
func (d Date) AddDays(n int) Date { return Date{days: d.days + int64(n)} }

// DaysUntil is the number of calendar days from d to o (negative when o
// is earlier).
func (d Date) DaysUntil(o Date) int { return int(o.days - d.days) }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Year returns the year.
func (d Date) Year() int { return d.Time().Year() }

// Month returns the month.
func (d Date) Month() time.Month { return d.Time().Month() }

// Day returns the day of the month.
func (d Date) Day() int { return d.Time().Day() }

// Before reports whether d is earlier than o.
func (d Date) Before(o Date) bool { return d.days < o.days }

// After reports whether d is later than o.
func (d Date) After(o Date) bool { return d.days > o.days }

// Equal reports whether d and o are the same day.
func (d Date) Equal(o Date) bool { return d.days == o.days }

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	switch {
	case d.days < o.days:
		return -1
	case d.days > o.days:
		return 1
	}
	return 0
}

// isWeekend reports whether d is a Saturday or Sunday.
func (d Date) isWeekend() bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// MarshalText implements encoding.TextMarshaler ("2006-01-02").
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler ("2006-01-02").
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
