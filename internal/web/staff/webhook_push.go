package staff

import (
	"context"
	"errors"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/linkage"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// Push retry schedule: 1, 2, 4 … minutes, at most 6 hours apart, and the
// delivery is given up (shown as failed, with a button to push again)
// after pushMaxAttempts attempts — about two days of trying.
const (
	pushBaseBackoff = time.Minute
	pushMaxBackoff  = 6 * time.Hour
	pushMaxAttempts = 15
	pushBatch       = 20
	pushTimeout     = 30 * time.Second
)

// PushDocuments queues a delivery for every published document the push
// scope covers that has none yet, then sends the due ones, and returns how
// many were delivered. Nothing happens while no address is configured;
// documents published meanwhile are queued once it is (the 归集 wants
// them all).
func PushDocuments(ctx context.Context, app *web.App, p linkage.Pusher, ls linkageSettings) (int, error) {
	if ls.WebhookURL == "" || ls.Secret == "" {
		return 0, nil
	}
	now := app.Now()
	if _, err := app.Store.EnqueueWebhookDeliveries(ctx, linkage.EventPublish, ls.genres(), now); err != nil {
		return 0, err
	}
	// Withdrawals, 有效性 and content changes of what the city received.
	if _, err := app.Store.EnqueueWebhookChanges(ctx, now); err != nil {
		return 0, err
	}
	due, err := app.Store.DueWebhookDeliveries(ctx, now, pushBatch)
	if err != nil {
		return 0, err
	}
	delivered := 0
	var errs []error
	for _, d := range due {
		ok, err := pushOne(ctx, app, p, ls, d, now)
		if err != nil {
			errs = append(errs, err)
		}
		if ok {
			delivered++
		}
	}
	return delivered, errors.Join(errs...)
}

// pushOne makes one attempt and records it in the delivery log.
func pushOne(ctx context.Context, app *web.App, p linkage.Pusher, ls linkageSettings, d store.WebhookDelivery, now time.Time) (bool, error) {
	doc, err := app.Store.Document(ctx, d.DocumentID)
	if err != nil {
		return false, err
	}
	event := d.EventName()
	if doc.State != catalog.StatePublished && event != store.WebhookWithdrawn {
		// Withdrawn since it was queued: its content must not go out.
		return false, app.Store.SupersedeWebhookDelivery(ctx, d.ID)
	}
	site, _ := siteByID(app, doc.SiteID)
	body, err := linkage.BuildEventPayload(d.ID, event, site, doc, siteAddress(site, ls.PublicBase))
	if err != nil {
		return false, err
	}
	pctx, cancel := context.WithTimeout(ctx, pushTimeout)
	start := time.Now()
	code, perr := p.Push(pctx, ls.WebhookURL, []byte(ls.Secret), d.ID, event, body, now)
	cancel()
	if perr != nil && ctx.Err() != nil {
		return false, ctx.Err() // shutting down: not the receiver's fault, no attempt counted
	}
	a := store.WebhookAttempt{DeliveryID: d.ID, At: now, Target: targetForLog(ls.WebhookURL), StatusCode: code,
		DurationMS: time.Since(start).Milliseconds()}
	next, giveUp := now, false
	if perr != nil {
		a.Error = linkage.Message(perr)
		next = now.Add(linkage.Backoff(d.Attempts+1, pushBaseBackoff, pushMaxBackoff))
		giveUp = d.Attempts+1 >= pushMaxAttempts
		// The cause, never the secret or the body.
		app.Log.Warn("linkage: push", "delivery", d.ID, "document", d.DocumentID, "status", code, "err", perr)
	}
	return perr == nil, app.Store.RecordWebhookAttempt(ctx, a, next, giveUp)
}
