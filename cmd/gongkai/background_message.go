package main

import (
	"context"

	"gongkai/internal/web"
	"gongkai/internal/web/staff"
)

// remindMessages reminds the 科室 of messages near or past their reply
// deadline and escalates to the 公开办负责人 before the 3-month veto line
// (staff.RemindMessages; keyed, so running it every minute reminds once).
// The mail it enqueues goes out with the outbox delivery that follows.
func remindMessages(ctx context.Context, app *web.App) {
	n, err := staff.RemindMessages(ctx, app)
	if err != nil && ctx.Err() == nil {
		app.Log.Error("remind messages", "err", err, "reminded", n)
	} else if n > 0 {
		app.Log.Info("reminded messages", "count", n)
	}
}

// remindProposals reminds 会办 Orgs of late opinions and 主办 Orgs of late
// replies to 人大代表建议 and 政协提案 (staff.RemindProposals; keyed, once each).
func remindProposals(ctx context.Context, app *web.App) {
	n, err := staff.RemindProposals(ctx, app)
	if err != nil && ctx.Err() == nil {
		app.Log.Error("remind proposals", "err", err, "reminded", n)
	} else if n > 0 {
		app.Log.Info("reminded proposals", "count", n)
	}
	// The same deadlines, RemindBefore working days ahead (default 5).
	if n, err := staff.RemindProposalsDueSoon(ctx, app); err != nil && ctx.Err() == nil {
		app.Log.Error("remind proposals due soon", "err", err, "reminded", n)
	} else if n > 0 {
		app.Log.Info("reminded proposals due soon", "count", n)
	}
}
