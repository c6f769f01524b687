package store

import (
	"context"
	"database/sql"
	"time"

	"gongkai/internal/catalog"
)

// ColumnActivity is what the freshness check needs of a column: how many
// documents it shows and when the newest went online.
type ColumnActivity struct {
	ColumnID  int64
	Published int
	Last      time.Time
}

// ColumnActivity returns the activity of a site's columns that have ever
// shown a published document, by column ID. Withdrawn documents are off
// the site and do not count.
func (s *Store) ColumnActivity(ctx context.Context, siteID int64) (map[int64]ColumnActivity, error) {
	rows, err := s.query(ctx, `SELECT column_id, COUNT(*), MAX(published_at) FROM documents
		WHERE site_id = ? AND state = ? GROUP BY column_id`, siteID, string(catalog.StatePublished))
	acts, err := collect(rows, err, func(sc scanner) (ColumnActivity, error) {
		var a ColumnActivity
		var last aggTime
		err := sc.Scan(&a.ColumnID, &a.Published, &last)
		a.Last = last.t
		return a, err
	})
	out := make(map[int64]ColumnActivity, len(acts))
	for _, a := range acts {
		out[a.ColumnID] = a
	}
	return out, err
}

// MonitorColumnRule overrides the freshness window of one column.
type MonitorColumnRule struct {
	ColumnID    int64
	WindowDays  *int // nil: the column kind's default; 0: not checked for staleness
	ExemptBlank bool // e.g. a column whose content comes from another system
	Note        string
	UpdatedAt   time.Time
}

// ColumnRules returns the rules of a site's columns, by column ID.
func (s *Store) ColumnRules(ctx context.Context, siteID int64) (map[int64]MonitorColumnRule, error) {
	rows, err := s.query(ctx, `SELECT r.column_id, r.window_days, r.exempt_blank, r.note, r.updated_at FROM monitor_column_rules r
		JOIN site_columns c ON c.id = r.column_id WHERE c.site_id = ?`, siteID)
	rules, err := collect(rows, err, func(sc scanner) (MonitorColumnRule, error) {
		var r MonitorColumnRule
		var w sql.NullInt64
		var at nullableTime
		err := sc.Scan(&r.ColumnID, &w, &r.ExemptBlank, &r.Note, &at)
		if w.Valid {
			n := int(w.Int64)
			r.WindowDays = &n
		}
		r.UpdatedAt = at.t
		return r, err
	})
	out := make(map[int64]MonitorColumnRule, len(rules))
	for _, r := range rules {
		out[r.ColumnID] = r
	}
	return out, err
}

// SetColumnRule stores a column's rule; a rule with the defaults (no
// window, not exempt, no note) is removed instead.
func (s *Store) SetColumnRule(ctx context.Context, r MonitorColumnRule, at time.Time) error {
	if r.WindowDays == nil && !r.ExemptBlank && r.Note == "" {
		_, err := s.execQuiet(ctx, `DELETE FROM monitor_column_rules WHERE column_id = ?`, r.ColumnID)
		return err
	}
	var w any
	if r.WindowDays != nil {
		w = *r.WindowDays
	}
	_, err := s.execQuiet(ctx, `INSERT INTO monitor_column_rules (column_id, window_days, exempt_blank, note, updated_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (column_id) DO UPDATE SET window_days = excluded.window_days,
		exempt_blank = excluded.exempt_blank, note = excluded.note, updated_at = excluded.updated_at`,
		r.ColumnID, w, r.ExemptBlank, r.Note, at.UTC().Truncate(time.Second))
	return err
}

// aggTime scans the result of MAX() over a timestamp column. SQLite
// loses the column's type in an aggregate, and modernc hands back the text
// it stored, which is time.Time's String form.
type aggTime struct{ t time.Time }

func (a *aggTime) Scan(v any) error {
	if s, ok := v.(string); ok {
		if t, err := time.Parse("2006-01-02 15:04:05.999999999 -0700 MST", s); err == nil {
			a.t = t
			return nil
		}
	}
	var n nullableTime
	err := n.Scan(v)
	a.t = n.t
	return err
}
