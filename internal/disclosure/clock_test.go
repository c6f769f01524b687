package disclosure

import (
	"errors"
	"testing"

	"gongkai/internal/workday"
)

// Dates below are counted by hand from the State Council notices
// (国办发明电 for 2023–2026); the count starts the day after the start date.

func TestDueSpringFestival2023(t *testing.T) {
	// Received Fri 2023-01-20. 春节 Jan 21–27 off; Sat 28 and Sun 29 are
	// make-up workdays: 28=1, 29=2, Jan 30–Feb 3 = 3..7, Feb 6–10 = 8..12,
	// Feb 13–17 = 13..17, Feb 20, 21, 22 = 18, 19, 20.
	c := replay(t, settings(), recv(t, "2023-01-20"))
	wantDate(t, "DueOn", c.DueOn, "2023-02-22")
	// 7th working day for the 补正 notice: Jan 28, 29, 30, 31, Feb 1, 2, 3.
	wantDate(t, "AmendmentNoticeDue", c.AmendmentNoticeDue, "2023-02-03")
}

func TestDueReceivedOnWeekend(t *testing.T) {
	// Online application confirmed on Sat 2024-03-02 (no 调休 that weekend):
	// Mar 4–8 = 1..5, 11–15 = 6..10, 18–22 = 11..15, 25–29 = 16..20.
	c := replay(t, settings(), Event{Kind: EventReceived, On: day(t, "2024-03-02"), ReceiptBasis: ReceiptOnlineConfirmed})
	wantDate(t, "DueOn", c.DueOn, "2024-03-29")
	// Mar 4–8 = 5, Mar 11 = 6, Mar 12 = 7.
	wantDate(t, "AmendmentNoticeDue", c.AmendmentNoticeDue, "2024-03-12")
}

func TestDueReceivedOnHoliday(t *testing.T) {
	// Fax confirmed on 2024-10-01 (国庆 Oct 1–7 off; Sat Oct 12 works):
	// Oct 8–11 = 1..4, Oct 12 = 5, Oct 14–18 = 6..10, 21–25 = 11..15,
	// Oct 28–Nov 1 = 16..20.
	c := replay(t, settings(), Event{Kind: EventReceived, On: day(t, "2024-10-01"), ReceiptBasis: ReceiptFaxConfirmed})
	wantDate(t, "DueOn", c.DueOn, "2024-11-01")
}

func TestAmendmentRestartNationalDay2023(t *testing.T) {
	s := settings()
	// Received Mon 2023-09-25. Sep 26–28 = 1..3; Sep 29–Oct 6 off; Sat Oct 7
	// and Sun Oct 8 work = 4, 5; Oct 9–13 = 6..10; 16–20 = 11..15; 23–27 = 16..20.
	c := replay(t, s, recv(t, "2023-09-25"))
	wantDate(t, "DueOn", c.DueOn, "2023-10-27")
	// 7th working day: Sep 26, 27, 28, Oct 7, 8, 9, 10.
	wantDate(t, "AmendmentNoticeDue", c.AmendmentNoticeDue, "2023-10-10")

	ask := Event{Kind: EventAmendmentRequested, On: day(t, "2023-10-09"), Deadline: day(t, "2023-10-20"), Note: "请明确所需信息的文号或年份"}
	c = replay(t, s, recv(t, "2023-09-25"), ask)
	if c.State != StateAwaitingAmendment {
		t.Fatalf("state = %s", c.State)
	}
	if ok, _ := Overdue(c, day(t, "2023-12-01"), official); ok {
		t.Error("a case waiting for 补正 must not be overdue")
	}
	// 补正 received Mon 2023-10-16: the clock restarts (条例第三十条).
	// Oct 17–20 = 1..4, 23–27 = 5..9, Oct 30–Nov 3 = 10..14, Nov 6–10 = 15..19, Nov 13 = 20.
	c = replay(t, s, recv(t, "2023-09-25"), ask, Event{Kind: EventAmended, On: day(t, "2023-10-16")})
	wantDate(t, "ClockStart", c.ClockStart, "2023-10-16")
	wantDate(t, "DueOn after 补正", c.DueOn, "2023-11-13")

	// One day late for the 补正 notice: refused unless the PRACTICE setting allows it.
	late := Event{Kind: EventAmendmentRequested, On: day(t, "2023-10-11"), Deadline: day(t, "2023-10-25"), Note: "补正事项"}
	if _, err := Replay([]Event{recv(t, "2023-09-25"), late}, official, s); !IsRule(err, CodeAmendmentWindow) {
		t.Errorf("late 补正 notice: err = %v, want %s", err, CodeAmendmentWindow)
	}
	s.AllowLateAmendmentNotice = true
	if _, err := Replay([]Event{recv(t, "2023-09-25"), late}, official, s); err != nil {
		t.Errorf("late 补正 notice with AllowLateAmendmentNotice: %v", err)
	}
}

