package store

import "context"

// MonitorScore is a site's indicator-style score on one day, for the trend.
type MonitorScore struct {
	SiteID      int64
	Day         string // YYYY-MM-DD, China time
	Score       float64
	Passed      bool
	Vetoes      int
	Stale       int
	Blank       int
	BrokenLinks int
	TextIssues  int
	DataIssues  int
}

// SaveMonitorScore stores the day's score, replacing an earlier one of the
// same day (the last run of the day wins).
func (s *Store) SaveMonitorScore(ctx context.Context, m MonitorScore) error {
	_, err := s.execQuiet(ctx, `INSERT INTO monitor_scores (site_id, day, score, passed, vetoes, stale, blank, broken_links,
		text_issues, data_issues) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (site_id, day) DO UPDATE SET score = excluded.score, passed = excluded.passed, vetoes = excluded.vetoes,
		stale = excluded.stale, blank = excluded.blank, broken_links = excluded.broken_links,
		text_issues = excluded.text_issues, data_issues = excluded.data_issues`,
		m.SiteID, m.Day, m.Score, m.Passed, m.Vetoes, m.Stale, m.Blank, m.BrokenLinks, m.TextIssues, m.DataIssues)
	return err
}

// MonitorScores lists a site's daily scores from day from (YYYY-MM-DD) on,
// oldest first.
func (s *Store) MonitorScores(ctx context.Context, siteID int64, from string) ([]MonitorScore, error) {
	rows, err := s.query(ctx, `SELECT site_id, day, score, passed, vetoes, stale, blank, broken_links, text_issues, data_issues
		FROM monitor_scores WHERE site_id = ? AND day >= ? ORDER BY day`, siteID, from)
	return collect(rows, err, func(sc scanner) (MonitorScore, error) {
		var m MonitorScore
		return m, sc.Scan(&m.SiteID, &m.Day, &m.Score, &m.Passed, &m.Vetoes, &m.Stale, &m.Blank, &m.BrokenLinks, &m.TextIssues, &m.DataIssues)
	})
}
