package interact

import (
	"errors"
	"testing"

	"gongkai/internal/workday"
)

func proposalDate(t *testing.T, s string) workday.Date {
	t.Helper()
	d, err := workday.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestReplyDueOnTheCalendar checks the civil-law month arithmetic (民法典第
// 二百零一至二百零三条) on the official 2023 calendar.
func TestReplyDueOnTheCalendar(t *testing.T) {
	cal := workday.OfficialCalendar()
	s := DefaultProposalSettings()
	cases := []struct {
		name     string
		p        Proposal
		want     string
		settings func(*ProposalSettings)
	}{
		{"3 months, ends on a Saturday, moves to Monday", Proposal{Role: RoleLead, AssignedOn: "2023-03-10"}, "2023-06-12", nil},
		{"3 months on a working day", Proposal{Role: RoleLead, AssignedOn: "2023-03-15"}, "2023-06-15", nil},
		{"extended to 6 months", Proposal{Role: RoleLead, AssignedOn: "2023-03-10", Extended: true}, "2023-09-11", nil},
		{"no corresponding day: month end", Proposal{Role: RoleLead, AssignedOn: "2022-11-30"}, "2023-02-28", nil},
		{"co-handler's own opinion: 1 month, lands in 五一 holiday", Proposal{Role: RoleCo, AssignedOn: "2023-03-31"}, "2023-05-04", nil},
		{"co-handler, 30 working days across 国庆 and its make-up Saturdays", Proposal{Role: RoleCo, AssignedOn: "2023-09-20"}, "2023-11-07",
			func(s *ProposalSettings) { s.OpinionPeriod = Period{Workdays: 30} }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := s
			if c.settings != nil {
				c.settings(&st)
			}
			got, err := ReplyDue(c.p, st, cal)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != c.want {
				t.Fatalf("due %s, want %s", got, c.want)
			}
		})
	}
}

func TestReplyDueNeedsTheCalendarYear(t *testing.T) {
	_, err := ReplyDue(Proposal{Role: RoleLead, AssignedOn: "2099-03-10"}, DefaultProposalSettings(), workday.OfficialCalendar())
	if !errors.Is(err, workday.ErrYearNotCovered) {
		t.Fatalf("err = %v, want ErrYearNotCovered", err)
	}
}

// TestLateItems: two co-handlers, one answers in time, the other is late;
// the reply itself is not yet late.
func TestLateItems(t *testing.T) {
	cal := workday.OfficialCalendar()
	p := Proposal{Role: RoleLead, AssignedOn: "2023-03-10", CoHandlers: []CoHandler{
		{Unit: "市财政局", OpinionOn: "2023-04-03"},
		{Unit: "市发改委", ReceivedOn: "2023-03-13"},
	}}
	s := DefaultProposalSettings()
	// 市发改委 received it on 03-13: due 04-13 (a Thursday).
	for _, c := range []struct {
		today string
		late  int
	}{{"2023-04-13", 0}, {"2023-04-14", 1}} {
		items, err := LateItems(p, s, cal, proposalDate(t, c.today))
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != c.late {
			t.Fatalf("%s: %d late items, want %d", c.today, len(items), c.late)
		}
		if c.late == 1 && (items[0].CoHandler == nil || items[0].CoHandler.Unit != "市发改委" || items[0].Due.String() != "2023-04-13") {
			t.Fatalf("late item %+v", items[0])
		}
	}
	// After the reply deadline both the opinion and the reply are late;
	// once replied, nothing is.
	items, err := LateItems(p, s, cal, proposalDate(t, "2023-06-13"))
	if err != nil || len(items) != 2 || items[1].CoHandler != nil || items[1].Due.String() != "2023-06-12" {
		t.Fatalf("items %+v, %v", items, err)
	}
	p.RepliedOn = "2023-06-13"
	if items, _ := LateItems(p, s, cal, proposalDate(t, "2023-07-01")); len(items) != 0 {
		t.Fatalf("replied proposal has late items %+v", items)
	}
	if ok, _ := RepliedOnTime(p, s, cal); ok {
		t.Fatal("a reply on 06-13 after the 06-12 deadline counted as on time")
	}
	p.RepliedOn = "2023-06-12"
	if ok, _ := RepliedOnTime(p, s, cal); !ok {
		t.Fatal("a reply on the due day counted as late")
	}
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]Period{"1m": {Months: 1}, "2个月": {Months: 2}, "30wd": {Workdays: 30}, " 30个工作日 ": {Workdays: 30}} {
		got, err := ParsePeriod(in)
		if err != nil || got != want {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want %+v", in, got, err, want)
		}
		if back, _ := ParsePeriod(got.String()); back != got {
			t.Errorf("round trip of %q: %+v", in, back)
		}
	}
	for _, bad := range []string{"", "m", "0m", "7m", "1 year", "0wd", "-3wd", "999wd"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) accepted", bad)
		}
	}
}
