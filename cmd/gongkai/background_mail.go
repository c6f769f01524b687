package main

import (
	"context"
	"time"

	"gongkai/internal/outbox"
	"gongkai/internal/web"
	"gongkai/internal/web/staff"
)

// remindAndMail reminds the handlers of applications whose reply deadline
// is 5 or 1 working days away (staff.RemindDue: in the back office, and by
// e-mail through the outbox), then sends what the outbox holds when an
// SMTP server is configured. Without one the mail waits in the outbox and
// the back office says so. Both steps are idempotent, so running them
// every minute reminds once and sends once.
func remindAndMail(ctx context.Context, app *web.App) {
	n, err := staff.RemindDue(ctx, app)
	if err != nil && ctx.Err() == nil {
		app.Log.Error("remind due applications", "err", err, "reminded", n)
	} else if n > 0 {
		app.Log.Info("reminded due applications", "count", n)
	}
	s, ok := outbox.FromConfig(app.Cfg)
	if !ok {
		return
	}
	// The outbox is timed by the wall clock the store stamps mail with.
	// Counts only: the recipients and the server's answers stay out of the log.
	res, err := outbox.Deliver(ctx, app.Store, s, time.Now())
	if err != nil && ctx.Err() == nil {
		app.Log.Error("deliver outbox", "err", err, "sent", res.Sent, "failed", res.Failed)
	} else if res.Sent > 0 || res.Failed > 0 {
		app.Log.Info("delivered outbox", "sent", res.Sent, "failed", res.Failed)
	}
}
