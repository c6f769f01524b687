package main

import (
	"context"

	"gongkai/internal/web"
	"gongkai/internal/web/staff"
)

// remindAnnualReports reminds the 公开办 (and the 分管领导 while it waits
// for approval) that last year's annual report is due, from 1 January
// until it is published (条例第四十九条; staff.RemindAnnualReports).
func remindAnnualReports(ctx context.Context, app *web.App) {
	n, err := staff.RemindAnnualReports(ctx, app)
	if err != nil && ctx.Err() == nil {
		app.Log.Error("annual report reminders", "err", err, "reminded", n)
	} else if n > 0 {
		app.Log.Info("annual report reminders", "sites", n)
	}
}
