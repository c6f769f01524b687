package public

import (
	"errors"
	"net/http"
	"net/url"

	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// maxMessageForm bounds the form's body: 2000 characters of message and a
// few short fields fit many times over.
const maxMessageForm = 64 << 10

// messagePage is the message form.
type messagePage struct {
	web.Page
	messageForm
	ReplyDays int
	SignedIn  bool
}

// Ref names a field for the "err" template.
func (p messagePage) Ref(name string) fieldRef { return fieldRef{Form: p.applyForm, Name: name} }

func (b board) messagePage(r *http.Request, f messageForm) messagePage {
	p := messagePage{Page: b.app.Base(r, "我要留言"), messageForm: f, ReplyDays: interact.DefaultMessageSettings().ReplyDays}
	if set, err := b.app.Store.MessageSettings(r.Context()); err == nil {
		p.ReplyDays = set.ReplyDays
	}
	_, _, p.SignedIn = b.citizenOf(r)
	return p
}

// messageNew is the empty form; the question appears only when the
// visitor's address is near its submission limit.
func (b board) messageNew(w http.ResponseWriter, r *http.Request) {
	f := messageForm{applyForm{Values: url.Values{}, Errs: catalog.FieldErrors{}, Question: b.askIfNear(r)}}
	if k := r.URL.Query().Get("kind"); interact.MessageKind(k).Valid() {
		f.Values.Set(interact.FieldKind, k)
	}
	b.render(w, r, http.StatusOK, "public/message_form.html", b.messagePage(r, f))
}

// messageDone is the confirmation: the tracking code and the deadline.
type messageDone struct {
	web.Page
	Code, Title, Kind string
	ReceivedOn        string
	DueOn             string // "" when the calendar does not cover it yet
	Public            bool
	SignedIn          bool
}

// messageSubmit receives a message. Nothing typed is lost on a mistake:
// the form comes back with every value and a message beside each field.
func (b board) messageSubmit(w http.ResponseWriter, r *http.Request) {
	site, _, ok := web.SiteOf(r)
	if !ok {
		b.app.Fail(w, r, web.ErrNotFound)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxMessageForm)
	if err := r.ParseForm(); err != nil {
		b.app.Fail(w, r, err)
		return
	}
	f := messageForm{applyForm{Values: r.PostForm, Errs: catalog.FieldErrors{}}}
	if b.caughtInHoneypot(w, r, f.applyForm, messagePages) {
		return
	}
	m := f.message()
	for k, v := range m.Validate() {
		f.Errs.Add(k, v)
	}
	if f.V(consentField) != "yes" {
		f.Errs.Add(consentField, msgConsent)
	}
	p := b.messagePage(r, f)
	if p.HasErrors() {
		p.Question = b.keepQuestion(r, f.Values)
		b.render(w, r, http.StatusUnprocessableEntity, "public/message_form.html", p)
		return
	}
	// The per-identity budget is the phone number's (the application form
	// uses the ID number): one person cannot flood the board from many
	// addresses.
	g := b.admit(r, f.Values, "message-phone", m.Phone)
	if b.stoppedAtGate(w, r, g, &p, messagePages) {
		return
	}
	ctx := r.Context()
	now := b.app.Now()
	today := workday.FromTime(now.In(china))
	set, err := b.app.Store.MessageSettings(ctx)
	if err != nil {
		b.app.Fail(w, r, err)
		return
	}
	var due workday.Date
	if cal, err := b.app.Store.Calendar(ctx); err != nil {
		b.app.Fail(w, r, err)
		return
	} else if due, err = interact.MessageDue(today, cal, set); errors.Is(err, workday.ErrYearNotCovered) {
		// A message is never refused for want of a calendar: it is taken,
		// and staff see its deadline as not yet computed.
		b.app.Log.Warn("calendar does not cover the message deadline", "request_id", web.RequestID(r))
		due = workday.Date{}
	} else if err != nil {
		b.app.Fail(w, r, err)
		return
	}
	rec := store.NewMessageRecord{SiteID: site.ID, Message: m, ReceivedAt: now, DueOn: due,
		Audit: b.app.AuditEntry(r, "message.submit", "", string(m.Kind))}
	if c, _, ok := b.citizenOf(r); ok {
		rec.CitizenID = c.ID
	}
	msg, err := b.app.Store.CreateMessage(ctx, rec)
	if err != nil {
		b.app.Fail(w, r, err)
		return
	}
	done := messageDone{Page: b.app.Base(r, "留言已提交"), Code: msg.Code, Title: msg.Title, Kind: msg.Kind.Label(),
		ReceivedOn: cnDate(msg.ReceivedOn), DueOn: cnDate(msg.DueOn), Public: msg.Public, SignedIn: rec.CitizenID != 0}
	b.render(w, r, http.StatusOK, "public/message_done.html", done)
}
