package interact

import (
	"fmt"
	"strings"
	"testing"

	"gongkai/internal/workday"
)

func dueSoonText(items []DueSoon) string {
	var out []string
	for _, it := range items {
		who := "答复"
		if it.CoHandler != nil {
			who = it.CoHandler.Unit
		}
		out = append(out, fmt.Sprintf("%s %s 剩%d", who, it.Due, it.Left))
	}
	return strings.Join(out, "; ")
}

// TestDueSoonItemsOnTheCalendar: the co-handler's opinion is due on
// 2023-05-04 (1 month from 03-31 lands in the 五一 holiday, 04-29 to
// 05-03). 5 working days before it is Monday 04-24: the make-up working
// Sunday 04-23 still leaves 6, and counting weekdays alone would have
// opened the window only on 04-27. The reply (3 months from 03-10, due
// Monday 06-12) comes due on Monday 06-05.
func TestDueSoonItemsOnTheCalendar(t *testing.T) {
	cal := workday.OfficialCalendar()
	p := Proposal{Role: RoleLead, AssignedOn: "2023-03-10", CoHandlers: []CoHandler{
		{Unit: "市财政局", ReceivedOn: "2023-03-31", OpinionOn: "2023-04-20"},
		{Unit: "市发改委", ReceivedOn: "2023-03-31"},
	}}
	s := DefaultProposalSettings()
	if s.RemindBefore != 5 {
		t.Fatalf("default RemindBefore = %d, want 5", s.RemindBefore)
	}
	for _, c := range []struct{ today, want string }{
		{"2023-04-21", ""},
		{"2023-04-22", ""},
		{"2023-04-23", ""}, // make-up working Sunday: 6 working days left
		{"2023-04-24", "市发改委 2023-05-04 剩5"},
		{"2023-04-28", "市发改委 2023-05-04 剩1"},
		{"2023-05-01", "市发改委 2023-05-04 剩1"}, // holiday: no working day passed
		{"2023-05-04", "市发改委 2023-05-04 剩0"},
		{"2023-05-05", ""}, // late now: LateItems reminds
		{"2023-06-02", ""},
		{"2023-06-05", "答复 2023-06-12 剩5"},
		{"2023-06-12", "答复 2023-06-12 剩0"},
		{"2023-06-13", ""},
	} {
		items, err := DueSoonItems(p, s, cal, proposalDate(t, c.today))
		if err != nil {
			t.Fatal(err)
		}
		if got := dueSoonText(items); got != c.want {
			t.Errorf("%s: %q, want %q", c.today, got, c.want)
		}
	}

	// Configurable: 2 working days before; 0 turns the reminder off.
	s.RemindBefore = 2
	if items, _ := DueSoonItems(p, s, cal, proposalDate(t, "2023-04-27")); dueSoonText(items) != "市发改委 2023-05-04 剩2" {
		t.Errorf("2 days before, on 04-27 (04-28 and 05-04 left): %q", dueSoonText(items))
	}
	if items, _ := DueSoonItems(p, s, cal, proposalDate(t, "2023-04-26")); len(items) != 0 {
		t.Errorf("2 days before, on 04-26 (3 left): %q", dueSoonText(items))
	}
	s.RemindBefore = 0
	if items, _ := DueSoonItems(p, s, cal, proposalDate(t, "2023-05-04")); len(items) != 0 {
		t.Errorf("turned off: %q", dueSoonText(items))
	}

	// A co-handling unit's own proposal: its opinion is its reply; a
	// replied proposal needs nothing.
	co := Proposal{Role: RoleCo, AssignedOn: "2023-03-31"}
	if items, _ := DueSoonItems(co, DefaultProposalSettings(), cal, proposalDate(t, "2023-04-24")); dueSoonText(items) != "答复 2023-05-04 剩5" {
		t.Errorf("co-handling unit: %q", dueSoonText(items))
	}
	co.RepliedOn = "2023-04-24"
	if items, _ := DueSoonItems(co, DefaultProposalSettings(), cal, proposalDate(t, "2023-04-24")); len(items) != 0 {
		t.Errorf("replied: %q", dueSoonText(items))
	}
}
