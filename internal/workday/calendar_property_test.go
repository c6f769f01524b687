package workday

import (
	"errors"
	"testing"
)

// checkAddWorkdays asserts the properties of AddWorkdays(start, n), n > 0:
// the result is a working day, strictly later than start, and exactly n
// working days lie in (start, result].
func checkAddWorkdays(t *testing.T, c *Calendar, start Date, n int) {
	t.Helper()
	got, err := c.AddWorkdays(start, n)
	if err != nil {
		if !errors.Is(err, ErrYearNotCovered) {
			t.Fatalf("AddWorkdays(%s, %d): unexpected error %v", start, n, err)
		}
		return
	}
	if !got.After(start) {
		t.Fatalf("AddWorkdays(%s, %d) = %s, not after start", start, n, got)
	}
	if ok, err := c.IsWorkday(got); err != nil || !ok {
		t.Fatalf("AddWorkdays(%s, %d) = %s, not a working day (%v)", start, n, got, err)
	}
	if k, err := c.WorkdaysBetween(start, got); err != nil || k != n {
		t.Fatalf("WorkdaysBetween(%s, %s) = %d, %v; want %d", start, got, k, err, n)
	}
	if k, err := c.WorkdaysBetween(start, got.AddDays(-1)); err != nil || k != n-1 {
		t.Fatalf("result %s is not the first day reaching %d working days (%d, %v)", got, n, k, err)
	}
}

func TestAddWorkdaysProperties(t *testing.T) {
	for x := d("2022-12-01"); !x.After(d("2026-12-31")); x = x.AddDays(1) {
		for _, n := range []int{1, 2, 5, 15, 20, 40} {
			checkAddWorkdays(t, official, x, n)
		}
	}
}

func FuzzAddWorkdays(f *testing.F) {
	f.Add(uint16(0), uint8(20))
	f.Add(uint16(8800), uint8(1))
	f.Add(uint16(9400), uint8(200))
	base := d("2002-01-01")
	f.Fuzz(func(t *testing.T, offset uint16, n uint8) {
		start := base.AddDays(int(offset) % 9500) // up to 2027
		checkAddWorkdays(t, official, start, int(n)%80+1)
	})
}
