package linkage

// Verdict is how a required repost went, for the queue and the monthly
// report kept for the inspection ("及时转载", website-rules §2.1).
type Verdict string

const (
	OnTime  Verdict = "on_time" // published on our site by the due date
	Late    Verdict = "late"    // published after the due date
	Missing Verdict = "missing" // due date passed, not published
	Pending Verdict = "pending" // not yet published, still in time
)

// Label is the Chinese name shown in the queue and the report.
func (v Verdict) Label() string {
	switch v {
	case OnTime:
		return "按时转载"
	case Late:
		return "逾期转载"
	case Missing:
		return "逾期未转载"
	}
	return "待转载"
}

// Judge gives the verdict of a required item due on dueOn whose repost
// went online on repostedOn ("" when it has not), as seen on today. All
// dates are YYYY-MM-DD in China time, which compare as strings. An item
// without a due date (calendar not covering the year) is judged only once
// reposted, and then counted on time: nobody could know it was late.
func Judge(dueOn, repostedOn, today string) Verdict {
	switch {
	case repostedOn != "" && (dueOn == "" || repostedOn <= dueOn):
		return OnTime
	case repostedOn != "":
		return Late
	case dueOn != "" && today > dueOn:
		return Missing
	}
	return Pending
}

// Tally counts verdicts for the report's summary line.
type Tally struct {
	Required, OnTime, Late, Missing, Pending int
}

// Add counts one verdict.
func (t *Tally) Add(v Verdict) {
	t.Required++
	switch v {
	case OnTime:
		t.OnTime++
	case Late:
		t.Late++
	case Missing:
		t.Missing++
	default:
		t.Pending++
	}
}
