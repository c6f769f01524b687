package disclosure

import (
	"testing"

	"gongkai/internal/workday"
)

// official is the real State Council calendar (lunar-go data, 2002–2027).
var official = workday.New(workday.Official())

func day(t testing.TB, s string) workday.Date {
	t.Helper()
	d, err := workday.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func settings() Settings {
	s := DefaultSettings()
	s.Remedy.Organ = "某某市人民政府"
	return s
}

// replay folds events and fails the test on error.
func replay(t *testing.T, s Settings, evs ...Event) Case {
	t.Helper()
	c, err := Replay(evs, official, s)
	if err != nil {
		t.Fatalf("Replay: %v", err)
	}
	return c
}

func recv(t testing.TB, on string) Event {
	return Event{Kind: EventReceived, On: day(t, on), ReceiptBasis: ReceiptInPerson}
}

func reply(t testing.TB, on string, b LegalBasis) Event {
	return Event{Kind: EventReplied, On: day(t, on), Basis: b, Reasons: "理由"}
}

func wantDate(t *testing.T, what string, got workday.Date, want string) {
	t.Helper()
	if got.String() != want {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}
