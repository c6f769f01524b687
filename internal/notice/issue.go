package notice

import (
	"context"

	"gongkai/internal/disclosure"
	"gongkai/internal/store"
)

// Step is one recorded (or about to be recorded) step of a case, as the
// notices it produces need it.
type Step struct {
	SiteID int64
	Organ  string                 // the issuing organ: the site's name
	App    disclosure.Application // the applicant's name is the only personal data used
	Case   disclosure.Case        // the case after the step (disclosure.Apply's result)
	Event  disclosure.Event
	// Earlier is the answered application a （五）2 reply refers to.
	Earlier   *disclosure.RepeatMatch
	CreatedBy int64 // staff user; 0 for the platform
}

// ForStep renders every 告知书 the step produces (disclosure.NoticesFor)
// with the site's templates and the agency's remedy settings, ready to be
// stored with the event (store.AppendEventNotices). Every channel that
// records steps — the back office, the portal, the open API, the demo —
// goes through here, so they issue the same notices.
func ForStep(ctx context.Context, st *store.Store, s Step) ([]store.Notice, error) {
	kinds := disclosure.NoticesFor(s.Case, s.Event)
	if len(kinds) == 0 {
		return nil, nil
	}
	set, err := st.DisclosureSettings(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]store.Notice, 0, len(kinds))
	for _, k := range kinds {
		n, err := RenderFor(ctx, st, s.SiteID, Input{Kind: k, Organ: s.Organ, App: s.App, Case: s.Case, Event: s.Event,
			IssuedOn: s.Event.On, Remedy: set.Remedy, Earlier: s.Earlier})
		if err != nil {
			return nil, err
		}
		out = append(out, store.Notice{Kind: k, Title: n.Title, BodyHTML: n.HTML(), IssuedOn: s.Event.On, CreatedBy: s.CreatedBy})
	}
	return out, nil
}

// Receipt says how the 接收回执 of a new application was served.
type Receipt struct {
	SiteID    int64
	Organ     string
	CreatedBy int64 // staff who registered it; 0 online
	// DeliveredVia is how it reached the applicant ("" when staff will
	// record the service later); it is served on the receipt date.
	DeliveredVia string
}

// IssueReceipt stores the 接收回执 (条例第三十一条) of an application just
// created by store.CreateApplication: the notice of its first event
// (EventReceived), stating the receipt date, how it was fixed and the
// reply deadline, so the status page lists it with the notices that follow.
func IssueReceipt(ctx context.Context, st *store.Store, rec store.ApplicationRecord, r Receipt) (store.Notice, error) {
	c, err := st.ApplicationCase(ctx, rec.ID)
	if err != nil {
		return store.Notice{}, err
	}
	ev := disclosure.Event{Kind: disclosure.EventReceived, On: rec.ReceivedOn, ReceiptBasis: rec.ReceiptBasis, ActorID: r.CreatedBy}
	ns, err := ForStep(ctx, st, Step{SiteID: r.SiteID, Organ: r.Organ, App: rec.Application, Case: c, Event: ev, CreatedBy: r.CreatedBy})
	if err != nil || len(ns) == 0 {
		return store.Notice{}, err
	}
	n := ns[0]
	n.ApplicationID, n.EventSeq = rec.ID, 1
	if r.DeliveredVia != "" {
		n.DeliveredVia, n.DeliveredOn = r.DeliveredVia, rec.ReceivedOn
	}
	if n.ID, err = st.CreateNotice(ctx, n); err != nil {
		return store.Notice{}, err
	}
	return n, nil
}
