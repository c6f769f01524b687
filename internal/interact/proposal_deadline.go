package interact

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/workday"
)

// Period is a configurable handling period: whole calendar months (代表法,
// 山东, 浙江: "一个月") or working days (重庆: "30个工作日"). Exactly one of
// the two is positive.
type Period struct {
	Months   int
	Workdays int
}

// String is the setting's stored form: "1m" or "30wd".
func (p Period) String() string {
	if p.Workdays > 0 {
		return strconv.Itoa(p.Workdays) + "wd"
	}
	return strconv.Itoa(p.Months) + "m"
}

// Label is the Chinese form: "1个月" or "30个工作日".
func (p Period) Label() string {
	if p.Workdays > 0 {
		return strconv.Itoa(p.Workdays) + "个工作日"
	}
	return strconv.Itoa(p.Months) + "个月"
}

// ParsePeriod reads "1m", "2m" or "30wd" (also 1个月, 30个工作日).
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	num, unit := s, ""
	for _, u := range []string{"个工作日", "个月", "wd", "m"} {
		if n, ok := strings.CutSuffix(s, u); ok {
			num, unit = strings.TrimSpace(n), u
			break
		}
	}
	n, err := strconv.Atoi(num)
	switch {
	case err != nil || unit == "":
		return Period{}, fmt.Errorf("期限应写作“1个月”或“30个工作日”：%q", s)
	case unit == "m" || unit == "个月":
		if n < 1 || n > 6 {
			return Period{}, fmt.Errorf("以月计的期限应为1至6个月")
		}
		return Period{Months: n}, nil
	default:
		if n < 1 || n > 120 {
			return Period{}, fmt.Errorf("以工作日计的期限应为1至120个工作日")
		}
		return Period{Workdays: n}, nil
	}
}

// Due is the last day of the period that starts on from.
func (p Period) Due(cal *workday.Calendar, from workday.Date) (workday.Date, error) {
	if p.Workdays > 0 {
		return cal.AddWorkdays(from, p.Workdays)
	}
	return monthsDue(cal, from, max(p.Months, 1))
}

// ProposalSettings are the configurable deadlines (website-rules §5.3: they
// vary by locality, so none is hard-coded).
type ProposalSettings struct {
	OpinionPeriod  Period // 会办意见, default 1 month (山东, 宁波)
	ReplyMonths    int    // default 3 (代表法第五十一条)
	ExtendedMonths int    // default 6 (代表法: 涉及面广、处理难度大的)
	// RemindBefore: working days before a 会办 opinion or reply is due
	// that a reminder goes out (DueSoonItems); 0 sends none.
	RemindBefore int
}

// DefaultProposalSettings are the national defaults.
func DefaultProposalSettings() ProposalSettings {
	return ProposalSettings{OpinionPeriod: Period{Months: 1}, ReplyMonths: 3, ExtendedMonths: 6, RemindBefore: DefaultRemindBefore}
}

// monthsDue implements the civil-law way of counting a period of months:
// the day of assignment is not counted (民法典第二百零一条); the period ends
// on the corresponding day of the final month, or on that month's last day
// when it has none (第二百零二条); when that day is a statutory rest day
// the period ends on the first working day after it (第二百零三条).
func monthsDue(cal *workday.Calendar, from workday.Date, months int) (workday.Date, error) {
	y, m, d := from.Year(), from.Month()+time.Month(months), from.Day()
	for m > 12 {
		y, m = y+1, m-12
	}
	last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	due := workday.NewDate(y, m, min(d, last))
	return nextWorkday(cal, due)
}

// nextWorkday is d itself when it is a working day, else the first working
// day after it (民法典第二百零三条).
func nextWorkday(cal *workday.Calendar, d workday.Date) (workday.Date, error) {
	for i := 0; i < 40; i++ {
		ok, err := cal.IsWorkday(d)
		if err != nil || ok {
			return d, err
		}
		d = d.AddDays(1)
	}
	return d, nil
}

// ReplyDue is when the agency's part is due: for the lead, the reply to the
// proposer, 3 months after 交办 (6 when extended with a reason); for a
// co-handler, its opinion to the lead unit, within the opinion period.
func ReplyDue(p Proposal, s ProposalSettings, cal *workday.Calendar) (workday.Date, error) {
	from, err := workday.ParseDate(p.AssignedOn)
	if err != nil {
		return workday.Date{}, err
	}
	if p.Role == RoleCo {
		return s.OpinionPeriod.Due(cal, from)
	}
	months := s.ReplyMonths
	if p.Extended {
		months = s.ExtendedMonths
	}
	return monthsDue(cal, from, max(months, 1))
}

// OpinionDue is when co-handler c's opinion is due: the opinion period
// from when it received the proposal (the 交办 date unless recorded).
func OpinionDue(p Proposal, c CoHandler, s ProposalSettings, cal *workday.Calendar) (workday.Date, error) {
	start := c.ReceivedOn
	if start == "" {
		start = p.AssignedOn
	}
	from, err := workday.ParseDate(start)
	if err != nil {
		return workday.Date{}, err
	}
	return s.OpinionPeriod.Due(cal, from)
}

// Late is one overdue item: a co-handler's opinion (CoHandler set) or the
// agency's own reply.
type Late struct {
	CoHandler *CoHandler
	Due       workday.Date
	Days      int // calendar days past due
}

// LateItems lists what is overdue on today: co-handlers' opinions not yet
// received after their due date, and the reply when it is not sent after
// its due date. Only the lead waits for co-handlers' opinions.
func LateItems(p Proposal, s ProposalSettings, cal *workday.Calendar, today workday.Date) ([]Late, error) {
	open, err := openDues(p, s, cal)
	var out []Late
	for _, o := range open {
		if today.After(o.Due) {
			out = append(out, Late{CoHandler: o.CoHandler, Due: o.Due, Days: o.Due.DaysUntil(today)})
		}
	}
	return out, err
}

// openDue is something a proposal still waits for: a co-handler's opinion
// (CoHandler set) or the reply, and when it is due.
type openDue struct {
	CoHandler *CoHandler
	Due       workday.Date
}

// openDues lists what a proposal not yet replied to waits for: each
// co-handler's opinion not yet received (the lead only asks for them),
// then the reply.
func openDues(p Proposal, s ProposalSettings, cal *workday.Calendar) ([]openDue, error) {
	if p.Replied() {
		return nil, nil
	}
	var out []openDue
	if p.Role == RoleLead {
		for i := range p.CoHandlers {
			c := &p.CoHandlers[i]
			if c.OpinionOn != "" {
				continue
			}
			due, err := OpinionDue(p, *c, s, cal)
			if err != nil {
				return nil, err
			}
			out = append(out, openDue{c, due})
		}
	}
	due, err := ReplyDue(p, s, cal)
	if err != nil {
		return nil, err
	}
	return append(out, openDue{nil, due}), nil
}

// RepliedOnTime reports whether a replied proposal was answered by its due date.
func RepliedOnTime(p Proposal, s ProposalSettings, cal *workday.Calendar) (bool, error) {
	if !p.Replied() {
		return false, nil
	}
	due, err := ReplyDue(p, s, cal)
	if err != nil {
		return false, err
	}
	on, err := workday.ParseDate(p.RepliedOn)
	if err != nil {
		return false, err
	}
	return !on.After(due), nil
}
