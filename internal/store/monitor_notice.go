package store

import (
	"context"
	"strconv"
	"time"
)

// MonitorNotice is an in-app notice to a staff member: an alert to a 科室's
// 信息员 that a column is about to go stale, or the office's daily digest.
type MonitorNotice struct {
	ID        int64
	UserID    int64
	Key       string // the same key for the same user is sent once
	Kind      string
	Title     string
	Body      string
	Link      string
	CreatedAt time.Time
	ReadAt    time.Time
}

func (c conn) insertNotices(ctx context.Context, notices []MonitorNotice, at time.Time) error {
	for _, n := range notices {
		if _, err := c.execQuiet(ctx, `INSERT INTO monitor_notices (user_id, nkey, kind, title, body, link, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, nkey) DO NOTHING`,
			n.UserID, n.Key, n.Kind, n.Title, n.Body, n.Link, at); err != nil {
			return err
		}
	}
	return nil
}

// MonitorNotices lists a user's notices, newest first, and how many are unread.
func (s *Store) MonitorNotices(ctx context.Context, userID int64, limit int) ([]MonitorNotice, int, error) {
	var unread int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM monitor_notices WHERE user_id = ? AND read_at IS NULL`, userID).Scan(&unread); err != nil {
		return nil, 0, mapErr(err)
	}
	rows, err := s.query(ctx, `SELECT id, user_id, nkey, kind, title, body, link, created_at, read_at FROM monitor_notices
		WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT `+strconv.Itoa(pageLimit(limit, 50)), userID)
	out, err := collect(rows, err, func(sc scanner) (MonitorNotice, error) {
		var n MonitorNotice
		var created, read nullableTime
		err := sc.Scan(&n.ID, &n.UserID, &n.Key, &n.Kind, &n.Title, &n.Body, &n.Link, &created, &read)
		n.CreatedAt, n.ReadAt = created.t, read.t
		return n, err
	})
	return out, unread, err
}

// MarkMonitorNoticesRead marks all of a user's notices read.
func (s *Store) MarkMonitorNoticesRead(ctx context.Context, userID int64, at time.Time) error {
	_, err := s.execQuiet(ctx, `UPDATE monitor_notices SET read_at = ? WHERE user_id = ? AND read_at IS NULL`, at.UTC(), userID)
	return err
}