func TestPausePlusExtensionSpringFestival2025(t *testing.T) {
	s := settings()
	// Received Mon 2025-01-20. Jan 21–24 = 1..4, Sun Jan 26 works = 5, Jan 27 = 6,
	// Jan 28–Feb 4 off, Feb 5–7 = 7..9, Sat Feb 8 works = 10, Feb 10–14 = 11..15,
	// Feb 17–21 = 16..20.
	evs := []Event{recv(t, "2025-01-20")}
	c := replay(t, s, evs...)
	wantDate(t, "DueOn", c.DueOn, "2025-02-21")

	// Third party consulted Wed 2025-02-05; window = 15 working days:
	// Feb 6, 7, 8(Sat, works), 10–14, 17–21, 24, 25 → 2025-02-25.
	evs = append(evs, Event{Kind: EventConsultationSent, On: day(t, "2025-02-05"), Party: PartyThird, PartyName: "某公司"})
	c = replay(t, s, evs...)
	wantDate(t, "WindowEnd", c.Consultations[0].WindowEnd, "2025-02-25")
	wantDate(t, "DueOn while consulting (lower bound)", c.DueOn, "2025-02-21")
	// As of Mon Feb 10 four working days are paused (Feb 6, 7, 8, 10):
	// Feb 21 + 4 = Feb 24, 25, 26, 27.
	due, err := DueAsOf(c, day(t, "2025-02-10"), official)
	if err != nil {
		t.Fatal(err)
	}
	wantDate(t, "DueAsOf(Feb 10)", due, "2025-02-27")
	if ok, _ := Overdue(c, day(t, "2025-02-24"), official); ok {
		t.Error("paused case reported overdue")
	}

	// Answer Wed Feb 12: pause (Feb 5, Feb 12] = Feb 6, 7, 8, 10, 11, 12 = 6
	// working days → Feb 21 + 6 = Feb 24–28, Mar 3.
	evs = append(evs, Event{Kind: EventConsultationAnswered, On: day(t, "2025-02-12"), Consultation: 1})
	c = replay(t, s, evs...)
	wantDate(t, "DueOn after answer", c.DueOn, "2025-03-03")

	// Extension requested Feb 19, approved Feb 20 by the head: +20 working
	// days after Mar 3: Mar 4–7 = 4, 10–14 = 9, 17–21 = 14, 24–28 = 19, Mar 31 = 20.
	evs = append(evs,
		Event{Kind: EventExtensionRequested, On: day(t, "2025-02-19"), Days: 20, Note: "需要调取档案"},
		Event{Kind: EventExtensionApproved, On: day(t, "2025-02-20"), ApproverIsHead: true, ActorID: 9})
	c = replay(t, s, evs...)
	wantDate(t, "DueOn after extension", c.DueOn, "2025-03-31")
	wantDate(t, "OriginalDueOn", c.OriginalDueOn, "2025-03-03")

	left, running, err := WorkdaysLeft(c, day(t, "2025-03-24"), official)
	if err != nil || !running || left != 5 { // Mar 25, 26, 27, 28, 31
		t.Errorf("WorkdaysLeft(Mar 24) = %d %v %v, want 5", left, running, err)
	}
	if ok, _, _ := ReminderDue(c, day(t, "2025-03-24"), official, s); !ok {
		t.Error("no reminder 5 working days before the due date")
	}
	if ok, _, _ := ReminderDue(c, day(t, "2025-03-21"), official, s); ok {
		t.Error("reminder 6 working days before the due date")
	}
	left, _, _ = WorkdaysLeft(c, day(t, "2025-04-02"), official)
	if left != -2 { // Apr 1, Apr 2
		t.Errorf("WorkdaysLeft(Apr 2) = %d, want -2", left)
	}
	if ok, _ := Overdue(c, day(t, "2025-04-01"), official); !ok {
		t.Error("not overdue on Apr 1")
	}
	if ok, _ := Overdue(c, day(t, "2025-03-31"), official); ok {
		t.Error("overdue on the due date itself")
	}
}

