package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/linkage"
)

// Push events (归集推送, website-rules §4.4): what the city's platform is told
// about a document. They are the "event" of the payload (linkage.Event*).
// A delivery's key in webhook_deliveries.event starts with its event; the
// rest tells one change from the next, so that every change is queued
// exactly once by the unique (document_id, event) key — whatever the
// number of passes, instances or restarts:
//
//	published                     the first push of a published document
//	updated:<变更日期>            the document changed after publication
//	validity:<n>:<validity|on|by> its n-th 有效性 change (修改、废止、失效)
//	withdrawn                     it was withdrawn (撤稿)
const (
	WebhookPublished = linkage.EventPublish
	WebhookUpdated   = linkage.EventUpdated
	WebhookValidity  = linkage.EventValidity
	WebhookWithdrawn = linkage.EventWithdrawn
)

// DeliverySuperseded is a delivery that will not be sent: its document was
// withdrawn before it went out, so its content must not leave any more.
const DeliverySuperseded = "superseded"

// EventName is the delivery's event, without the part of its key that
// tells changes apart.
func (w WebhookDelivery) EventName() string {
	name, _, _ := strings.Cut(w.Event, ":")
	return name
}

// EventLabel is the event in Chinese, for the delivery log.
func (w WebhookDelivery) EventLabel() string {
	switch w.EventName() {
	case WebhookPublished:
		return "发布"
	case WebhookUpdated:
		return "内容变更"
	case WebhookValidity:
		return "有效性变更"
	case WebhookWithdrawn:
		return "撤稿"
	}
	return w.Event
}

// toldCity is the condition that the city's platform has (or may have)
// received the document: a push of it was delivered, or at least tried —
// an attempt that timed out may still have arrived.
const toldCity = `EXISTS (SELECT 1 FROM webhook_deliveries t WHERE t.document_id = d.id AND t.event <> '` + WebhookWithdrawn + `'
	AND (t.status = '` + DeliveryDelivered + `' OR t.attempts > 0))`

// deliveredPublished is the condition that the first push of the document
// was delivered: until it is, that push carries the document as it stands
// when it is sent, so no change needs a push of its own.
const deliveredPublished = `EXISTS (SELECT 1 FROM webhook_deliveries t WHERE t.document_id = d.id AND t.event = '` + WebhookPublished + `'
	AND t.status = '` + DeliveryDelivered + `')`

// EnqueueWebhookChanges queues a delivery for every change the city's
// platform has not been told of yet, and returns how many: withdrawals of
// documents it received (their unsent pushes are superseded: a withdrawn
// document's content must not go out any more), 有效性 changes and changes
// after publication (变更日期 later than the publication date) of documents
// whose first push was delivered. Like EnqueueWebhookDeliveries it reads the
// documents table, so a change made while the process was down, or through
// any path (SetValidity, an import, the staff page), is found on the next
// pass. Changes follow the documents the city received, whatever the push
// scope is now.
func (s *Store) EnqueueWebhookChanges(ctx context.Context, at time.Time) (int, error) {
	total := 0
	err := s.tx(ctx, func(c conn) error {
		if _, err := c.execQuiet(ctx, `UPDATE webhook_deliveries SET status = ? WHERE status IN (?, ?) AND event <> ?
			AND document_id IN (SELECT id FROM documents WHERE state = ?)`,
			DeliverySuperseded, DeliveryPending, DeliveryFailed, WebhookWithdrawn, string(catalog.StateWithdrawn)); err != nil {
			return err
		}
		res, err := c.execQuiet(ctx, `INSERT INTO webhook_deliveries (document_id, event, status, attempts, next_attempt_at, created_at)
			SELECT d.id, ?, ?, 0, ?, ? FROM documents d WHERE d.state = ? AND `+toldCity+`
			ON CONFLICT (document_id, event) DO NOTHING`,
			WebhookWithdrawn, DeliveryPending, at.UTC(), at.UTC(), string(catalog.StateWithdrawn))
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		total += int(n)
		return err
	})
	if err != nil {
		return total, err
	}
	keys, err := s.pendingChangeKeys(ctx)
	if err != nil {
		return total, err
	}
	for _, k := range keys {
		res, err := s.execQuiet(ctx, `INSERT INTO webhook_deliveries (document_id, event, status, attempts, next_attempt_at, created_at)
			VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (document_id, event) DO NOTHING`,
			k.doc, k.key, DeliveryPending, at.UTC(), at.UTC())
		if err != nil {
			return total, err
		}
		n, _ := res.RowsAffected()
		total += int(n)
	}
	return total, nil
}

