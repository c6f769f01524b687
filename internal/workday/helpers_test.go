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