func TestExtensionAfterDueRefused(t *testing.T) {
	// Same case without consultation: due 2025-02-21; a request on Mon Feb 24 is too late.
	_, err := Replay([]Event{recv(t, "2025-01-20"),
		{Kind: EventExtensionRequested, On: day(t, "2025-02-24"), Days: 10, Note: "理由"}}, official, settings())
	if !IsRule(err, CodeExtensionLate) {
		t.Errorf("err = %v, want %s", err, CodeExtensionLate)
	}
}

func TestCoOrganLapseNationalDay2025(t *testing.T) {
	// Received Fri 2025-09-26. Sun Sep 28 works = 1, Sep 29, 30 = 2, 3,
	// Oct 1–8 off, Oct 9, 10 = 4, 5, Sat Oct 11 works = 6, Oct 13–17 = 7..11,
	// 20–24 = 12..16, Oct 27–30 = 17..20.
	s := settings()
	evs := []Event{recv(t, "2025-09-26")}
	wantDate(t, "DueOn", replay(t, s, evs...).DueOn, "2025-10-30")
	// Co-organ consulted Oct 9; window: Oct 10, 11, 13–17, 20–24, 27, 28, 29 → Oct 29.
	evs = append(evs, Event{Kind: EventConsultationSent, On: day(t, "2025-10-09"), Party: PartyCoOrgan, PartyName: "某区住建局"})
	c := replay(t, s, evs...)
	wantDate(t, "WindowEnd", c.Consultations[0].WindowEnd, "2025-10-29")
	if _, err := Apply(c, Event{Kind: EventConsultationLapsed, On: day(t, "2025-10-29"), Consultation: 1}, official, s); !IsRule(err, CodeConsultation) {
		t.Errorf("lapse on the last window day: err = %v", err)
	}
	// Lapsed: 15 working days paused. Counted: Sep 28, 29, 30, Oct 9 = 4;
	// Oct 30, 31 = 6; Nov 3–7 = 11; 10–14 = 16; 17–20 = 20.
	evs = append(evs, Event{Kind: EventConsultationLapsed, On: day(t, "2025-10-30"), Consultation: 1})
	c = replay(t, s, evs...)
	wantDate(t, "DueOn after lapse", c.DueOn, "2025-11-20")
	if !c.Consultations[0].Consent() {
		t.Error("a co-organ's silence is consent (条例第三十四条)")
	}
}

