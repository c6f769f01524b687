package store

import (
	"context"
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/workday"
)

// ReviewCaseRecord is an entry of the 行政复议 and 行政诉讼 register
// (table 四) as stored: the domain's ReviewCase and the site it belongs to.
type ReviewCaseRecord struct {
	disclosure.ReviewCase
	SiteID    int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// ReviewCaseFilter selects review cases.
type ReviewCaseFilter struct {
	SiteID        int64
	ApplicationID int64
	FiledFrom     workday.Date // inclusive; zero = no bound
	FiledTo       workday.Date // inclusive; zero = no bound
	Limit, Offset int
}

const reviewCaseCols = `id, site_id, application_id, route, result, case_no, body, filed_on, decided_on, note, created_at, updated_at`

func scanReviewCase(sc scanner) (ReviewCaseRecord, error) {
	var r ReviewCaseRecord
	var appID *int64
	var filed, decided string
	err := sc.Scan(&r.ID, &r.SiteID, &appID, &r.Route, &r.Result, &r.CaseNo, &r.Body, &filed, &decided, &r.Note, &r.CreatedAt, &r.UpdatedAt)
	if err != nil {
		return r, mapErr(err)
	}
	r.ApplicationID = deref(appID)
	if r.FiledOn, err = parseDateCol(filed); err == nil {
		r.DecidedOn, err = parseDateCol(decided)
	}
	return r, err
}

// CreateReviewCase records a reconsideration or lawsuit of a site. The
// caller validates r (disclosure.ReviewCase.Validate) first; the schema
// only refuses unknown routes and results.
func (s *Store) CreateReviewCase(ctx context.Context, siteID int64, r disclosure.ReviewCase) (int64, error) {
	t := now()
	return s.appInsert(ctx, `INSERT INTO review_cases (site_id, application_id, route, result, case_no, body, filed_on,
		decided_on, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		siteID, nullID(r.ApplicationID), string(r.Route), string(r.Result), r.CaseNo, r.Body, dateCol(r.FiledOn),
		dateCol(r.DecidedOn), r.Note, t, t)
}

// ReviewCase reads one case.
func (s *Store) ReviewCase(ctx context.Context, id int64) (ReviewCaseRecord, error) {
	return scanReviewCase(s.queryRow(ctx, `SELECT `+reviewCaseCols+` FROM review_cases WHERE id = ?`, id))
}

// ReviewCases lists cases, newest filing first.
func (s *Store) ReviewCases(ctx context.Context, f ReviewCaseFilter) ([]ReviewCaseRecord, error) {
	q, args := `SELECT `+reviewCaseCols+` FROM review_cases WHERE 1 = 1`, []any{}
	if f.SiteID != 0 {
		q, args = q+` AND site_id = ?`, append(args, f.SiteID)
	}
	if f.ApplicationID != 0 {
		q, args = q+` AND application_id = ?`, append(args, f.ApplicationID)
	}
	if f.FiledFrom != (workday.Date{}) {
		q, args = q+` AND filed_on >= ?`, append(args, f.FiledFrom.String())
	}
	if f.FiledTo != (workday.Date{}) {
		q, args = q+` AND filed_on <= ?`, append(args, f.FiledTo.String())
	}
	q += ` ORDER BY filed_on DESC, id DESC LIMIT ? OFFSET ?`
	rows, err := s.query(ctx, q, append(args, pageLimit(f.Limit, 100), max(f.Offset, 0))...)
	return collect(rows, err, scanReviewCase)
}

// UpdateReviewCase saves a case's route, result, numbers and dates (by r.ID).
func (s *Store) UpdateReviewCase(ctx context.Context, r disclosure.ReviewCase) error {
	res, err := s.execQuiet(ctx, `UPDATE review_cases SET application_id = ?, route = ?, result = ?, case_no = ?, body = ?,
		filed_on = ?, decided_on = ?, note = ?, updated_at = ? WHERE id = ?`,
		nullID(r.ApplicationID), string(r.Route), string(r.Result), r.CaseNo, r.Body, dateCol(r.FiledOn),
		dateCol(r.DecidedOn), r.Note, now(), r.ID)
	return oneRow(res, err)
}

// DeleteReviewCase removes a case entered by mistake.
func (s *Store) DeleteReviewCase(ctx context.Context, id int64) error {
	res, err := s.execQuiet(ctx, `DELETE FROM review_cases WHERE id = ?`, id)
	return oneRow(res, err)
}

// dateCol stores a date as YYYY-MM-DD and the zero date as the empty string.
func dateCol(d workday.Date) string {
	if d == (workday.Date{}) {
		return ""
	}
	return d.String()
}

// parseDateCol reads a date column written by dateCol.
func parseDateCol(s string) (workday.Date, error) {
	if s == "" {
		return workday.Date{}, nil
	}
	return workday.ParseDate(s)
}

// ReviewTallyFilter selects the cases of one year's table 四.
type ReviewTallyFilter struct {
	SiteID int64 // 0 = every site
	Year   int
	// IncludeEarlier also counts cases filed in earlier years and
	// concluded in Year (PRACTICE, legal-rules §2.4: most agencies do).
	IncludeEarlier bool
}

// ReviewTally counts table 四: each case once, by its status at 12-31 of
// the year (disclosure.ReviewCase.ResultAt: not decided by then is 尚未审结).
func (s *Store) ReviewTally(ctx context.Context, f ReviewTallyFilter) (map[disclosure.ReviewRoute]map[disclosure.ReviewResult]int, error) {
	start, end := workday.NewDate(f.Year, 1, 1).String(), workday.NewDate(f.Year, 12, 31).String()
	q := `SELECT route, CASE WHEN decided_on <> '' AND decided_on <= ? THEN result ELSE 'pending' END AS status
		FROM review_cases WHERE filed_on <= ? AND (filed_on >= ?`
	args := []any{end, end, start}
	if f.IncludeEarlier {
		q, args = q+` OR (decided_on >= ? AND decided_on <= ?)`, append(args, start, end)
	}
	q += `)`
	if f.SiteID != 0 {
		q, args = q+` AND site_id = ?`, append(args, f.SiteID)
	}
	q = `SELECT route, status, COUNT(*) FROM (` + q + `) cases GROUP BY route, status`
	rows, err := s.query(ctx, q, args...)
	type cell struct {
		route  disclosure.ReviewRoute
		result disclosure.ReviewResult
		n      int
	}
	cells, err := collect(rows, err, func(sc scanner) (cell, error) {
		var c cell
		return c, sc.Scan(&c.route, &c.result, &c.n)
	})
	if err != nil {
		return nil, err
	}
	out := map[disclosure.ReviewRoute]map[disclosure.ReviewResult]int{}
	for _, r := range disclosure.ReviewRoutes {
		out[r] = map[disclosure.ReviewResult]int{}
		for _, x := range disclosure.ReviewResults {
			out[r][x] = 0
		}
	}
	for _, c := range cells {
		out[c.route][c.result] += c.n
	}
	return out, nil
}
