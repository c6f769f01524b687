package store

import (
	"context"
	"fmt"
	"time"

	"gongkai/internal/catalog"
)

// Delivery states of the push to the city's platform.
const (
	DeliveryPending   = "pending"
	DeliveryDelivered = "delivered"
	DeliveryFailed    = "failed" // gave up after the last retry; staff can push again
)

// WebhookDelivery is one document's push (归集推送, website-rules §4.4).
type WebhookDelivery struct {
	ID             int64
	DocumentID     int64
	Event          string
	Status         string
	Attempts       int
	NextAttemptAt  time.Time
	LastStatusCode int
	LastError      string
	DeliveredAt    time.Time
	CreatedAt      time.Time

	SiteID        int64 // read with lists
	DocumentTitle string
	IndexNo       string
}

// WebhookAttempt is one line of the delivery log.
type WebhookAttempt struct {
	ID         int64
	DeliveryID int64
	At         time.Time
	Target     string
	StatusCode int
	Error      string // Chinese, never the secret
	DurationMS int64
}

const webhookDeliveryCols = `w.id, w.document_id, w.event, w.status, w.attempts, w.next_attempt_at, w.last_status_code,
	w.last_error, w.delivered_at, w.created_at, d.site_id, d.title, COALESCE(d.index_no, '')`

func scanWebhookDelivery(sc scanner) (WebhookDelivery, error) {
	var w WebhookDelivery
	var delivered nullableTime
	err := sc.Scan(&w.ID, &w.DocumentID, &w.Event, &w.Status, &w.Attempts, &w.NextAttemptAt, &w.LastStatusCode,
		&w.LastError, &delivered, &w.CreatedAt, &w.SiteID, &w.DocumentTitle, &w.IndexNo)
	w.DeliveredAt = delivered.t
	return w, mapErr(err)
}

// EnqueueWebhookDeliveries writes a pending delivery of event for every
// published document of the given genres (all genres when none) that has
// none yet, and returns how many. The documents table is the source: a
// document published while the process was down, or before the push was
// configured, is picked up on the next pass, and the unique key keeps a
// document from being queued twice.
func (s *Store) EnqueueWebhookDeliveries(ctx context.Context, event string, genres []catalog.Genre, at time.Time) (int, error) {
	q := `INSERT INTO webhook_deliveries (document_id, event, status, attempts, next_attempt_at, created_at)
		SELECT d.id, ?, ?, 0, ?, ? FROM documents d WHERE d.state = ?`
	args := []any{event, DeliveryPending, at.UTC(), at.UTC(), string(catalog.StatePublished)}
	if len(genres) > 0 {
		q += ` AND d.genre IN (` + placeholders(len(genres)) + `)`
		for _, g := range genres {
			args = append(args, string(g))
		}
	}
	q += ` AND NOT EXISTS (SELECT 1 FROM webhook_deliveries w WHERE w.document_id = d.id AND w.event = ?)
		ON CONFLICT (document_id, event) DO NOTHING`
	args = append(args, event)
	res, err := s.execQuiet(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// DueWebhookDeliveries lists pending deliveries whose next attempt is due.
func (s *Store) DueWebhookDeliveries(ctx context.Context, at time.Time, limit int) ([]WebhookDelivery, error) {
	rows, err := s.query(ctx, `SELECT `+webhookDeliveryCols+` FROM webhook_deliveries w JOIN documents d ON d.id = w.document_id
		WHERE w.status = ? AND w.next_attempt_at <= ? ORDER BY w.next_attempt_at, w.id LIMIT ?`,
		DeliveryPending, at.UTC(), pageLimit(limit, 20))
	return collect(rows, err, scanWebhookDelivery)
}

// RecordWebhookAttempt logs an attempt and moves the delivery on: to
// delivered when a.Error is empty, else back to pending until next, or to
// failed when giveUp.
func (s *Store) RecordWebhookAttempt(ctx context.Context, a WebhookAttempt, next time.Time, giveUp bool) error {
	return s.tx(ctx, func(c conn) error {
		if _, err := c.execQuiet(ctx, `INSERT INTO webhook_attempts (delivery_id, at, target, status_code, error, duration_ms)
			VALUES (?, ?, ?, ?, ?, ?)`, a.DeliveryID, a.At.UTC(), a.Target, a.StatusCode, a.Error, a.DurationMS); err != nil {
			return err
		}
		status, delivered := DeliveryPending, any(nil)
		switch {
		case a.Error == "":
			status, delivered = DeliveryDelivered, a.At.UTC()
		case giveUp:
			status = DeliveryFailed
		}
		res, err := c.execQuiet(ctx, `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?,
			last_status_code = ?, last_error = ?, delivered_at = ? WHERE id = ?`,
			status, next.UTC(), a.StatusCode, a.Error, delivered, a.DeliveryID)
		return oneRow(res, err)
	})
}

// RetryWebhookDelivery puts a delivery back in the queue, due at at
// ("重新推送"); its log is kept.
func (s *Store) RetryWebhookDelivery(ctx context.Context, id int64, at time.Time) error {
	res, err := s.execQuiet(ctx, `UPDATE webhook_deliveries SET status = ?, attempts = 0, next_attempt_at = ?
		WHERE id = ?`, DeliveryPending, at.UTC(), id)
	return oneRow(res, err)
}

// WebhookDeliveryFilter selects deliveries for the log page.
type WebhookDeliveryFilter struct {
	SiteID        int64
	Status        string
	Limit, Offset int
}

// WebhookDeliveries lists deliveries newest first, with the total.
func (s *Store) WebhookDeliveries(ctx context.Context, f WebhookDeliveryFilter) ([]WebhookDelivery, int, error) {
	where, args := " WHERE 1 = 1", []any{}
	if f.SiteID != 0 {
		where, args = where+" AND d.site_id = ?", append(args, f.SiteID)
	}
	if f.Status != "" {
		where, args = where+" AND w.status = ?", append(args, f.Status)
	}
	from := ` FROM webhook_deliveries w JOIN documents d ON d.id = w.document_id`
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*)`+from+where, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	rows, err := s.query(ctx, fmt.Sprintf(`SELECT %s%s%s ORDER BY w.id DESC LIMIT %d OFFSET %d`,
		webhookDeliveryCols, from, where, pageLimit(f.Limit, 50), max(f.Offset, 0)), args...)
	list, err := collect(rows, err, scanWebhookDelivery)
	return list, total, err
}

// WebhookDelivery reads one delivery.
func (s *Store) WebhookDelivery(ctx context.Context, id int64) (WebhookDelivery, error) {
	return scanWebhookDelivery(s.queryRow(ctx, `SELECT `+webhookDeliveryCols+` FROM webhook_deliveries w
		JOIN documents d ON d.id = w.document_id WHERE w.id = ?`, id))
}

// WebhookAttempts is a delivery's log, oldest first.
func (s *Store) WebhookAttempts(ctx context.Context, deliveryID int64) ([]WebhookAttempt, error) {
	rows, err := s.query(ctx, `SELECT id, delivery_id, at, target, status_code, error, duration_ms FROM webhook_attempts
		WHERE delivery_id = ? ORDER BY at, id`, deliveryID)
	return collect(rows, err, func(sc scanner) (WebhookAttempt, error) {
		var a WebhookAttempt
		return a, sc.Scan(&a.ID, &a.DeliveryID, &a.At, &a.Target, &a.StatusCode, &a.Error, &a.DurationMS)
	})
}