func TestFeePauseSpringFestival2026(t *testing.T) {
	s := settings()
	// Received Wed 2026-02-11. Feb 12, 13 = 1, 2; Sat Feb 14 works = 3;
	// Feb 15–23 off; Feb 24–27 = 4..7; Sat Feb 28 works = 8; Mar 2–6 = 13;
	// Mar 9–13 = 18; Mar 16, 17 = 19, 20.
	evs := []Event{recv(t, "2026-02-11")}
	wantDate(t, "DueOn", replay(t, s, evs...).DueOn, "2026-03-17")
	// Fee notice served Fri Feb 13 (150 pages → 1700元). Pay by: Feb 14 = 1,
	// Feb 24–27 = 5, Feb 28 = 6, Mar 2–6 = 11, 9–13 = 16, 16–19 = 20.
	fee := Event{Kind: EventFeeNoticed, On: day(t, "2026-02-13"), FeeMethod: FeePerPage, Quantity: 150, Amount: 1700, PayMethod: "非税收入缴款码"}
	evs = append(evs, fee)
	c := replay(t, s, evs...)
	wantDate(t, "PayBy", c.Fee.PayBy, "2026-03-19")
	if c.State != StateAwaitingFee {
		t.Errorf("state = %s", c.State)
	}
	// Paid Thu Feb 26: paused Feb 14, 24, 25, 26 = 4 → Mar 18, 19, 20, 23.
	paid := append(append([]Event{}, evs...), Event{Kind: EventFeePaid, On: day(t, "2026-02-26")})
	wantDate(t, "DueOn after payment", replay(t, s, paid...).DueOn, "2026-03-23")
	// With the clock kept running the payment does not move the deadline.
	run := s
	run.Fee.KeepClockRunning = true
	wantDate(t, "DueOn (clock running)", replay(t, run, paid...).DueOn, "2026-03-17")

	// Not paid: expiry only after Mar 19, and it closes as （六）2.
	if _, err := Replay(append(evs, Event{Kind: EventFeeExpired, On: day(t, "2026-03-19")}), official, s); !IsRule(err, CodeFee) {
		t.Errorf("expiry on the last day: err = %v", err)
	}
	c = replay(t, s, append(evs, Event{Kind: EventFeeExpired, On: day(t, "2026-03-20")})...)
	if r, ok := c.Row(); !ok || r != RowFeeUnpaid {
		t.Errorf("row = %v %v, want （六）2", r, ok)
	}
}

func TestUncoveredYearFails(t *testing.T) {
	days, _ := workday.Official()
	only2023 := workday.New(days, []int{2023})
	// 20 working days from 2023-12-20 run into 2024, which is not covered.
	_, err := Replay([]Event{recv(t, "2023-12-20")}, only2023, settings())
	if !errors.Is(err, workday.ErrYearNotCovered) {
		t.Errorf("err = %v, want ErrYearNotCovered", err)
	}
	if _, err := Replay([]Event{recv(t, "2023-06-01")}, only2023, settings()); err != nil {
		t.Errorf("covered year: %v", err)
	}
}

func TestAmendmentNoticeWarning(t *testing.T) {
	s := settings()
	c := replay(t, s, recv(t, "2023-09-25")) // notice due 2023-10-10
	for _, tc := range []struct {
		today string
		left  int
		warn  bool
	}{
		{"2023-09-26", 6, false}, // Sep 27, 28, Oct 7, 8, 9, 10
		{"2023-10-07", 3, false},
		{"2023-10-08", 2, true},
		{"2023-10-10", 0, true},
		{"2023-10-11", -1, false},
	} {
		left, warn, applies, err := AmendmentNoticeWarning(c, day(t, tc.today), official, s)
		if err != nil || !applies || left != tc.left || warn != tc.warn {
			t.Errorf("%s: left %d warn %v applies %v err %v; want %d %v", tc.today, left, warn, applies, err, tc.left, tc.warn)
		}
	}
	c = replay(t, s, recv(t, "2023-09-25"), Event{Kind: EventAmendmentRequested, On: day(t, "2023-09-27"), Deadline: day(t, "2023-10-20"), Note: "x"})
	if _, _, applies, _ := AmendmentNoticeWarning(c, day(t, "2023-09-28"), official, s); applies {
		t.Error("warning applies after the 补正 notice was sent")
	}
}

func TestDeadlines(t *testing.T) {
	s := settings()
	c := replay(t, s, recv(t, "2025-01-20"),
		Event{Kind: EventConsultationSent, On: day(t, "2025-02-05"), Party: PartyThird, PartyName: "某公司"})
	got := Deadlines(c, s)
	want := []Deadline{
		{DeadlineReply, day(t, "2025-02-21")},
		{DeadlineExtensionBefore, day(t, "2025-02-21")},
		{DeadlineConsultation, day(t, "2025-02-25")},
	}
	if len(got) != len(want) {
		t.Fatalf("Deadlines = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Deadlines[%d] = %v, want %v", i, got[i], want[i])
		}
	}
}