type changeKey struct {
	doc int64
	key string
}

// pendingChangeKeys are the keys of the 有效性 and content changes not yet
// queued. Only documents that may have one are read: not 有效, replaced, with
// an earlier 有效性 push, or with a 变更日期.
func (s *Store) pendingChangeKeys(ctx context.Context) ([]changeKey, error) {
	rows, err := s.query(ctx, `SELECT d.id, d.validity, d.validity_on, COALESCE(d.replaced_by, 0), d.changed_on, d.published_at,
		COALESCE((SELECT w.event FROM webhook_deliveries w WHERE w.document_id = d.id AND w.event LIKE ? ORDER BY w.id DESC LIMIT 1), '')
		FROM documents d WHERE d.state = ? AND `+deliveredPublished+`
		AND (d.validity <> ? OR d.replaced_by IS NOT NULL OR d.changed_on <> ''
			OR EXISTS (SELECT 1 FROM webhook_deliveries v WHERE v.document_id = d.id AND v.event LIKE ?))
		ORDER BY d.id`, WebhookValidity+":%", string(catalog.StatePublished), string(catalog.Valid), WebhookValidity+":%")
	type cand struct {
		id, by               int64
		validity, on, change string
		published            nullableTime
		last                 string
	}
	list, err := collect(rows, err, func(sc scanner) (cand, error) {
		var c cand
		return c, sc.Scan(&c.id, &c.validity, &c.on, &c.by, &c.change, &c.published, &c.last)
	})
	if err != nil {
		return nil, err
	}
	var out []changeKey
	for _, c := range list {
		if key, ok := validityKey(c.validity, c.on, c.by, c.last); ok {
			out = append(out, changeKey{c.id, key})
		}
		if c.change != "" && c.change > c.published.t.In(pushZone).Format("2006-01-02") {
			out = append(out, changeKey{c.id, WebhookUpdated + ":" + c.change})
		}
	}
	return out, nil
}

// pushZone is the zone dates are reckoned in (变更日期 against the publication).
var pushZone = time.FixedZone("CST", 8*3600)

// validityKey is the key of the document's current 有效性 when it differs
// from the last one pushed (last is that delivery's key, "" when none:
// then the first push said 有效 with no replacing document — a document
// pushed already repealed is stated once more, explicitly).
func validityKey(validity, on string, by int64, last string) (string, bool) {
	state := validity + "|" + on + "|" + strconv.FormatInt(by, 10)
	n := 0
	if last != "" {
		parts := strings.SplitN(last, ":", 3)
		if len(parts) == 3 {
			n, _ = strconv.Atoi(parts[1])
			if parts[2] == state {
				return "", false
			}
		}
	} else if validity == string(catalog.Valid) && by == 0 {
		return "", false
	}
	return fmt.Sprintf("%s:%d:%s", WebhookValidity, n+1, state), true
}

// SupersedeWebhookDelivery stops a delivery that must not go out (its
// document was withdrawn before it was sent).
func (s *Store) SupersedeWebhookDelivery(ctx context.Context, id int64) error {
	res, err := s.execQuiet(ctx, `UPDATE webhook_deliveries SET status = ? WHERE id = ?`, DeliverySuperseded, id)
	return oneRow(res, err)
}
