package disclosure

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"

	"gongkai/internal/workday"
)

// gen draws plausible (mostly legal, sometimes illegal) events for a case.
type gen struct {
	r *rand.Rand
	s Settings
}

func (g gen) pick(n int) int { return g.r.IntN(n) }

func (g gen) event(c Case) Event {
	on := c.LastOn.AddDays(g.pick(6))
	k := EventKinds[1+g.pick(len(EventKinds)-1)]
	// Lean towards steps that fit the state, so sequences get deep.
	switch {
	case c.State == StateAwaitingAmendment && g.pick(2) == 0:
		k = []EventKind{EventAmended, EventAmendmentExpired}[g.pick(2)]
	case c.State == StateAwaitingFee && g.pick(2) == 0:
		k = []EventKind{EventFeePaid, EventFeeWaived, EventFeeExpired}[g.pick(3)]
	case c.State == StateConsulting && g.pick(2) == 0:
		k = []EventKind{EventConsultationAnswered, EventConsultationLapsed}[g.pick(2)]
	case c.Extension.Pending && g.pick(2) == 0:
		k = EventExtensionApproved
	}
	ev := Event{Kind: k, On: on, ActorID: int64(1 + g.pick(5))}
	switch k {
	case EventAmendmentRequested:
		ev.Deadline = on.AddDays(1 + g.pick(20))
		if g.pick(10) > 0 {
			ev.Note = "补正事项"
		}
	case EventAmended:
		if a, ok := c.Amendment(); ok && g.pick(4) == 0 {
			ev.On = a.Deadline.AddDays(1)
			ev.Justified, ev.Note = g.pick(2) == 0, "正当理由"
		}
	case EventAmendmentExpired:
		if a, ok := c.Amendment(); ok && g.pick(5) > 0 {
			ev.On = later(on, a.Deadline.AddDays(1+g.pick(3)))
		}
	case EventAssigned, EventTransferred:
		ev.OrgID, ev.AssigneeID = int64(g.pick(4)), int64(g.pick(3))
	case EventExtensionRequested:
		ev.Days = 1 + g.pick(24)
		ev.Note = "理由"
	case EventExtensionApproved, EventExtensionRefused:
		ev.ApproverIsHead = g.pick(6) > 0
	case EventConsultationSent:
		ev.Party = []Party{PartyThird, PartyCoOrgan, ""}[g.pick(3)]
		ev.PartyName = "某单位"
	case EventConsultationAnswered, EventConsultationLapsed:
		ev.Consultation = 1 + g.pick(len(c.Consultations)+1)
		ev.Objected = g.pick(3) == 0
		if i := ev.Consultation - 1; k == EventConsultationLapsed && i < len(c.Consultations) && g.pick(4) > 0 {
			ev.On = later(on, c.Consultations[i].WindowEnd.AddDays(1+g.pick(3)))
		}
	case EventFeeNoticed:
		ev.PayMethod = "缴款码"
		if g.pick(2) == 0 {
			ev.FeeMethod, ev.Quantity = FeePerApplication, 9+g.pick(40)
			ev.Amount = PerApplicationFee(ev.Quantity, g.s.Fee)
		} else {
			ev.FeeMethod, ev.Quantity = FeePerPage, 25+g.pick(250)
			ev.Amount = PerPageFee(ev.Quantity)
		}
		if g.pick(8) == 0 {
			ev.Amount += 50
		}
	case EventFeePaid, EventFeeWaived, EventFeeExpired:
		if k == EventFeeWaived && g.pick(4) > 0 {
			ev.Note = "免收理由"
		}
		if k == EventFeeExpired && c.Fee.State == FeeStateNoticed && g.pick(4) > 0 {
			ev.On = later(on, c.Fee.PayBy.AddDays(1+g.pick(3)))
		}
	case EventReplied:
		ev.Basis = LegalBases[g.pick(len(LegalBases))]
		if g.pick(5) > 0 {
			ev.Reasons = "理由"
		}
		if g.pick(3) == 0 { // replies come late in the case
			ev.On = on.AddDays(g.pick(20))
		}
	case EventWithdrawn:
		if g.pick(3) > 0 { // rarer than the rest
			ev.Kind, ev.OrgID = EventAssigned, 1
		}
	}
	return ev
}

func later(a, b workday.Date) workday.Date {
	if a.After(b) {
		return a
	}
	return b
}

var lastCovered = workday.NewDate(2027, 6, 30)

