package workday

import (
	"slices"
	"testing"
)

func TestOfficialYears(t *testing.T) {
	_, years := Official()
	var want []int
	for y := 2002; y <= 2027; y++ {
		want = append(want, y)
	}
	if !slices.Equal(years, want) {
		t.Errorf("covered years = %v, want 2002..2027", years)
	}
}

func TestOfficialDays(t *testing.T) {
	all, _ := Official()
	for i := 1; i < len(all); i++ {
		if !all[i-1].Date.Before(all[i].Date) {
			t.Fatalf("days not strictly sorted at %s", all[i].Date)
		}
	}
	if all[0].Date != d("2001-12-29") || all[0].Kind != Work {
		t.Errorf("first day = %+v, want 2001-12-29 work", all[0])
	}
	for _, x := range all {
		if !x.Kind.Valid() || x.Name == "" || x.Name == "元旦节" || x.Name == "国庆中秋" {
			t.Errorf("bad day %+v", x)
		}
	}
	// Official returns copies: changing them must not leak into the next call.
	all[0].Kind = Rest
	if again, _ := Official(); again[0].Kind != Work {
		t.Error("Official shares its slice with callers")
	}
}

func TestOfficial2026(t *testing.T) {
	all, _ := Official()
	var got []Day
	for _, x := range all {
		if x.Date.Year() == 2026 {
			got = append(got, x)
		}
	}
	assertSameDays(t, got, arrangement2026())
}
