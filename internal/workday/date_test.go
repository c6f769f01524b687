package workday

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"2026-01-02", "2026-01-02", false},
		{" 2024-02-29 ", "2024-02-29", false},
		{"2023-02-29", "", true},
		{"2026/01/02", "", true},
		{"2026-1-2", "", true},
		{"", "", true},
		{"2026-01-02T00:00:00Z", "", true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.wantErr {
			if err == nil || !strings.Contains(err.Error(), "日期格式无效") {
				t.Errorf("ParseDate(%q) err = %v, want Chinese format error", tt.in, err)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2024-02-28", 1, "2024-02-29"},
		{"2023-02-28", 1, "2023-03-01"},
		{"2025-12-31", 1, "2026-01-01"},
		{"2026-01-01", -1, "2025-12-31"},
		{"1969-12-31", 1, "1970-01-01"},
		{"2026-03-16", -34, "2026-02-10"},
	}
	for _, tt := range tests {
		if got := d(tt.from).AddDays(tt.n).String(); got != tt.want {
			t.Errorf("%s.AddDays(%d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
		if got := d(tt.from).DaysUntil(d(tt.want)); got != tt.n {
			t.Errorf("%s.DaysUntil(%s) = %d, want %d", tt.from, tt.want, got, tt.n)
		}
	}
}

func TestDateFields(t *testing.T) {
	x := NewDate(2026, time.February, 14)
	if x.Year() != 2026 || x.Month() != time.February || x.Day() != 14 || x.Weekday() != time.Saturday {
		t.Errorf("fields of %s wrong: %d %v %d %v", x, x.Year(), x.Month(), x.Day(), x.Weekday())
	}
	if got := NewDate(2026, time.February, 30).String(); got != "2026-03-02" {
		t.Errorf("NewDate normalisation = %s", got)
	}
	shanghai := time.FixedZone("CST", 8*3600)
	if got := FromTime(time.Date(2026, 1, 1, 0, 30, 0, 0, shanghai)); got != d("2026-01-01") {
		t.Errorf("FromTime = %s, want 2026-01-01", got)
	}
	if got := d("2026-01-01").Time(); !got.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Time() = %v", got)
	}
}

func TestDateCompare(t *testing.T) {
	a, b := d("2025-12-31"), d("2026-01-01")
	if !a.Before(b) || a.After(b) || !b.After(a) || a.Equal(b) || !a.Equal(d("2025-12-31")) {
		t.Error("Before/After/Equal wrong")
	}
	if a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Error("Compare wrong")
	}
	if a != d("2025-12-31") {
		t.Error("== on equal dates is false")
	}
}

func TestDateJSON(t *testing.T) {
	type rec struct {
		Due Date `json:"due"`
	}
	b, err := json.Marshal(rec{Due: d("2026-03-16")})
	if err != nil || string(b) != `{"due":"2026-03-16"}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var r rec
	if err := json.Unmarshal(b, &r); err != nil || r.Due != d("2026-03-16") {
		t.Fatalf("Unmarshal = %v, %v", r.Due, err)
	}
	if err := json.Unmarshal([]byte(`{"due":"16/03/2026"}`), &r); err == nil {
		t.Fatal("Unmarshal accepted a bad date")
	}
}
