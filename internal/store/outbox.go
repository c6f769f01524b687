package store

import (
	"context"
	"time"

	"gongkai/internal/secret"
)

// Mail is one outgoing e-mail (due-date reminders to the assignee). The
// recipient is encrypted at rest like any other address.
type Mail struct {
	ID        int64
	DedupKey  string // enqueuing the same key twice keeps the first
	To        string
	Subject   string
	Body      string // plain text
	NotBefore time.Time
	Attempts  int
	LastError string
	SentAt    time.Time // zero while pending
	CreatedAt time.Time
}

// EnqueueMail adds m to the outbox unless a mail with its DedupKey is
// already there; created reports which. A scheduler that runs its check
// twice therefore sends one reminder.
func (s *Store) EnqueueMail(ctx context.Context, m Mail) (created bool, err error) {
	kr, err := s.Keyring()
	if err != nil {
		return false, err
	}
	to, err := kr.Seal(secret.FieldEmail, m.To)
	if err != nil {
		return false, err
	}
	t := now()
	if m.NotBefore.IsZero() {
		m.NotBefore = t
	}
	res, err := s.execQuiet(ctx, `INSERT INTO outbox (dedup_key, recipient_enc, subject, body, not_before, created_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING`, m.DedupKey, to, m.Subject, m.Body, m.NotBefore.UTC(), t)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// PendingMail lists unsent mail due by at, oldest first, with the
// recipient decrypted.
func (s *Store) PendingMail(ctx context.Context, at time.Time, limit int) ([]Mail, error) {
	kr, err := s.Keyring()
	if err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, `SELECT id, dedup_key, recipient_enc, subject, body, not_before, attempts, last_error, created_at
		FROM outbox WHERE sent_at IS NULL AND not_before <= ? ORDER BY not_before, id LIMIT ?`, at.UTC(), pageLimit(limit, 50))
	return collect(rows, err, func(sc scanner) (Mail, error) {
		var m Mail
		var to string
		if err := sc.Scan(&m.ID, &m.DedupKey, &to, &m.Subject, &m.Body, &m.NotBefore, &m.Attempts, &m.LastError, &m.CreatedAt); err != nil {
			return m, err
		}
		m.To, err = kr.Open(secret.FieldEmail, to)
		return m, err
	})
}

// MarkMailSent records a successful send.
func (s *Store) MarkMailSent(ctx context.Context, id int64, at time.Time) error {
	res, err := s.execQuiet(ctx, `UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = '' WHERE id = ? AND sent_at IS NULL`,
		at.UTC(), id)
	return oneRow(res, err)
}

// MarkMailFailed records a failed attempt and when to try again. The error
// text must not contain the recipient (it is stored in clear).
func (s *Store) MarkMailFailed(ctx context.Context, id int64, errText string, retryAt time.Time) error {
	res, err := s.execQuiet(ctx, `UPDATE outbox SET attempts = attempts + 1, last_error = ?, not_before = ? WHERE id = ? AND sent_at IS NULL`,
		errText, retryAt.UTC(), id)
	return oneRow(res, err)
}

// CountPendingMail counts the mail not yet sent (the back office shows it
// while no SMTP server is configured).
func (s *Store) CountPendingMail(ctx context.Context) (int, error) {
	var n int
	return n, mapErr(s.queryRow(ctx, `SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL`).Scan(&n))
}
