package disclosure

import (
	"slices"

	"gongkai/internal/workday"
)

// DeadlineKind names a clock of a case.
type DeadlineKind string

const (
	DeadlineReply           DeadlineKind = "reply"            // 答复期限 (第三十三条)
	DeadlineExtensionBefore DeadlineKind = "extension_before" // last day to approve an extension
	DeadlineAmendmentNotice DeadlineKind = "amendment_notice" // 补正告知期限 (第三十条, 7 working days)
	DeadlineAmendment       DeadlineKind = "amendment"        // 补正期限 set in the notice
	DeadlineConsultation    DeadlineKind = "consultation"     // 征求意见期限 (15 working days)
	DeadlineFee             DeadlineKind = "fee"              // 缴费期限 (109号, 20 working days)
)

// Label is the Chinese name.
func (k DeadlineKind) Label() string {
	switch k {
	case DeadlineReply:
		return "答复期限"
	case DeadlineExtensionBefore:
		return "延期审批截止"
	case DeadlineAmendmentNotice:
		return "补正告知截止"
	case DeadlineAmendment:
		return "补正期限"
	case DeadlineConsultation:
		return "征求意见期限"
	case DeadlineFee:
		return "缴费期限"
	}
	return string(k)
}

// Deadline is one running clock.
type Deadline struct {
	Kind DeadlineKind
	On   workday.Date
}

// Deadlines lists the clocks running in c, earliest first: what reminders
// and the status page show. A closed case has none; while a 补正 is awaited
// only its deadline runs.
func Deadlines(c Case, s Settings) []Deadline {
	if !c.Open() {
		return nil
	}
	if c.State == StateAwaitingAmendment {
		a, _ := c.Amendment()
		return []Deadline{{DeadlineAmendment, a.Deadline}}
	}
	out := []Deadline{{DeadlineReply, c.DueOn}}
	if !c.Extension.Used() {
		out = append(out, Deadline{DeadlineExtensionBefore, c.OriginalDueOn})
	}
	if AmendmentPossible(c, s) {
		out = append(out, Deadline{DeadlineAmendmentNotice, c.AmendmentNoticeDue})
	}
	for _, k := range c.Consultations {
		if k.Open() {
			out = append(out, Deadline{DeadlineConsultation, k.WindowEnd})
		}
	}
	if c.Fee.State == FeeStateNoticed {
		out = append(out, Deadline{DeadlineFee, c.Fee.PayBy})
	}
	slices.SortStableFunc(out, func(a, b Deadline) int { return a.On.Compare(b.On) })
	return out
}

// CarriedOver reports whether c counts in 四、结转下年度继续办理 of table 三
// for year: received by 12-31 of year and without a final outcome on that
// day (spec §2.5). The case must have been replayed with every event.
func CarriedOver(c Case, year int) bool {
	if c.Events == 0 || c.ReceivedOn.Year() > year {
		return false
	}
	return c.Open() || c.ClosedOn.Year() > year
}

// ClosedIn returns the row c counts in for year's 三、本年度办理结果, if it
// was closed in that year.
func ClosedIn(c Case, year int) (Row, bool) {
	r, ok := c.Row()
	if !ok || c.ClosedOn.Year() != year {
		return "", false
	}
	return r, true
}
