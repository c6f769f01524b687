package store

import (
	"context"
	"encoding/json"

	"gongkai/internal/disclosure"
	"gongkai/internal/workday"
)

// FeeTally is the 信息处理费 of one report year (spec legal-rules §2.7:
// section 六 reports the 收费通知 issued, the amount billed and the amount
// actually collected; （六）2 counts the cases closed for non-payment).
type FeeTally struct {
	NoticesIssued int   // 收费通知 served in the year
	AmountBilled  int64 // yuan, of those notices
	Collected     int64 // yuan, paid in the year (for whichever notice)
	Payments      int
	Waived        int // waivers recorded in the year
}

// FeeTallyFor counts the fee steps dated in year (0 siteID = every site).
func (s *Store) FeeTallyFor(ctx context.Context, siteID int64, year int) (FeeTally, error) {
	start, end := workday.NewDate(year, 1, 1).String(), workday.NewDate(year, 12, 31).String()
	kinds := []any{string(disclosure.EventFeeNoticed), string(disclosure.EventFeePaid), string(disclosure.EventFeeWaived)}
	q := `SELECT e.application_id, e.on_date, e.data FROM application_events e JOIN applications a ON a.id = e.application_id
		WHERE e.kind IN (?, ?, ?) AND e.application_id IN (SELECT application_id FROM application_events
		WHERE kind IN (?, ?, ?) AND on_date >= ? AND on_date <= ?)`
	args := append(append(append([]any{}, kinds...), kinds...), start, end)
	if siteID != 0 {
		q, args = q+` AND a.site_id = ?`, append(args, siteID)
	}
	rows, err := s.query(ctx, q+` ORDER BY e.application_id, e.seq`, args...)
	type step struct {
		app int64
		on  string
		ev  disclosure.Event
	}
	steps, err := collect(rows, err, func(sc scanner) (step, error) {
		var st step
		var data string
		if err := sc.Scan(&st.app, &st.on, &data); err != nil {
			return st, err
		}
		return st, json.Unmarshal([]byte(data), &st.ev)
	})
	var t FeeTally
	if err != nil {
		return t, err
	}
	billed := map[int64]int64{} // the amount of each case's latest notice
	for _, st := range steps {
		in := st.on >= start && st.on <= end
		switch st.ev.Kind {
		case disclosure.EventFeeNoticed:
			billed[st.app] = st.ev.Amount
			if in {
				t.NoticesIssued++
				t.AmountBilled += st.ev.Amount
			}
		case disclosure.EventFeePaid:
			if in {
				t.Payments++
				t.Collected += billed[st.app]
			}
		case disclosure.EventFeeWaived:
			if in {
				t.Waived++
			}
		}
	}
	return t, nil
}
