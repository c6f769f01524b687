package store

import (
	"context"
	"time"
)

// MonitorProbe is one availability probe of a page (website-rules §1.3
// item 2: a page not loaded within 15 s counts as 打不开).
type MonitorProbe struct {
	URL    string
	At     time.Time
	OK     bool
	Millis int64
	Status int
	Error  string
}

func (c conn) insertProbes(ctx context.Context, probes []MonitorProbe) error {
	for _, p := range probes {
		if _, err := c.execQuiet(ctx, `INSERT INTO monitor_probes (url, at, ok, millis, status, error) VALUES (?, ?, ?, ?, ?, ?)`,
			p.URL, p.At.UTC().Truncate(time.Second), p.OK, p.Millis, p.Status, p.Error); err != nil {
			return err
		}
	}
	return nil
}

// ProbeStats counts the probes of url at or after since, and the failed ones.
func (s *Store) ProbeStats(ctx context.Context, url string, since time.Time) (total, failed int, err error) {
	err = s.queryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN ok THEN 0 ELSE 1 END), 0) FROM monitor_probes
		WHERE url = ? AND at >= ?`, url, since.UTC()).Scan(&total, &failed)
	return total, failed, mapErr(err)
}
