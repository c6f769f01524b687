package disclosure

import "gongkai/internal/workday"

// Case is the fold of one application's events (Replay). Every field is
// derived; the events stay the source of truth, so a calendar change is
// handled by replaying.
type Case struct {
	State      State
	ReceivedOn workday.Date // 收到申请之日 (条例第三十一条)
	Receipt    ReceiptBasis
	OrgID      int64
	AssigneeID int64

	// ClockStart is the day the 20 working days count from (the count
	// starts the next day): ReceivedOn, or the day the 补正 was received
	// (条例第三十条: 答复期限自收到补正的申请之日起计算).
	ClockStart workday.Date
	// DueOn is the reply deadline: 20 working days after ClockStart, plus
	// the extension, skipping the paused days of settled consultations and
	// fee periods. An open pause does not move it yet (it only grows when
	// the pause ends), so it never moves earlier except at a 补正 restart;
	// use DueAsOf for the deadline as of a given day.
	DueOn workday.Date
	// OriginalDueOn is DueOn without the extension (the day before which a
	// 延期 must be approved, 条例第三十三条).
	OriginalDueOn workday.Date

	// AmendmentNoticeDue is the last day to send the 补正告知书: 7 working
	// days after ClockStart (条例第三十条).
	AmendmentNoticeDue workday.Date
	Amendments         []Amendment

	Extension Extension

	Consultations []Consultation

	Fee Fee

	// Closing, set when State is StateClosed.
	ClosedOn workday.Date
	Basis    LegalBasis
	Reasons  string
	// Late is true when the closing came after the deadline in force that
	// day (DueAsOf(ClosedOn)). Only replies by basis (EventReplied) count.
	Late bool

	// Objected is true when a consulted party refused consent; a grant
	// despite it needs a 公开决定告知书 to the third party (条例第三十二条).
	Objected bool

	// FeePauses is true when the fee period pauses the clock
	// (Settings.Fee.KeepClockRunning false), fixed at Replay.
	FeePauses bool

	// LastOn is the date of the latest event: a new step may not be dated
	// earlier.
	LastOn workday.Date

	// Events is the number of events folded.
	Events int
}

// Amendment is one 补正 round (条例第三十条).
type Amendment struct {
	RequestedOn workday.Date
	Deadline    workday.Date // 补正期限
	Items       string
	AmendedOn   workday.Date // zero until received
	Justified   bool         // received late for a 正当理由
	Expired     bool
}

// Extension is the one 延期答复 of 条例第三十三条.
type Extension struct {
	Pending     bool // requested, awaiting the 工作机构负责人
	Requested   int  // working days requested
	Days        int  // working days granted (0 until approved)
	ApprovedOn  workday.Date
	ApproverID  int64
	RequestedOn workday.Date
	Reason      string
}

// Used reports whether an extension was granted.
func (e Extension) Used() bool { return e.Days > 0 }

// Consultation is one 征求意见 (条例第三十二条 third party, 第三十四条 co-organ).
type Consultation struct {
	Party     Party
	PartyName string
	SentOn    workday.Date
	// WindowEnd is the 15th working day after SentOn: the last day of the
	// pause when no answer comes.
	WindowEnd  workday.Date
	AnsweredOn workday.Date // zero until answered
	Lapsed     bool         // the window ended without an answer
	Objected   bool
}

// Open reports whether the consultation awaits its answer or lapse.
func (c Consultation) Open() bool { return c.AnsweredOn == (workday.Date{}) && !c.Lapsed }

// Consent reports the result: a co-organ's silence is consent (条例第三十四条);
// a third party's silence leaves the decision to the organ (第三十二条) and
// is reported as no objection.
func (c Consultation) Consent() bool { return !c.Objected }

// Fee is the 信息处理费 of the case (109号).
type Fee struct {
	State     FeeState
	Method    FeeMethod
	Quantity  int
	Amount    int64 // yuan, as noticed
	PayMethod string
	NoticedOn workday.Date // day the 收费通知 was served
	// PayBy is the last day to pay: 20 working days counted from the day
	// after service (109号, spec §3.5).
	PayBy     workday.Date
	SettledOn workday.Date // paid, waived or expired
	Note      string       // waiver reason
}

// Open reports whether the case has no final outcome.
func (c Case) Open() bool { return c.State.Open() }

// Row is the table-三 row of a closed case; ok is false while it is open.
func (c Case) Row() (r Row, ok bool) {
	if c.State != StateClosed {
		return "", false
	}
	return RowOf(c.Basis), true
}

// Amendment returns the current (last) 补正 round, if any.
func (c Case) Amendment() (Amendment, bool) {
	if len(c.Amendments) == 0 {
		return Amendment{}, false
	}
	return c.Amendments[len(c.Amendments)-1], true
}

// OpenConsultations counts consultations still running.
func (c Case) OpenConsultations() int {
	n := 0
	for _, k := range c.Consultations {
		if k.Open() {
			n++
		}
	}
	return n
}
