package workday

import (
	"errors"
	"strings"
	"testing"
)

var official = OfficialCalendar()

func TestIsWorkdayOfficial(t *testing.T) {
	tests := []struct {
		date string
		want bool
		why  string
	}{
		{"2024-02-04", true, "Sunday make-up day for 春节 2024"},
		{"2023-01-28", true, "Saturday make-up day for 春节 2023"},
		{"2023-01-29", true, "Sunday make-up day for 春节 2023"},
		{"2024-02-12", false, "Monday inside 春节 2024"},
		{"2024-02-09", true, "2024 除夕 was only 'encouraged' off, not official"},
		{"2025-01-28", false, "2025 除夕 is a statutory holiday"},
		{"2025-01-26", true, "Sunday make-up day for 春节 2025"},
		{"2026-02-14", true, "Saturday make-up day before 春节 2026"},
		{"2026-02-23", false, "Monday, last day of 春节 2026"},
		{"2026-02-28", true, "Saturday make-up day after 春节 2026"},
		{"2026-03-01", false, "ordinary Sunday"},
		{"2026-10-08", true, "Thursday after 国庆 2026"},
		{"2026-10-10", true, "Saturday make-up day for 国庆 2026"},
		{"2026-06-19", false, "端午 2026 (Friday)"},
		{"2026-06-18", true, "ordinary Thursday"},
		{"2023-09-29", false, "中秋 2023 (Friday)"},
		{"2023-12-29", true, "Friday before 元旦 2024"},
		{"2025-10-08", false, "Wednesday, 8th day of 国庆中秋 2025"},
		{"2025-10-11", true, "Saturday make-up day for 国庆 2025"},
		{"2022-12-31", false, "Saturday, part of 元旦 2023"},
	}
	for _, tt := range tests {
		got, err := official.IsWorkday(d(tt.date))
		if err != nil || got != tt.want {
			t.Errorf("IsWorkday(%s) = %v, %v; want %v (%s)", tt.date, got, err, tt.want, tt.why)
		}
	}
}

func TestIsWorkdayUncovered(t *testing.T) {
	for _, s := range []string{"2030-01-02", "2028-01-03", "2001-12-31", "1999-06-01"} {
		got, err := official.IsWorkday(d(s))
		if !errors.Is(err, ErrYearNotCovered) || got {
			t.Errorf("IsWorkday(%s) = %v, %v; want ErrYearNotCovered", s, got, err)
			continue
		}
		var yerr *YearNotCoveredError
		if !errors.As(err, &yerr) || yerr.Year != d(s).Year() {
			t.Errorf("IsWorkday(%s): error %v does not carry the year", s, err)
		}
		if !strings.Contains(err.Error(), "没有官方节假日安排数据") {
			t.Errorf("error message %q is not the Chinese message", err)
		}
	}
}

func TestAddWorkdays(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string // "" means ErrYearNotCovered
	}{
		{"2026-02-10", 20, "2026-03-16"}, // counts the 02-14 and 02-28 Saturdays
		{"2025-09-26", 20, "2025-10-30"},
		{"2026-09-25", 15, "2026-10-22"},
		{"2024-12-30", 5, "2025-01-07"},
		{"2027-12-20", 20, ""},
		{"2026-02-10", 0, "2026-02-10"},
		{"2023-01-20", 1, "2023-01-28"}, // next working day after 春节 2023 starts is a Saturday
		{"2024-02-08", 2, "2024-02-18"}, // 02-09 (除夕) counts, then 02-18 (Sunday make-up)
		{"2025-01-24", 1, "2025-01-26"},
		{"2025-01-27", 1, "2025-02-05"},
		{"2026-12-25", 5, "2027-01-04"},
		{"2022-12-30", 1, "2023-01-03"},
		{"2027-12-30", 1, "2027-12-31"},
		{"2027-12-30", 2, ""},
		{"2029-03-01", 1, ""},
	}
	for _, tt := range tests {
		got, err := official.AddWorkdays(d(tt.from), tt.n)
		if tt.want == "" {
			if !errors.Is(err, ErrYearNotCovered) {
				t.Errorf("AddWorkdays(%s, %d) = %s, %v; want ErrYearNotCovered", tt.from, tt.n, got, err)
			}
			continue
		}
		if err != nil || got != d(tt.want) {
			t.Errorf("AddWorkdays(%s, %d) = %s, %v; want %s", tt.from, tt.n, got, err, tt.want)
		}
	}
	if _, err := official.AddWorkdays(d("2026-01-05"), -1); err == nil {
		t.Error("AddWorkdays with n < 0 did not fail")
	}
}

func TestWorkdaysBetween(t *testing.T) {
	tests := []struct {
		from, to string
		want     int // -1 means ErrYearNotCovered
	}{
		{"2026-02-13", "2026-02-24", 2},
		{"2026-02-10", "2026-03-16", 20},
		{"2025-09-26", "2025-10-30", 20},
		{"2024-02-08", "2024-02-18", 2},
		{"2026-01-05", "2026-01-05", 0},
		{"2026-01-09", "2026-01-05", 0},
		{"2026-01-02", "2026-01-05", 2}, // 01-03 rest, 01-04 (Sunday) make-up, 01-05 Monday
		{"2027-12-01", "2028-01-05", -1},
		{"2030-01-01", "2030-01-02", -1},
	}
	for _, tt := range tests {
		got, err := official.WorkdaysBetween(d(tt.from), d(tt.to))
		if tt.want < 0 {
			if !errors.Is(err, ErrYearNotCovered) {
				t.Errorf("WorkdaysBetween(%s, %s) = %d, %v; want ErrYearNotCovered", tt.from, tt.to, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("WorkdaysBetween(%s, %s) = %d, %v; want %d", tt.from, tt.to, got, err, tt.want)
		}
	}
}

func TestNewOverrides(t *testing.T) {
	c := New([]Day{
		{Date: d("2030-01-02"), Kind: Rest, Name: "测试"},
		{Date: d("2030-01-05"), Kind: Rest},
		{Date: d("2030-01-05"), Kind: Work},      // later entry wins
		{Date: d("2030-01-07"), Kind: "holiday"}, // invalid kind ignored
	}, []int{2030})
	tests := []struct {
		date string
		want bool
	}{
		{"2030-01-01", true}, {"2030-01-02", false}, {"2030-01-05", true},
		{"2030-01-06", false}, {"2030-01-07", true},
	}
	for _, tt := range tests {
		if got, err := c.IsWorkday(d(tt.date)); err != nil || got != tt.want {
			t.Errorf("IsWorkday(%s) = %v, %v; want %v", tt.date, got, err, tt.want)
		}
	}
	if day, ok := c.Lookup(d("2030-01-02")); !ok || day.Name != "测试" {
		t.Errorf("Lookup = %+v, %v", day, ok)
	}
	if !c.Covers(2030) || c.Covers(2031) || len(c.Years()) != 1 {
		t.Errorf("coverage wrong: %v", c.Years())
	}
	if _, err := c.IsWorkday(d("2031-01-02")); !errors.Is(err, ErrYearNotCovered) {
		t.Errorf("uncovered year: err = %v", err)
	}
}
