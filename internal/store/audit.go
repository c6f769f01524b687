package store

import (
	"context"
	"time"

	"gongkai/internal/auth"
)

// AppendAudit adds one line to the append-only audit log. The tables carry
// triggers that refuse UPDATE and DELETE on both engines, so no code path —
// and no administrator with SQL access through the application — can change
// history.
func (s *Store) AppendAudit(ctx context.Context, e auth.AuditEntry) error {
	return s.conn.appendAudit(ctx, e)
}

func (c conn) appendAudit(ctx context.Context, e auth.AuditEntry) error {
	if e.Action == "" {
		return nil // nothing to record (e.g. system-internal transitions without an actor)
	}
	at := e.At
	if at.IsZero() {
		at = now()
	}
	_, err := c.execQuiet(ctx, `INSERT INTO audit_log (at, user_id, username, action, target, detail, remote_addr)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, at.UTC(), nullID(e.UserID), e.Username, e.Action, e.Target, e.Detail, e.RemoteAddr)
	return err
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	UserID int64
	Action string
	Since  time.Time
	Limit  int
	Offset int
}

// Audit lists audit entries newest first and the total matching.
func (s *Store) Audit(ctx context.Context, f AuditFilter) ([]auth.AuditEntry, int, error) {
	where := " WHERE 1=1"
	var args []any
	if f.UserID != 0 {
		where += " AND user_id = ?"
		args = append(args, f.UserID)
	}
	if f.Action != "" {
		where += " AND action = ?"
		args = append(args, f.Action)
	}
	if !f.Since.IsZero() {
		where += " AND at >= ?"
		args = append(args, f.Since.UTC())
	}
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM audit_log`+where, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	args = append(args, pageLimit(f.Limit, 50), max(f.Offset, 0))
	rows, err := s.query(ctx, `SELECT id, at, COALESCE(user_id, 0), username, action, target, detail, remote_addr
		FROM audit_log`+where+` ORDER BY id DESC LIMIT ? OFFSET ?`, args...)
	out, err := collect(rows, err, func(sc scanner) (auth.AuditEntry, error) {
		var e auth.AuditEntry
		return e, sc.Scan(&e.ID, &e.At, &e.UserID, &e.Username, &e.Action, &e.Target, &e.Detail, &e.RemoteAddr)
	})
	return out, total, err
}
