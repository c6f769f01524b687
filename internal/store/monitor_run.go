package store

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// MonitorRun is one run of a site monitor check.
type MonitorRun struct {
	ID         int64
	Check      string
	Slot       string // the schedule period of a scheduled run; "" for a manual one
	Instance   string // which process ran it
	StartedAt  time.Time
	FinishedAt time.Time
	Status     string // running | ok | failed
	Findings   int    // open findings after the run
	Summary    string
	Error      string
}

// Run statuses.
const (
	RunRunning = "running"
	RunOK      = "ok"
	RunFailed  = "failed"
)

// MonitorOutcome is what a finished run leaves behind, written in one
// transaction by FinishMonitorRun.
type MonitorOutcome struct {
	Status   string
	Summary  string
	Error    string
	At       time.Time
	Findings []MonitorFinding // the check's complete current set; nil with Keep
	Keep     bool             // a failed run: leave the open findings as they are
	Probes   []MonitorProbe
	// PruneProbesBefore drops probes older than this (zero: none); the
	// availability rule only looks back a week.
	PruneProbesBefore time.Time
	Notices           []MonitorNotice
}

const monitorRunCols = `id, check_name, COALESCE(slot, ''), instance, started_at, finished_at, status, findings, summary, error`

func scanMonitorRun(sc scanner) (MonitorRun, error) {
	var r MonitorRun
	var fin nullableTime
	var started nullableTime
	err := sc.Scan(&r.ID, &r.Check, &r.Slot, &r.Instance, &started, &fin, &r.Status, &r.Findings, &r.Summary, &r.Error)
	r.StartedAt, r.FinishedAt = started.t, fin.t
	return r, mapErr(err)
}

// ClaimMonitorRun records the start of a run of check. A scheduled run
// passes the slot it belongs to; when another instance has already claimed
// that slot it fails with ErrConflict and the caller must not run the
// check. A manual run passes "" (no slot).
func (s *Store) ClaimMonitorRun(ctx context.Context, check, slot, instance string, at time.Time) (int64, error) {
	return s.insertMonitor(ctx, `INSERT INTO monitor_runs (check_name, slot, instance, started_at, status) VALUES (?, ?, ?, ?, ?)`,
		check, nullString(slot), instance, at.UTC(), RunRunning)
}

// MonitorSlotTaken reports whether a run of check already claimed slot.
func (s *Store) MonitorSlotTaken(ctx context.Context, check, slot string) (bool, error) {
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM monitor_runs WHERE check_name = ? AND slot = ?`, check, slot).Scan(&n)
	return n > 0, mapErr(err)
}

// FinishMonitorRun stores a run's outcome: its findings (updating the ones
// seen before, resolving the open ones not seen again), probes and notices,
// and the run's status, all in one transaction.
func (s *Store) FinishMonitorRun(ctx context.Context, runID int64, o MonitorOutcome) error {
	return s.monitorTx(ctx, func(c conn) error {
		var check string
		if err := c.queryRow(ctx, `SELECT check_name FROM monitor_runs WHERE id = ?`, runID).Scan(&check); err != nil {
			return mapErr(err)
		}
		at := o.At.UTC().Truncate(time.Second)
		if !o.Keep {
			if err := c.saveFindings(ctx, check, runID, at, o.Findings); err != nil {
				return err
			}
		}
		if err := c.insertProbes(ctx, o.Probes); err != nil {
			return err
		}
		if !o.PruneProbesBefore.IsZero() {
			if _, err := c.execQuiet(ctx, `DELETE FROM monitor_probes WHERE at < ?`, o.PruneProbesBefore.UTC()); err != nil {
				return err
			}
		}
		if err := c.insertNotices(ctx, o.Notices, at); err != nil {
			return err
		}
		var open int
		if err := c.queryRow(ctx, `SELECT COUNT(*) FROM monitor_findings WHERE check_name = ? AND resolved_at IS NULL`, check).Scan(&open); err != nil {
			return mapErr(err)
		}
		res, err := c.execQuiet(ctx, `UPDATE monitor_runs SET finished_at = ?, status = ?, findings = ?, summary = ?, error = ? WHERE id = ?`,
			at, o.Status, open, o.Summary, o.Error, runID)
		return oneRow(res, err)
	})
}

// LastMonitorRuns returns the latest run of every check that ever ran, by
// check name.
func (s *Store) LastMonitorRuns(ctx context.Context) (map[string]MonitorRun, error) {
	rows, err := s.query(ctx, `SELECT `+monitorRunCols+` FROM monitor_runs r WHERE id = (SELECT MAX(id) FROM monitor_runs x WHERE x.check_name = r.check_name)`)
	runs, err := collect(rows, err, scanMonitorRun)
	out := make(map[string]MonitorRun, len(runs))
	for _, r := range runs {
		out[r.Check] = r
	}
	return out, err
}

// MonitorRuns lists the latest runs, newest first; check "" lists all.
func (s *Store) MonitorRuns(ctx context.Context, check string, limit int) ([]MonitorRun, error) {
	q := `SELECT ` + monitorRunCols + ` FROM monitor_runs`
	var args []any
	if check != "" {
		q += ` WHERE check_name = ?`
		args = append(args, check)
	}
	rows, err := s.query(ctx, q+` ORDER BY id DESC LIMIT `+strconv.Itoa(pageLimit(limit, 50)), args...)
	return collect(rows, err, scanMonitorRun)
}

// MonitorRun reads one run.
func (s *Store) MonitorRun(ctx context.Context, id int64) (MonitorRun, error) {
	return scanMonitorRun(s.queryRow(ctx, `SELECT `+monitorRunCols+` FROM monitor_runs WHERE id = ?`, id))
}

// insertMonitor is an INSERT … RETURNING id that does not change what the
// public sees, so page caches stay valid (monitor bookkeeping).
func (c conn) insertMonitor(ctx context.Context, query string, args ...any) (int64, error) {
	var id int64
	err := c.q.QueryRowContext(ctx, c.rebind(query+" RETURNING id"), args...).Scan(&id)
	return id, mapErr(err)
}

// monitorTx is tx for writes the public never sees: the page-cache
// generation is left alone.
func (s *Store) monitorTx(ctx context.Context, fn func(c conn) error) error {
	t, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(conn{q: t, pg: s.conn.pg, gen: s.gen}); err != nil {
		_ = t.Rollback()
		return err
	}
	if err := t.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
