package store

import (
	"context"
	"encoding/json"
	"fmt"

	"gongkai/internal/auth"
	"gongkai/internal/disclosure"
)

// EventAppend is one step to add to a case.
type EventAppend struct {
	ApplicationID int64
	// Version is the ApplicationRecord.Version the caller decided on; if
	// another step was recorded since, AppendEvent fails with ErrConflict
	// and nothing is written (optimistic concurrency).
	Version int
	Event   disclosure.Event
	// Notice, when set, is the 告知书 issued with this step; it is stored
	// in the same transaction and linked to the event.
	Notice *Notice
	Audit  auth.AuditEntry // optional
}

// AppendEvent validates ev against the case's history with the domain
// state machine (disclosure.Apply, with the stored calendar and settings)
// and, inside one transaction, stores the event and updates the stored
// state, Org, assignee, due date and closing. It returns the case after
// the step. A refused step is a *disclosure.RuleError; a stale Version is
// ErrConflict.
func (s *Store) AppendEvent(ctx context.Context, e EventAppend) (disclosure.Case, error) {
	var notices []Notice
	if e.Notice != nil {
		notices = []Notice{*e.Notice}
	}
	return s.AppendEventNotices(ctx, e, notices)
}

// AppendEventNotices is AppendEvent for a step that issues several 告知书
// at once — a 征求意见书 to the third party and the 征求意见告知书 to the
// applicant (条例第三十二条), or a reply and the 公开决定告知书 to an
// objecting third party: the event, the case row and every notice are
// written in one transaction, so a notice the rules require is never
// missing from a recorded step. e.Notice is ignored in favour of notices.
func (s *Store) AppendEventNotices(ctx context.Context, e EventAppend, notices []Notice) (disclosure.Case, error) {
	r, err := s.rules(ctx)
	if err != nil {
		return disclosure.Case{}, err
	}
	ev := e.Event
	if ev.At.IsZero() {
		ev.At = now()
	}
	var next disclosure.Case
	err = s.appTx(ctx, func(c conn) error {
		// Lock the row on PostgreSQL: under READ COMMITTED a concurrent step
		// committed after this read would otherwise be seen by the replay
		// below and refused as a rule error instead of a stale version.
		// (SQLite's immediate transactions already serialise writers.)
		lock := ""
		if c.pg {
			lock = " FOR UPDATE"
		}
		var version int
		if err := mapErr(c.queryRow(ctx, `SELECT version FROM applications WHERE id = ?`+lock, e.ApplicationID).Scan(&version)); err != nil {
			return err
		}
		if version != e.Version {
			return fmt.Errorf("%w: application %d is at version %d, not %d", ErrConflict, e.ApplicationID, version, e.Version)
		}
		events, err := c.events(ctx, e.ApplicationID)
		if err != nil {
			return err
		}
		cur, err := disclosure.Replay(events, r.cal, r.set)
		if err != nil {
			return fmt.Errorf("replay application %d: %w", e.ApplicationID, err)
		}
		if next, err = disclosure.Apply(cur, ev, r.cal, r.set); err != nil {
			return err
		}
		data, err := json.Marshal(ev)
		if err != nil {
			return err
		}
		seq := version + 1
		if _, err := c.execQuiet(ctx, `INSERT INTO application_events (application_id, seq, kind, on_date, at, actor_id, data)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, e.ApplicationID, seq, string(ev.Kind), ev.On.String(), ev.At.UTC(), nullID(ev.ActorID),
			string(data)); err != nil {
			return err
		}
		if err := c.saveCase(ctx, e.ApplicationID, version, next); err != nil {
			return err
		}
		for _, n := range notices {
			n.ApplicationID, n.EventSeq = e.ApplicationID, seq
			if _, err := c.createNotice(ctx, n); err != nil {
				return err
			}
		}
		return c.appendAudit(ctx, e.Audit)
	})
	return next, err
}

// saveCase stores the fold of a case on its row, if the row is still at
// version (compare-and-set), moving it to version+1 when an event was
// added (c.Events > version) and keeping it otherwise (recomputation).
func (c conn) saveCase(ctx context.Context, id int64, version int, k disclosure.Case) error {
	row, _ := k.Row()
	res, err := c.execQuiet(ctx, `UPDATE applications SET state = ?, closed = ?, clock_running = ?, org_id = ?, assignee_id = ?,
		due_on = ?, basis = ?, table_row = ?, closed_on = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?`,
		string(k.State), !k.Open(), clockRunning(k), nullID(k.OrgID), nullID(k.AssigneeID), dateCol(k.DueOn),
		string(k.Basis), string(row), dateCol(k.ClosedOn), k.Events, now(), id, version)
	if err := oneRow(res, err); err == ErrNotFound {
		return fmt.Errorf("%w: application %d changed meanwhile", ErrConflict, id)
	} else if err != nil {
		return err
	}
	return nil
}

// Events lists an application's events in order (seq 1, 2, …).
func (s *Store) Events(ctx context.Context, applicationID int64) ([]disclosure.Event, error) {
	return s.conn.events(ctx, applicationID)
}

func (c conn) events(ctx context.Context, applicationID int64) ([]disclosure.Event, error) {
	rows, err := c.query(ctx, `SELECT data FROM application_events WHERE application_id = ? ORDER BY seq`, applicationID)
	return collect(rows, err, scanEvent)
}

func scanEvent(sc scanner) (disclosure.Event, error) {
	var ev disclosure.Event
	var data string
	if err := sc.Scan(&data); err != nil {
		return ev, err
	}
	return ev, json.Unmarshal([]byte(data), &ev)
}

// ApplicationCase replays an application's events with the stored
// calendar and settings: the full case (amendments, extension,
// consultations, fee) for the staff case page.
func (s *Store) ApplicationCase(ctx context.Context, id int64) (disclosure.Case, error) {
	r, err := s.rules(ctx)
	if err != nil {
		return disclosure.Case{}, err
	}
	events, err := s.Events(ctx, id)
	if err != nil {
		return disclosure.Case{}, err
	}
	if len(events) == 0 {
		if _, err := s.Application(ctx, id); err != nil {
			return disclosure.Case{}, err
		}
	}
	return disclosure.Replay(events, r.cal, r.set)
}
