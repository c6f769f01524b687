package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// MonitorFinding is something a monitor check found: a stale column, a
// broken link, a typo, a document lacking 目录 metadata.
type MonitorFinding struct {
	ID         int64
	Check      string // the check that found it (set by the runner)
	Key        string // identity within the check: seen again, the same row is updated
	Kind       string // e.g. column_stale, link_4xx, typo
	Severity   string // veto | deduct | warn | info
	SiteID     int64  // 0: a watched site outside the platform
	ColumnID   int64
	OrgID      int64
	DocumentID int64
	URL        string
	Source     string // the page that links URL
	Message    string // Chinese, for people
	Detail     string
	FirstSeen  time.Time
	LastSeen   time.Time
	ResolvedAt time.Time
	RunID      int64
}

const monitorFindingCols = `id, check_name, fkey, kind, severity, site_id, column_id, org_id, document_id, url, source,
	message, detail, first_seen, last_seen, resolved_at, run_id`

func scanMonitorFinding(sc scanner) (MonitorFinding, error) {
	var f MonitorFinding
	var first, last, resolved nullableTime
	err := sc.Scan(&f.ID, &f.Check, &f.Key, &f.Kind, &f.Severity, &f.SiteID, &f.ColumnID, &f.OrgID, &f.DocumentID,
		&f.URL, &f.Source, &f.Message, &f.Detail, &first, &last, &resolved, &f.RunID)
	f.FirstSeen, f.LastSeen, f.ResolvedAt = first.t, last.t, resolved.t
	return f, mapErr(err)
}

// saveFindings makes findings the open set of check: rows seen again are
// updated (a resolved one reopens with a new first_seen), new ones are
// added, and open rows this run did not see are resolved.
func (c conn) saveFindings(ctx context.Context, check string, runID int64, at time.Time, findings []MonitorFinding) error {
	for _, f := range findings {
		if _, err := c.execQuiet(ctx, `INSERT INTO monitor_findings (check_name, fkey, kind, severity, site_id, column_id,
			org_id, document_id, url, source, message, detail, first_seen, last_seen, run_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (check_name, fkey) DO UPDATE SET kind = excluded.kind, severity = excluded.severity,
				site_id = excluded.site_id, column_id = excluded.column_id, org_id = excluded.org_id,
				document_id = excluded.document_id, url = excluded.url, source = excluded.source,
				message = excluded.message, detail = excluded.detail, last_seen = excluded.last_seen,
				run_id = excluded.run_id,
				first_seen = CASE WHEN monitor_findings.resolved_at IS NULL THEN monitor_findings.first_seen ELSE excluded.first_seen END,
				resolved_at = NULL`,
			check, f.Key, f.Kind, f.Severity, f.SiteID, f.ColumnID, f.OrgID, f.DocumentID, f.URL, f.Source,
			f.Message, f.Detail, at, at, runID); err != nil {
			return fmt.Errorf("save finding %s/%s: %w", check, f.Key, err)
		}
	}
	_, err := c.execQuiet(ctx, `UPDATE monitor_findings SET resolved_at = ? WHERE check_name = ? AND resolved_at IS NULL AND run_id <> ?`,
		at, check, runID)
	return err
}

// FindingFilter selects findings. Zero fields do not filter, except that
// only open findings are listed unless Resolved is set.
type FindingFilter struct {
	Check    string
	Kind     string
	Severity string
	SiteID   int64
	OrgID    int64
	Resolved bool // list resolved findings instead of open ones
	Limit    int
	Offset   int
}

func (f FindingFilter) where() (string, []any) {
	conds := []string{"resolved_at IS NULL"}
	if f.Resolved {
		conds[0] = "resolved_at IS NOT NULL"
	}
	var args []any
	add := func(cond string, a any) { conds = append(conds, cond); args = append(args, a) }
	if f.Check != "" {
		add("check_name = ?", f.Check)
	}
	if f.Kind != "" {
		add("kind = ?", f.Kind)
	}
	if f.Severity != "" {
		add("severity = ?", f.Severity)
	}
	if f.SiteID != 0 {
		add("site_id = ?", f.SiteID)
	}
	if f.OrgID != 0 {
		add("org_id = ?", f.OrgID)
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Findings lists findings, the most serious first, and the total matching.
func (s *Store) Findings(ctx context.Context, f FindingFilter) ([]MonitorFinding, int, error) {
	where, args := f.where()
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM monitor_findings`+where, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	q := fmt.Sprintf(`SELECT %s FROM monitor_findings%s ORDER BY CASE severity WHEN 'veto' THEN 0 WHEN 'deduct' THEN 1
		WHEN 'warn' THEN 2 ELSE 3 END, check_name, kind, fkey LIMIT %d OFFSET %d`,
		monitorFindingCols, where, pageLimit(f.Limit, 50), max(f.Offset, 0))
	rows, err := s.query(ctx, q, args...)
	out, err := collect(rows, err, scanMonitorFinding)
	return out, total, err
}

// AllOpenFindings lists every open finding of check ("" for all checks),
// for the score and the exports. It is not paged: open findings are what
// the office works through, and the checks cap what they report.
func (s *Store) AllOpenFindings(ctx context.Context, check string) ([]MonitorFinding, error) {
	q := `SELECT ` + monitorFindingCols + ` FROM monitor_findings WHERE resolved_at IS NULL`
	var args []any
	if check != "" {
		q += ` AND check_name = ?`
		args = append(args, check)
	}
	rows, err := s.query(ctx, q+` ORDER BY check_name, kind, fkey`, args...)
	return collect(rows, err, scanMonitorFinding)
}

// FindingsSince lists findings first seen at or after t that are still
// open, for the daily digest.
func (s *Store) FindingsSince(ctx context.Context, t time.Time) ([]MonitorFinding, error) {
	rows, err := s.query(ctx, `SELECT `+monitorFindingCols+` FROM monitor_findings WHERE resolved_at IS NULL AND first_seen >= ?
		ORDER BY check_name, kind, fkey`, t.UTC())
	return collect(rows, err, scanMonitorFinding)
}
