package interact

import "gongkai/internal/workday"

// DefaultRemindBefore: a reminder goes out 5 working days before a 会办
// opinion or a reply is due — a working week to finish it, rather than
// a reminder only once it is late (LateItems).
const DefaultRemindBefore = 5

// MaxRemindBefore bounds the setting: more than 30 working days would
// remind before most opinion periods have started.
const MaxRemindBefore = 30

// DueSoon is one item coming due: a co-handler's opinion (CoHandler set)
// or the agency's own reply, with the working days left before Due (0 on
// the due date itself).
type DueSoon struct {
	CoHandler *CoHandler
	Due       workday.Date
	Left      int
}

// DueSoonItems lists what falls due within s.RemindBefore working days of
// today and is not yet done: co-handlers' opinions the lead still waits
// for and the reply not yet sent. The window opens on the working day
// s.RemindBefore working days before the due date and closes on the due
// date; after it LateItems takes over. Working days come from the
// calendar of 国务院办公厅's holiday notices, so a Golden Week inside the
// window does not shorten the notice.
func DueSoonItems(p Proposal, s ProposalSettings, cal *workday.Calendar, today workday.Date) ([]DueSoon, error) {
	if s.RemindBefore <= 0 {
		return nil, nil
	}
	open, err := openDues(p, s, cal)
	if err != nil {
		return nil, err
	}
	var out []DueSoon
	for _, o := range open {
		if today.After(o.Due) {
			continue
		}
		left, err := cal.WorkdaysBetween(today, o.Due)
		if err != nil {
			return nil, err
		}
		if left <= s.RemindBefore {
			out = append(out, DueSoon{CoHandler: o.CoHandler, Due: o.Due, Left: left})
		}
	}
	return out, nil
}
