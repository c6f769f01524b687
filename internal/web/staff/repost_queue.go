package staff

import (
	"net/http"

	"gongkai/internal/catalog"
	"gongkai/internal/linkage"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// queueViews are the tabs of the repost queue, in order.
var queueViews = []struct{ Key, Label string }{
	{store.QueueOverdue, "已逾期"},
	{store.QueueRequired, "必须转载"},
	{store.QueueNew, "待处理"},
	{store.QueueReposted, "已转载"},
	{store.QueueAll, "全部"},
}

type repostQueuePage struct {
	web.Page
	Sites      []catalog.Site
	SiteID     int64
	Subs       []store.FeedSubscription
	SubID      int64
	View       string
	Views      []struct{ Key, Label string }
	Duplicates bool
	Query      string
	Items      []store.UpstreamItem
	Overdue    int
	Today      string
	Pager      pager
}

// Verdict is the item's verdict today, for the status column.
func (p repostQueuePage) Verdict(u store.UpstreamItem) linkage.Verdict { return u.Verdict(p.Today) }

const queuePerPage = 50

// repostQueue lists the upstream items: by default what is overdue (the
// most urgent first), with tabs for required, new, reposted and all.
func (h handlers) repostQueue(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	p := repostQueuePage{Page: h.linkageBase(r, "转载队列"), Sites: h.app.Sites(), Views: queueViews, Today: h.today(),
		View: q.Get("view"), Duplicates: q.Get("dup") == "1", Query: q.Get("q")}
	p.SiteID = chosenSite(r, p.Sites)
	valid := false
	for _, v := range queueViews {
		valid = valid || v.Key == p.View
	}
	ls, err := loadLinkageSettings(ctx, h.app.Store)
	if err == nil {
		err = recordProofs(ctx, h.app, ls)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if p.Overdue, err = h.app.Store.CountOverdueReposts(ctx, p.SiteID, p.Today); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if !valid {
		p.View = store.QueueRequired
		if p.Overdue > 0 {
			p.View = store.QueueOverdue
		}
	}
	if p.Subs, err = h.app.Store.FeedSubscriptions(ctx, p.SiteID); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if id := formIDq(q.Get("sub")); id != 0 {
		for _, s := range p.Subs {
			if s.ID == id {
				p.SubID = id
			}
		}
	}
	var total int
	page := pageParam(r)
	p.Items, total, err = h.app.Store.UpstreamItems(ctx, store.UpstreamFilter{SiteID: p.SiteID, SubscriptionID: p.SubID,
		View: p.View, Today: p.Today, Duplicates: p.Duplicates, Title: p.Query, Limit: queuePerPage, Offset: (page - 1) * queuePerPage})
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.Pager = newPager(r, total, queuePerPage)
	h.app.Render(w, r, http.StatusOK, "staff/repost_queue.html", p)
}
