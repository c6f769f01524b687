package staff

import (
	"context"
	"errors"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// disclosureLimit is the time limit of 条例第二十六条: proactive information
// is disclosed within 20 working days of being formed or changed.
const disclosureLimit = 20

// lateBy computes how many working days past the limit a publication on
// day at is, for a document formed (or changed) on formed. known is false
// when the calendar does not cover a year in between: then nothing is
// guessed, the caller flags the document and note says why.
func lateBy(cal *workday.Calendar, formed string, at time.Time) (late int, known bool, note string, err error) {
	from, err := workday.ParseDate(formed)
	if err != nil {
		return 0, false, "成文日期或变更日期无效，无法核算公开时限", nil
	}
	n, err := cal.WorkdaysBetween(from, workday.FromTime(at.In(china)))
	if errors.Is(err, workday.ErrYearNotCovered) {
		return 0, false, err.Error(), nil
	}
	if err != nil {
		return 0, false, "", err
	}
	return max(n-disclosureLimit, 0), true, "", nil
}

// lateWorkdays is lateBy with the stored calendar.
func (h handlers) lateWorkdays(ctx context.Context, d catalog.Document, at time.Time) (int, bool, string, error) {
	cal, err := h.app.Store.Calendar(ctx)
	if err != nil {
		return 0, false, "", err
	}
	return lateBy(cal, d.FormedOn(), at)
}

// resolveLateFlags computes, after a calendar change, the lateness of
// publications that could not be computed before, and closes their flags.
// It returns how many were resolved.
func resolveLateFlags(ctx context.Context, st *store.Store) (int, error) {
	flags, err := st.OpenFlags(ctx, store.FlagLateUnknown)
	if err != nil || len(flags) == 0 {
		return 0, err
	}
	cal, err := st.Calendar(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range flags {
		d, err := st.Document(ctx, f.DocumentID)
		if err != nil {
			return n, err
		}
		if d.PublishedAt.IsZero() {
			continue
		}
		late, known, _, err := lateBy(cal, d.FormedOn(), d.PublishedAt)
		if err != nil {
			return n, err
		}
		if !known {
			continue
		}
		if err := st.ResolveLateFlag(ctx, f.ID, late); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
