package disclosure

import (
	"testing"

	"gongkai/internal/workday"
)

func TestSimilarity(t *testing.T) {
	for _, tc := range []struct {
		a, b   string
		lo, hi float64
	}{
		{"某路段改造工程环评批复", "某路段改造工程环评批复", 1, 1},
		{"《某路段改造工程》环评批复", "某路段 改造工程，环评批复。", 1, 1}, // punctuation and spaces ignored
		{"ＡＢＣ公司年报", "abc公司年报", 1, 1},              // full-width and case folded
		{"某路段改造工程环评批复", "全市2024年财政预算", 0, 0},
		{"2024年某路段改造工程环评批复", "2023年某路段改造工程环评批复", 0.6, 0.95},
		{"", "", 0, 0},
		{"甲", "甲", 1, 1},
	} {
		got := Similarity(tc.a, tc.b)
		if got < tc.lo || got > tc.hi {
			t.Errorf("Similarity(%q, %q) = %.3f, want [%.2f, %.2f]", tc.a, tc.b, got, tc.lo, tc.hi)
		}
		if back := Similarity(tc.b, tc.a); back != got {
			t.Errorf("not symmetric: %.3f vs %.3f", got, back)
		}
	}
}

func TestRepeatCandidates(t *testing.T) {
	s := DefaultSettings().Repeat
	me := Applicant{Kind: Person, IDType: IDResidentCard, IDNumber: "11010519491231002X"}
	other := Applicant{Kind: Person, IDType: IDResidentCard, IDNumber: "440304198506151234"}
	app := Application{ID: 10, Applicant: me, Description: "2024年某路段改造工程环评批复"}
	earlier := []Application{
		{ID: 1, Code: "A1", Applicant: me, Description: "2024年某路段改造工程环评批复", State: StateClosed, Basis: BasisDisclosed, ReceivedOn: day(t, "2024-03-01")},
		{ID: 2, Code: "A2", Applicant: other, Description: "2024年某路段改造工程环评批复", State: StateClosed, Basis: BasisDisclosed},
		{ID: 3, Code: "A3", Applicant: me, Description: "2024年某路段改造工程环评批复", State: StateProcessing},
		{ID: 4, Code: "A4", Applicant: me, Description: "2024年某路段改造工程环评批复", State: StateClosed, Basis: BasisWithdrawn},
		{ID: 5, Code: "A5", Applicant: me, Description: "全市财政预算", State: StateClosed, Basis: BasisDisclosed},
		{ID: 6, Code: "A6", Applicant: Applicant{Kind: Person, IDType: IDResidentCard, IDNumber: " 11010519491231002x "}, Description: "2023年某路段改造工程环评批复", State: StateClosed, Basis: BasisNotExist, ReceivedOn: day(t, "2023-05-01")},
		app, // itself
	}
	got := RepeatCandidates(app, earlier, s)
	if len(got) != 2 || got[0].ID != 1 || got[1].ID != 6 || got[0].Score != 1 {
		t.Errorf("candidates = %+v, want IDs 1 then 6", got)
	}
	if RepeatCandidates(Application{Description: "x"}, earlier, s) != nil {
		t.Error("applicant without ID matched")
	}
}

func TestFrequentApplicant(t *testing.T) {
	s := DefaultSettings().Repeat // > 10 within 30 days
	today := day(t, "2025-06-30")
	var dates []workday.Date
	for i := range 11 {
		dates = append(dates, today.AddDays(-i*2)) // Jun 30 back to Jun 10
	}
	dates = append(dates, today.AddDays(-30), today.AddDays(1)) // outside the window
	n, freq := FrequentApplicant(dates, today, s)
	if n != 11 || !freq {
		t.Errorf("count %d frequent %v, want 11 true", n, freq)
	}
	n, freq = FrequentApplicant(dates[1:], today, s)
	if n != 10 || freq {
		t.Errorf("count %d frequent %v, want 10 false", n, freq)
	}
}
