package staff

import (
	"context"
	"errors"
	"fmt"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// SystemUser is the name the audit log shows for steps the platform takes
// by itself, such as publishing a scheduled document.
const SystemUser = "system"

// PublishDue publishes the scheduled documents whose time has come and
// returns how many it published. The command runs it from a ticker. Each
// publication is recorded in the review history under the 终审 reviewer who
// scheduled it, and audited as the system; its lateness under 条例第二十六条
// is computed against the publication time like any other publication.
func PublishDue(ctx context.Context, app *web.App) (int, error) {
	now := app.Now()
	due, err := app.Store.DueScheduled(ctx, now)
	if err != nil {
		return 0, err
	}
	if len(due) == 0 {
		return 0, nil
	}
	cal, err := app.Store.Calendar(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	var errs []error
	for _, d := range due {
		approver, err := app.Store.LastReviewer(ctx, d.ID, catalog.ActFinalApprove)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if approver == 0 {
			approver = d.AuthorID // scheduled outside the workflow (e.g. imported)
		}
		dec := catalog.Decision{Action: catalog.ActPublishDue, PublishAt: d.ScheduledAt, Now: now, ActorID: approver}
		to, err := catalog.Next(d.State, dec)
		if err != nil {
			continue // not due after all
		}
		late, known, note, err := lateBy(cal, d.FormedOn(), now)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		audit := auth.AuditEntry{At: now, Username: SystemUser, Action: "document." + string(catalog.ActPublishDue),
			Target: fmt.Sprintf("document:%d", d.ID), Detail: transitionDetail(d, to, dec, late)}
		if _, err := app.Store.Transition(ctx, d.ID, d.State, to, dec, late, audit); err != nil {
			if !errors.Is(err, store.ErrConflict) { // withdrawn meanwhile: nothing to do
				errs = append(errs, err)
			}
			continue
		}
		n++
		if !known {
			if _, err := app.Store.FlagDocument(ctx, d.ID, store.FlagLateUnknown, note); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return n, errors.Join(errs...)
}
