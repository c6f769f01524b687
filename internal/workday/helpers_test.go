package workday

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// d parses "2006-01-02" or panics; for test tables.
func d(s string) Date {
	v, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

// days builds rest or work days for an inclusive date range.
func days(kind Kind, from, to string) []Day {
	var out []Day
	for x := d(from); !x.After(d(to)); x = x.AddDays(1) {
		out = append(out, Day{Date: x, Kind: kind})
	}
	return out
}

// arrangement builds a year's days as a notice states them: inclusive rest
// ranges and single 调休 working days.
func arrangement(rest [][2]string, work []string) []Day {
	var out []Day
	for _, r := range rest {
		out = append(out, days(Rest, r[0], r[1])...)
	}
	for _, w := range work {
		out = append(out, days(Work, w, w)...)
	}
	return out
}

// arrangement2026 is the 2026 arrangement: what the 2026 notice states and
// what lunar-go lists for 2026.
func arrangement2026() []Day {
	return arrangement([][2]string{
		{"2026-01-01", "2026-01-03"}, {"2026-02-15", "2026-02-23"}, {"2026-04-04", "2026-04-06"},
		{"2026-05-01", "2026-05-05"}, {"2026-06-19", "2026-06-21"}, {"2026-09-25", "2026-09-27"},
		{"2026-10-01", "2026-10-07"},
	}, []string{"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
}

// dayKeys renders days as sorted "2006-01-02 rest" strings, ignoring names.
func dayKeys(ds []Day) []string {
	out := make([]string, len(ds))
	for i, x := range ds {
		out[i] = fmt.Sprintf("%s %s", x.Date, x.Kind)
	}
	slices.Sort(out)
	return out
}

// diffKeys reports entries only in a and only in b.
func diffKeys(a, b []string) (onlyA, onlyB []string) {
	for _, x := range a {
		if !slices.Contains(b, x) {
			onlyA = append(onlyA, x)
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			onlyB = append(onlyB, x)
		}
	}
	return onlyA, onlyB
}

// officialForHolidayYear returns lunar-go's entries that belong to the
// holidays of year y (e.g. 2022-12-31 belongs to 2023's 元旦).
func officialForHolidayYear(y int) []Day {
	var out []Day
	for _, od := range officialOnce() {
		if od.holidayYear == y {
			out = append(out, od.Day)
		}
	}
	return out
}

// assertSameDays fails unless got and want hold the same (date, kind) pairs.
func assertSameDays(t *testing.T, got, want []Day) {
	t.Helper()
	onlyGot, onlyWant := diffKeys(dayKeys(got), dayKeys(want))
	if len(onlyGot) > 0 || len(onlyWant) > 0 {
		t.Errorf("days differ\n only got:  %s\n only want: %s",
			strings.Join(onlyGot, ", "), strings.Join(onlyWant, ", "))
	}
}
