package main

import (
	"context"
	"time"

	"gongkai/internal/web"
	"gongkai/internal/web/staff"
)

// backgroundEvery is how often scheduled work runs: a document scheduled
// for 09:00 goes online by 09:01.
const backgroundEvery = time.Minute

// runBackground publishes scheduled documents whose time has come and
// removes idle staff sessions, once at start and then every minute, until
// ctx is cancelled.
func runBackground(ctx context.Context, app *web.App) {
	defer startMonitors(ctx, app)() // the site monitors, on their own schedule
	t := time.NewTicker(backgroundEvery)
	defer t.Stop()
	for {
		backgroundOnce(ctx, app)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func backgroundOnce(ctx context.Context, app *web.App) {
	n, err := staff.PublishDue(ctx, app)
	if err != nil && ctx.Err() == nil {
		app.Log.Error("publish scheduled documents", "err", err, "published", n)
	} else if n > 0 {
		app.Log.Info("published scheduled documents", "count", n)
	}
	remindMessages(ctx, app)           // 留言 reminders and escalation (background_message.go)
	remindProposals(ctx, app)          // 建议提案: late 会办 opinions and replies (background_message.go)
	remindAnnualReports(ctx, app)      // 年度报告 due from 1 January until published (report_background.go)
	remindAndMail(ctx, app)            // 依申请公开 due-date reminders, then the outbox delivers every reminder above
	staff.RunLinkage(ctx, app)         // issue 9: upstream feeds → repost queue, repost proofs, 归集推送
	staff.RefreshWeChatPosts(ctx, app) // issue 9: status of publications submitted to the 公众号
	// Sessions idle past the timeout can no longer be used (web checks on
	// every request); this only keeps the table small.
	if err := app.Store.DeleteIdleSessions(ctx, app.Now().Add(-app.Cfg.IdleTimeout)); err != nil && ctx.Err() == nil {
		app.Log.Error("delete idle sessions", "err", err)
	}
}
