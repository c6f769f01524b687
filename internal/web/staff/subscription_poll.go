package staff

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/linkage"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// Linkage timings. A failing source is read again after its interval
// doubled per failure, up to a day, so a site that is down is not hammered
// and one that recovers is read again the same day.
const (
	pollTimeout    = 30 * time.Second
	pollMaxBackoff = 24 * time.Hour
	pollBatch      = 20
)

// Linkage is one pass of the linkage with the city's platform (issue 9):
// due subscriptions are read into the repost queue, reposts that went
// online get their proof, and published documents are pushed. The
// background loop runs it every minute; f and p are the HTTP clients
// (tests pass the zero values too).
func Linkage(ctx context.Context, app *web.App, f linkage.Fetcher, p linkage.Pusher) error {
	ls, err := loadLinkageSettings(ctx, app.Store)
	if err != nil {
		return err
	}
	var errs []error
	if _, err := PollSubscriptions(ctx, app, f, ls); err != nil {
		errs = append(errs, err)
	}
	if err := recordProofs(ctx, app, ls); err != nil {
		errs = append(errs, err)
	}
	if _, err := PushDocuments(ctx, app, p, ls); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// recordProofs keeps the proof of reposts that went online. The queue and
// report pages call it too, so a repost published a moment ago counts at
// once rather than after the next background pass.
func recordProofs(ctx context.Context, app *web.App, ls linkageSettings) error {
	_, err := app.Store.RecordRepostProofs(ctx, func(siteID, docID int64) string {
		s, _ := siteByID(app, siteID)
		return siteAddress(s, ls.PublicBase) + "/doc/" + itoa(docID)
	})
	return err
}

// PollSubscriptions reads every due subscription once and returns how many
// new items arrived. A source's failure is kept on the subscription (in
// Chinese, for staff) and logged with its cause; it does not stop the
// others.
func PollSubscriptions(ctx context.Context, app *web.App, f linkage.Fetcher, ls linkageSettings) (int, error) {
	now := app.Now()
	subs, err := app.Store.DueFeedSubscriptions(ctx, now, pollBatch)
	if err != nil || len(subs) == 0 {
		return 0, err
	}
	cal, err := app.Store.Calendar(ctx)
	if err != nil {
		return 0, err
	}
	added := 0
	var errs []error
	for _, sub := range subs {
		interval := time.Duration(max(sub.IntervalMinutes, 5)) * time.Minute
		fctx, cancel := context.WithTimeout(ctx, pollTimeout)
		res, err := f.Fetch(fctx, sub.Source())
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return added, ctx.Err()
			}
			app.Log.Warn("linkage: read subscription", "subscription", sub.ID, "err", err)
			next := now.Add(linkage.Backoff(sub.Failures+1, interval, pollMaxBackoff))
			errs = append(errs, app.Store.RecordPollFailure(ctx, sub.ID, linkage.Message(err), now, next))
			continue
		}
		n, err := storeItems(ctx, app.Store, cal, sub, res.Items, ls.DueWorkdays, now)
		added += n
		if err != nil {
			errs = append(errs, err)
			continue
		}
		errs = append(errs, app.Store.RecordPollSuccess(ctx, sub.ID, res.ETag, res.LastModified, now, now.Add(interval)))
	}
	if added > 0 {
		app.Log.Info("linkage: new upstream items", "count", added)
	}
	return added, errors.Join(errs...)
}

// storeItems adds what a read brought to the queue, applying the site's
// rules: a matching item is required, due the rule's working days after
// its date (or the day it was found, when the source gives no date).
func storeItems(ctx context.Context, st *store.Store, cal *workday.Calendar, sub store.FeedSubscription, items []linkage.Item,
	defaultDue int, now time.Time) (int, error) {
	rules, err := st.ActiveRepostRules(ctx, sub.SiteID)
	if err != nil {
		return 0, err
	}
	added := 0
	for _, it := range items {
		it.ContentHTML = catalog.SanitizeBody(it.ContentHTML)
		n := store.NewUpstreamItem{SiteID: sub.SiteID, SubscriptionID: sub.ID, Item: it, ColumnID: sub.ColumnID}
		if r, ok := linkage.FirstMatch(rules, sub.ID, it); ok {
			n.Required, n.RuleID = true, r.ID
			if r.ColumnID != 0 {
				n.ColumnID = r.ColumnID
			}
			n.DueOn = dueFrom(cal, it.PublishedOn, now, r.DueWorkdays)
			// The first read of a new subscription brings the source's back
			// catalogue; what was already due before we subscribed is not
			// counted as missed (staff can still mark it by hand).
			if sub.LastOKAt.IsZero() && n.DueOn != "" && n.DueOn < linkage.DateOf(now) {
				n.Required, n.RuleID, n.DueOn = false, 0, ""
			}
		}
		_, created, err := st.AddUpstreamItem(ctx, n, now)
		if err != nil {
			return added, err
		}
		if created {
			added++
		}
	}
	return added, nil
}

// dueFrom is the due date n working days after the item's date (today
// when it has none or claims a future one); "" when the calendar does not
// cover the year, which the queue shows as such.
func dueFrom(cal *workday.Calendar, publishedOn string, now time.Time, n int) string {
	from := linkage.DateOf(now)
	if publishedOn != "" && publishedOn < from {
		from = publishedOn
	}
	due, err := linkage.DueOn(cal, from, n)
	if err != nil {
		return ""
	}
	return due
}

// linkageRunning keeps passes from overlapping when one takes longer than
// the background loop's minute (a slow upstream site, a push timing out).
var linkageRunning atomic.Bool

// RunLinkage starts a Linkage pass in the background unless one is still
// running, so slow upstream sites never delay the publication of scheduled
// documents in the same loop. Errors are logged.
func RunLinkage(ctx context.Context, app *web.App) {
	if !linkageRunning.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer linkageRunning.Store(false)
		if err := Linkage(ctx, app, linkage.Fetcher{}, linkage.Pusher{}); err != nil && ctx.Err() == nil {
			app.Log.Error("linkage pass", "err", err)
		}
	}()
}
