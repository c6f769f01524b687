package store

import (
	"context"
	"fmt"
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/workday"
)

// ApplicationSummary is a queue row. It holds no personal data beyond the
// applicant's name, so listing decrypts nothing.
type ApplicationSummary struct {
	ID            int64
	SiteID        int64
	Code          string
	ApplicantKind disclosure.ApplicantKind
	ApplicantName string
	Description   string
	State         disclosure.State
	OrgID         int64
	AssigneeID    int64
	ReceivedOn    workday.Date
	DueOn         workday.Date
	ClosedOn      workday.Date
	Row           disclosure.Row // table 三 row once closed
	ClockRunning  bool
	Version       int
}

// Overdue reports whether the reply deadline has passed on today.
func (a ApplicationSummary) Overdue(today workday.Date) bool {
	return a.ClockRunning && a.DueOn != (workday.Date{}) && today.After(a.DueOn)
}

// Cursor returns the keyset position after a.
func (a ApplicationSummary) Cursor() ApplicationCursor {
	return ApplicationCursor{DueOn: a.DueOn, ID: a.ID}
}

// ApplicationCursor is a position in the open-case queue (ordered by due
// date, then id), for keyset paging that stays fast on deep pages.
type ApplicationCursor struct {
	DueOn workday.Date
	ID    int64
}

// ApplicationFilter selects the staff queue.
type ApplicationFilter struct {
	SiteID     int64
	State      disclosure.State // "" = every open case; StateClosed = closed cases, newest first
	OrgID      int64
	AssigneeID int64
	// DueWithin > 0 keeps cases whose clock runs and whose deadline is
	// today or within the next DueWithin working days (not yet overdue).
	DueWithin int
	Overdue   bool               // cases whose clock runs and whose deadline has passed
	Today     workday.Date       // zero = today in China
	After     *ApplicationCursor // keyset: rows after this position (open cases only)
	Limit     int                // 1–500, default 50
	Offset    int                // for shallow pages; prefer After
}

const summaryCols = `id, site_id, code, applicant_kind, applicant_name, description, state, org_id, assignee_id, received_on,
	due_on, closed_on, table_row, clock_running, version`

func scanSummary(sc scanner) (ApplicationSummary, error) {
	var a ApplicationSummary
	var code *string
	var org, assignee *int64
	var received, due, closed string
	if err := sc.Scan(&a.ID, &a.SiteID, &code, &a.ApplicantKind, &a.ApplicantName, &a.Description, &a.State, &org, &assignee,
		&received, &due, &closed, &a.Row, &a.ClockRunning, &a.Version); err != nil {
		return a, err
	}
	if code != nil {
		a.Code = *code
	}
	a.OrgID, a.AssigneeID = deref(org), deref(assignee)
	var err error
	if a.ReceivedOn, err = parseDateCol(received); err == nil {
		if a.DueOn, err = parseDateCol(due); err == nil {
			a.ClosedOn, err = parseDateCol(closed)
		}
	}
	return a, err
}

// Applications lists the queue: open cases by due date (then id), or
// closed cases newest first. Indexes on (closed, due_on, id) and its
// per-Org and per-site variants serve it from the first page to the last.
func (s *Store) Applications(ctx context.Context, f ApplicationFilter) ([]ApplicationSummary, error) {
	where, args, err := s.queueWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	order := ` ORDER BY due_on, id`
	if f.State == disclosure.StateClosed {
		order = ` ORDER BY closed_on DESC, id DESC`
	} else if f.After != nil {
		where += ` AND (due_on > ? OR (due_on = ? AND id > ?))`
		d := dateCol(f.After.DueOn)
		args = append(args, d, d, f.After.ID)
	}
	q := `SELECT ` + summaryCols + ` FROM applications WHERE ` + where + order + ` LIMIT ? OFFSET ?`
	rows, err := s.query(ctx, q, append(args, pageLimit(f.Limit, 50), max(f.Offset, 0))...)
	return collect(rows, err, scanSummary)
}

// CountApplications counts what Applications would list without paging.
func (s *Store) CountApplications(ctx context.Context, f ApplicationFilter) (int, error) {
	where, args, err := s.queueWhere(ctx, f)
	if err != nil {
		return 0, err
	}
	var n int
	err = s.queryRow(ctx, `SELECT COUNT(*) FROM applications WHERE `+where, args...).Scan(&n)
	return n, mapErr(err)
}

func (s *Store) queueWhere(ctx context.Context, f ApplicationFilter) (string, []any, error) {
	today := f.Today
	if today == (workday.Date{}) {
		today = workday.FromTime(time.Now().In(china))
	}
	where, args := `closed = ?`, []any{f.State == disclosure.StateClosed}
	if f.State != "" && f.State != disclosure.StateClosed {
		if !f.State.Valid() {
			return "", nil, fmt.Errorf("store: unknown state %q", f.State)
		}
		where, args = where+` AND state = ?`, append(args, string(f.State))
	}
	if f.SiteID != 0 {
		where, args = where+` AND site_id = ?`, append(args, f.SiteID)
	}
	if f.OrgID != 0 {
		where, args = where+` AND org_id = ?`, append(args, f.OrgID)
	}
	if f.AssigneeID != 0 {
		where, args = where+` AND assignee_id = ?`, append(args, f.AssigneeID)
	}
	if f.Overdue {
		where, args = where+` AND clock_running = ? AND due_on <> '' AND due_on < ?`, append(args, true, today.String())
	}
	if f.DueWithin > 0 {
		cal, err := s.cachedCalendar(ctx)
		if err != nil {
			return "", nil, err
		}
		until, err := cal.AddWorkdays(today, f.DueWithin)
		if err != nil {
			return "", nil, err
		}
		where, args = where+` AND clock_running = ? AND due_on >= ? AND due_on <= ?`, append(args, true, today.String(), until.String())
	}
	return where, args, nil
}
