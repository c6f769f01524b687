package disclosure

import "gongkai/internal/workday"

// Statutory periods in working days (CONFIRMED).
const (
	ReplyDays           = 20 // 条例第三十三条第一款
	MaxExtensionDays    = 20 // 条例第三十三条第二款
	AmendmentNoticeDays = 7  // 条例第三十条: 收到申请之日起7个工作日内一次性告知
	ConsultationDays    = 15 // 条例第三十二条、第三十四条
	FeePayDays          = 20 // 109号: 收到收费通知次日起20个工作日内
)

// span is a pause: the working days in (from, to] are not counted
// (条例第三十三条第三款: 征求意见所需时间不计算在期限内).
type span struct{ from, to workday.Date }

func (s span) covers(d workday.Date) bool { return d.After(s.from) && !d.After(s.to) }

func earlier(a, b workday.Date) workday.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// pauses lists the paused spans. Settled pauses always count; open ones
// count up to asOf (never past their window) when withOpen is true, and
// not at all otherwise, so DueOn only grows as pauses end.
func (c Case) pauses(asOf workday.Date, withOpen bool) []span {
	var out []span
	for _, k := range c.Consultations {
		switch {
		case k.AnsweredOn != (workday.Date{}):
			out = append(out, span{k.SentOn, earlier(k.AnsweredOn, k.WindowEnd)})
		case k.Lapsed:
			out = append(out, span{k.SentOn, k.WindowEnd})
		case withOpen:
			out = append(out, span{k.SentOn, earlier(asOf, k.WindowEnd)})
		}
	}
	if c.FeePauses {
		f := c.Fee
		switch f.State {
		case FeeStatePaid, FeeStateWaived, FeeStateExpired:
			out = append(out, span{f.NoticedOn, earlier(f.SettledOn, f.PayBy)})
		case FeeStateNoticed:
			if withOpen {
				out = append(out, span{f.NoticedOn, earlier(asOf, f.PayBy)})
			}
		}
	}
	return out
}

// countDays returns the n-th counted working day after start, skipping
// paused days; an uncovered year fails rather than guessing.
func countDays(cal *workday.Calendar, start workday.Date, n int, ps []span) (workday.Date, error) {
	if len(ps) == 0 {
		return cal.AddWorkdays(start, n)
	}
	d := start
	for n > 0 {
		d = d.AddDays(1)
		ok, err := cal.IsWorkday(d)
		if err != nil {
			return workday.Date{}, err
		}
		if !ok {
			continue
		}
		paused := false
		for _, p := range ps {
			if p.covers(d) {
				paused = true
				break
			}
		}
		if !paused {
			n--
		}
	}
	return d, nil
}

// recompute refreshes DueOn and OriginalDueOn from ClockStart, the
// extension and the settled pauses.
func (c *Case) recompute(cal *workday.Calendar) error {
	ps := c.pauses(workday.Date{}, false)
	orig, err := countDays(cal, c.ClockStart, ReplyDays, ps)
	if err != nil {
		return err
	}
	due, err := countDays(cal, c.ClockStart, ReplyDays+c.Extension.Days, ps)
	if err != nil {
		return err
	}
	c.OriginalDueOn, c.DueOn = orig, due
	return nil
}

// DueAsOf is the reply deadline as it stands on asOf: like DueOn, but an
// open consultation or fee period also pauses the clock up to asOf (and
// no further than its window). It is the deadline to compare asOf with.
func DueAsOf(c Case, asOf workday.Date, cal *workday.Calendar) (workday.Date, error) {
	return countDays(cal, c.ClockStart, ReplyDays+c.Extension.Days, c.pauses(asOf, true))
}

// ClockRunning reports whether the reply clock runs: the case is open and
// not waiting for a 补正 (条例第三十条 restarts the clock on receipt).
func ClockRunning(c Case) bool {
	return c.Open() && c.State != StateAwaitingAmendment
}

// Overdue reports whether today is past the reply deadline in force today.
// A closed case, or one waiting for a 补正, is never overdue.
func Overdue(c Case, today workday.Date, cal *workday.Calendar) (bool, error) {
	if !ClockRunning(c) {
		return false, nil
	}
	due, err := DueAsOf(c, today, cal)
	if err != nil {
		return false, err
	}
	return today.After(due), nil
}

// WorkdaysLeft counts the working days from today (exclusive) to the
// deadline in force today (inclusive); it is negative when overdue (the
// working days since the deadline) and running is false when the clock is
// stopped (closed, or waiting for a 补正).
func WorkdaysLeft(c Case, today workday.Date, cal *workday.Calendar) (left int, running bool, err error) {
	if !ClockRunning(c) {
		return 0, false, nil
	}
	due, err := DueAsOf(c, today, cal)
	if err != nil {
		return 0, true, err
	}
	if today.After(due) {
		n, err := cal.WorkdaysBetween(due, today)
		return -n, true, err
	}
	n, err := cal.WorkdaysBetween(today, due)
	return n, true, err
}

// ReminderDue reports whether today is one of Settings.ReminderDays
// working days before the deadline (issue 3: remind the assignee at 5 and
// 1), and the days left.
func ReminderDue(c Case, today workday.Date, cal *workday.Calendar, s Settings) (bool, int, error) {
	left, running, err := WorkdaysLeft(c, today, cal)
	if err != nil || !running {
		return false, left, err
	}
	for _, d := range s.ReminderDays {
		if left == d {
			return true, left, nil
		}
	}
	return false, left, nil
}

// AmendmentPossible reports whether a 补正告知书 may still be sent under s
// (ignoring the 7-day window, see AmendmentNoticeWarning).
func AmendmentPossible(c Case, s Settings) bool {
	if !ClockRunning(c) || c.Extension.Used() || c.Extension.Pending ||
		c.OpenConsultations() > 0 || c.Fee.State == FeeStateNoticed {
		return false
	}
	return len(c.Amendments) == 0 || s.AllowSecondAmendment
}

// AmendmentNoticeWarning says how many working days remain to send the
// 补正告知书 (条例第三十条: within 7 working days of receipt); warn is true
// when 0 ≤ left ≤ Settings.AmendmentWarnDays, so staff see "day 7 nears".
// left is negative once the window has passed. applies is false when no
// 补正 can be sent any more.
func AmendmentNoticeWarning(c Case, today workday.Date, cal *workday.Calendar, s Settings) (left int, warn, applies bool, err error) {
	if !AmendmentPossible(c, s) {
		return 0, false, false, nil
	}
	if today.After(c.AmendmentNoticeDue) {
		n, err := cal.WorkdaysBetween(c.AmendmentNoticeDue, today)
		return -n, false, true, err
	}
	n, err := cal.WorkdaysBetween(today, c.AmendmentNoticeDue)
	if err != nil {
		return 0, false, true, err
	}
	return n, n <= s.AmendmentWarnDays, true, nil
}
