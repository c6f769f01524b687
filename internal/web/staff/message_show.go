package staff

import (
	"net/http"
	"net/url"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// messageFlashes confirm a step after its redirect (?done=…); only these
// fixed texts can appear.
var messageFlashes = map[string]string{
	"route":      "已分办。",
	"answer":     "已答复，留言人凭查询码即可查看答复。",
	"invalidate": "已认定为无效留言，理由已记入审计日志。",
	"restore":    "已恢复为有效留言。",
	"merge":      "已合并，主留言答复后本留言同时办结。",
	"publish":    "已选登公开，可在网站“留言选登”栏目和站内搜索中查到。",
	"unpublish":  "已撤下。",
	"settings":   "留言办理期限已保存。",
}

// messageEventRow is a history line with the 科室 named.
type messageEventRow struct {
	store.MessageEvent
	OrgName string
}

type messageShowPage struct {
	web.Page
	form
	Row        messageRow
	Phone      string // masked unless revealed
	Email      string
	Name       string
	Revealed   bool
	Orgs       []catalog.Org
	Events     []messageEventRow
	SamePhone  []store.Message // possible duplicates (same phone number)
	Duplicates []store.Message // merged into this one
	Target     *store.Message  // the message this one was merged into
	Reasons    []interact.InvalidReason
	Values     url.Values // what was typed into a refused step's form
	Pub        struct{ Title, Question, Answer string }
	Document   *catalog.Document
	MayRoute   bool
	MayAnswer  bool
	MayManage  bool
}

// V is a typed value of a refused step's form.
func (p messageShowPage) V(name string) string { return p.Values.Get(name) }

// loadMessage reads the message named by {id} for u: 403 when it is
// another 科室's and u only reaches their own.
func (h handlers) loadMessage(r *http.Request) (auth.User, store.Message, error) {
	u, _ := web.UserOf(r)
	id, err := web.PathID(r, "id")
	if err != nil {
		return u, store.Message{}, err
	}
	m, err := h.app.Store.Message(r.Context(), id)
	if err != nil {
		return u, m, err
	}
	if u.Role.OrgScoped() && (u.OrgID == 0 || (m.OrgID != u.OrgID && m.AnswerOrgID != u.OrgID)) {
		return u, m, web.ErrForbidden
	}
	return u, m, nil
}

func (h handlers) messageShow(w http.ResponseWriter, r *http.Request) {
	u, m, err := h.loadMessage(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.renderMessage(w, r, u, m, http.StatusOK, nil, nil, false)
}

// messageReveal shows the writer's contact data in full, once, audited.
func (h handlers) messageReveal(w http.ResponseWriter, r *http.Request) {
	u, m, err := h.loadMessage(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.Audit(r, "message.reveal", "message:"+itoa(m.ID), "查看留言人完整联系方式"); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.renderMessage(w, r, u, m, http.StatusOK, nil, nil, true)
}

// renderMessage shows the message page; errs and values are a refused
// step's messages and what was typed.
func (h handlers) renderMessage(w http.ResponseWriter, r *http.Request, u auth.User, m store.Message, status int,
	errs catalog.FieldErrors, values url.Values, reveal bool) {
	ctx := r.Context()
	p := messageShowPage{Page: h.base(r, "留言："+m.Title), form: form{Errs: errs}, Reasons: interact.InvalidReasons,
		Values: values, Revealed: reveal, MayManage: u.Role.Can(auth.PermMessagesPublish)}
	if p.Errs == nil {
		p.Errs = catalog.FieldErrors{}
	}
	if msg, ok := messageFlashes[r.URL.Query().Get("done")]; ok {
		p.Flash = msg
	}
	p.MayRoute = p.MayManage
	p.MayAnswer = u.Role.Can(auth.PermMessages) && (!u.Role.OrgScoped() || m.OrgID == u.OrgID)
	orgs, err := h.app.Store.Orgs(ctx, m.SiteID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.Orgs = orgs
	names := map[int64]string{}
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	cal, set, err := h.messageRules(ctx)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.Row = messageRowOf(m, names, h.todayDate(), cal, set)
	p.Name, p.Phone, p.Email = p.Row.Masked, "", ""
	p.Phone, p.Email = maskContact(m)
	if reveal {
		p.Name, p.Phone, p.Email = m.Name, m.Phone, m.Email
	}
	evs, err := h.app.Store.MessageEvents(ctx, m.ID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	for _, e := range evs {
		p.Events = append(p.Events, messageEventRow{MessageEvent: e, OrgName: names[e.OrgID]})
	}
	if p.SamePhone, err = h.app.Store.MessagesByPhone(ctx, m.SiteID, m.Phone, m.ID); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if p.Duplicates, err = h.app.Store.MergedInto(ctx, m.ID); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if m.MergedInto != 0 {
		t, err := h.app.Store.Message(ctx, m.MergedInto)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		p.Target = &t
	}
	if m.DocumentID != 0 {
		if d, err := h.app.Store.Document(ctx, m.DocumentID); err == nil {
			p.Document = &d
		}
	}
	// The publish form starts from the texts with personal data replaced
	// (interact.Redact); staff read and finish the editing.
	known := []string{m.Name, m.Phone, m.Email}
	p.Pub.Title, p.Pub.Question, p.Pub.Answer = interact.Redact(m.Title, known...), interact.Redact(m.Body, known...), interact.Redact(m.Answer, known...)
	if values != nil && values.Has("pub_title") {
		p.Pub.Title, p.Pub.Question, p.Pub.Answer = values.Get("pub_title"), values.Get("pub_question"), values.Get("pub_answer")
	}
	h.app.Render(w, r, status, "staff/message_show.html", p)
}