// TestPropertyRandomSequences drives 10,000 random event sequences and
// checks: every closed case is in exactly one table-三 row and balances
// (一+二 = 三+四 per year), every open case is carried over, refused steps
// change nothing, due dates never move earlier except at a 补正 restart,
// and replaying the accepted events gives the same case.
func TestPropertyRandomSequences(t *testing.T) {
	const sequences = 10000
	r := rand.New(rand.NewPCG(20250101, 3))
	start := workday.NewDate(2023, 1, 1)
	accepted := map[EventKind]int{}
	rows := map[Row]int{}
	open := 0
	for seq := range sequences {
		s := settings()
		s.AllowSecondAmendment = r.IntN(4) == 0
		s.AllowLateAmendmentNotice = r.IntN(4) == 0
		s.Fee.KeepClockRunning = r.IntN(4) == 0
		g := gen{r, s}
		first := Event{Kind: EventReceived, On: start.AddDays(r.IntN(3 * 365)), ReceiptBasis: ReceiptBases[r.IntN(len(ReceiptBases))]}
		c, err := Apply(Case{}, first, official, s)
		if err != nil {
			t.Fatalf("seq %d: receipt refused: %v", seq, err)
		}
		accepted[EventReceived]++
		events := []Event{first}
		for step := 0; step < 30 && c.Open(); step++ {
			ev := g.event(c)
			if ev.On.After(lastCovered) {
				break
			}
			next, err := Apply(c, ev, official, s)
			if err != nil {
				if !errors.Is(err, ErrNotAllowed) && !errors.Is(err, workday.ErrYearNotCovered) {
					t.Fatalf("seq %d: unexpected error %v", seq, err)
				}
				if !reflect.DeepEqual(next, c) {
					t.Fatalf("seq %d: refused %s changed the case", seq, ev.Kind)
				}
				continue
			}
			accepted[ev.Kind]++
			if next.Open() && ev.Kind != EventAmended && next.DueOn.Before(c.DueOn) {
				t.Fatalf("seq %d: %s moved the due date from %s to %s", seq, ev.Kind, c.DueOn, next.DueOn)
			}
			if next.Extension.Days > MaxExtensionDays {
				t.Fatalf("seq %d: extension of %d days", seq, next.Extension.Days)
			}
			for _, n := range NoticesFor(next, ev) {
				if _, ok := n.Spec(); !ok {
					t.Fatalf("seq %d: notice %s without spec", seq, n)
				}
			}
			c = next
			events = append(events, ev)
		}
		checkCase(t, seq, c)
		again, err := Replay(events, official, s)
		if err != nil || !reflect.DeepEqual(again, c) {
			t.Fatalf("seq %d: replay differs (err %v)", seq, err)
		}
		if r, ok := c.Row(); ok {
			rows[r]++
		} else {
			open++
		}
	}
	// The generator must reach every step and every row, or the property
	// says little.
	for _, k := range EventKinds {
		if accepted[k] == 0 {
			t.Errorf("no %s was ever accepted", k)
		}
	}
	for _, r := range Rows {
		if rows[r] == 0 {
			t.Errorf("no case closed in %s", r.FullLabel())
		}
	}
	if open == 0 {
		t.Error("no sequence ended open")
	}
	t.Logf("closed by row: %v; open: %d; accepted: %v", rows, open, accepted)
}

// checkCase verifies the table-三 properties of one final case.
func checkCase(t *testing.T, seq int, c Case) {
	t.Helper()
	if !c.State.Valid() {
		t.Fatalf("seq %d: state %q", seq, c.State)
	}
	row, closed := c.Row()
	if closed != (c.Basis != "") || closed == c.Open() {
		t.Fatalf("seq %d: closed %v basis %q state %s", seq, closed, c.Basis, c.State)
	}
	if closed {
		n := 0
		for _, r := range Rows {
			if r == row {
				n++
			}
		}
		if n != 1 || row != RowOf(c.Basis) || !row.Outcome().Valid() {
			t.Fatalf("seq %d: basis %s in %d rows", seq, c.Basis, n)
		}
	}
	last := c.LastOn.Year() + 1
	for y := c.ReceivedOn.Year(); y <= last; y++ {
		carriedIn := CarriedOver(c, y-1)
		carriedOut := CarriedOver(c, y)
		_, closedInY := ClosedIn(c, y)
		receivedInY := c.ReceivedOn.Year() == y
		// G1 of table 三 for this one case: 一 + 二 = 三（七）+ 四.
		if b2i(receivedInY)+b2i(carriedIn) != b2i(closedInY)+b2i(carriedOut) {
			t.Fatalf("seq %d: year %d does not balance (received %v, in %v, closed %v, out %v)",
				seq, y, receivedInY, carriedIn, closedInY, carriedOut)
		}
		if !closed && !carriedOut {
			t.Fatalf("seq %d: open case not carried over in %d", seq, y)
		}
	}
	if closed && CarriedOver(c, c.ClosedOn.Year()) {
		t.Fatalf("seq %d: closed case carried over in its closing year", seq)
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
