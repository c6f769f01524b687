package monitor

import (
	"context"
	"time"

	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// storeOverdue answers OverdueSource from the 依申请公开 queue: open cases
// whose clock runs and whose reply deadline (条例第三十三条, computed by the
// disclosure domain and stored) has passed.
type storeOverdue struct{ st *store.Store }

// StoreOverdue is the OverdueSource of the platform's own cases.
func StoreOverdue(st *store.Store) OverdueSource { return storeOverdue{st} }

func (s storeOverdue) OverdueApplications(ctx context.Context, now time.Time) ([]OverdueApplication, error) {
	today := workday.FromTime(now.In(china))
	cal, err := s.st.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	var out []OverdueApplication
	f := store.ApplicationFilter{Overdue: true, Today: today, Limit: 500}
	for {
		list, err := s.st.Applications(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, a := range list {
			days, err := cal.WorkdaysBetween(a.DueOn, today)
			if err != nil {
				days = -1 // the calendar lacks a year: overdue, by how much unknown
			}
			out = append(out, OverdueApplication{ID: a.ID, SiteID: a.SiteID, OrgID: a.OrgID, Ref: a.Code,
				DueOn: a.DueOn.String(), Overdue: days, Since: a.ReceivedOn.Time()})
		}
		if len(list) < f.Limit {
			return out, nil
		}
		c := list[len(list)-1].Cursor()
		f.After = &c
	}
}
