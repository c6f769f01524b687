package staff

import (
	"errors"
	"html"
	"net/http"
	"strings"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// messageStep handles one step's POST: the domain judges it
// (interact.NextMessage); a refusal shows the page again with the message
// beside the field and what was typed; an accepted step is recorded with
// its event and audit line, then the page is shown again (post/redirect/get).
func (h handlers) messageStep(a interact.MessageAction) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, m, err := h.loadMessage(r)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		if err := r.ParseForm(); err != nil {
			h.app.Fail(w, r, web.ErrBadRequest)
			return
		}
		if a == interact.ActAnswer && u.Role.OrgScoped() && m.OrgID != u.OrgID {
			h.app.Fail(w, r, web.ErrForbidden) // 科室信息员: only what was routed to their 科室
			return
		}
		st, fe := h.readMessageStep(r, a, m)
		refused := func(fe catalog.FieldErrors) {
			h.renderMessage(w, r, u, m, http.StatusUnprocessableEntity, fe, r.PostForm, false)
		}
		if len(fe) > 0 {
			refused(fe)
			return
		}
		to, err := interact.NextMessage(m.State(), st)
		var se *interact.StepError
		if errors.As(err, &se) {
			field := se.Field
			if field == "" {
				field = "step"
			}
			refused(catalog.FieldErrors{field: se.Message})
			return
		}
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		now := h.app.Now()
		detail := string(a)
		if a == interact.ActInvalidate {
			detail = st.Reason.Label() + "：" + st.Note // website-rules §1.3 item 5: the audited reason
		}
		audit := h.app.AuditEntry(r, "message."+string(a), "message:"+itoa(m.ID), detail)
		switch a {
		case interact.ActPublish:
			err = h.publishMessage(r, m, st, u)
		case interact.ActUnpublish:
			_, err = h.app.Store.UnpublishMessage(r.Context(), m.ID, st.Note, u.ID, now, audit)
		default:
			_, err = h.app.Store.RecordMessageStep(r.Context(), store.MessageChange{ID: m.ID, From: m.Status, To: to, Step: st,
				ActorID: u.ID, At: now, Audit: audit})
		}
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		redirect(w, r, "/admin/messages/"+itoa(m.ID), string(a))
	}
}

// readMessageStep reads a step's form; fe has the messages of values that
// are not even readable (a 科室 of another site, an unknown code).
func (h handlers) readMessageStep(r *http.Request, a interact.MessageAction, m store.Message) (interact.MessageStep, catalog.FieldErrors) {
	fe := catalog.FieldErrors{}
	st := interact.MessageStep{Action: a, Answer: strings.TrimSpace(r.PostFormValue("answer")),
		Reason: interact.InvalidReason(r.PostFormValue("reason")), Note: strings.TrimSpace(r.PostFormValue("note")),
		PubTitle: strings.TrimSpace(r.PostFormValue("pub_title")), PubQuestion: strings.TrimSpace(r.PostFormValue("pub_question")),
		PubAnswer: strings.TrimSpace(r.PostFormValue("pub_answer")), SecrecyChecked: r.PostFormValue("secrecy") == "yes",
		Known: []string{m.Name, m.Phone, m.Email}}
	if id := formID(r, "org"); id != 0 {
		o, err := h.app.Store.Org(r.Context(), id)
		if err != nil || o.SiteID != m.SiteID {
			fe.Add("org", "请选择本站点的科室")
		} else {
			st.OrgID = id
		}
	}
	if a == interact.ActMerge {
		code := strings.TrimSpace(r.PostFormValue("target"))
		t, err := h.app.Store.MessageByCode(r.Context(), m.SiteID, code)
		switch {
		case code == "":
		case errors.Is(err, store.ErrNotFound):
			fe.Add("target", "没有找到查询码为“"+code+"”的留言")
		case err != nil:
			fe.Add("target", "暂时无法读取该留言，请稍后再试")
		default:
			ts := t.State()
			st.Target = &ts
		}
	}
	return st, fe
}

// publishMessage creates the 留言选登 document: the cleared texts as the
// body, in the site's 留言选登 column, under the answering 科室.
func (h handlers) publishMessage(r *http.Request, m store.Message, st interact.MessageStep, u auth.User) error {
	ctx := r.Context()
	col, err := h.app.Store.MessageColumn(ctx, m.SiteID)
	if err != nil {
		return err
	}
	site, err := h.app.Store.Site(ctx, m.SiteID)
	if err != nil {
		return err
	}
	org := ""
	if o, err := h.app.Store.Org(ctx, m.ReplyOrg()); err == nil {
		org = o.Name
	}
	answered := m.AnsweredAt.In(china)
	var b strings.Builder
	b.WriteString("<h2>留言内容</h2>")
	msgParagraphs(&b, st.PubQuestion)
	b.WriteString("<h2>答复内容</h2>")
	msgParagraphs(&b, st.PubAnswer)
	b.WriteString("<p>留言类型：" + html.EscapeString(m.Kind.Label()) + "；受理日期：" + m.ReceivedOn.String() +
		"；答复日期：" + answered.Format("2006-01-02") + "；答复部门：" + html.EscapeString(org) + "</p>")
	doc := catalog.Document{SiteID: m.SiteID, ColumnID: col.ID, OrgID: m.ReplyOrg(), Title: st.PubTitle,
		Summary: msgOneLine(st.PubQuestion, 120), BodyHTML: b.String(), Issuer: site.Name,
		WrittenOn: answered.Format("2006-01-02")}
	_, err = h.app.Store.PublishMessage(ctx, store.MessagePublication{ID: m.ID, Step: st, Doc: doc, ActorID: u.ID,
		At: h.app.Now(), Audit: h.app.AuditEntry(r, "message.publish", "", "")})
	return err
}

// msgParagraphs writes text as escaped paragraphs, one per line.
func msgParagraphs(b *strings.Builder, text string) {
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			b.WriteString("<p>" + html.EscapeString(line) + "</p>")
		}
	}
}

// msgOneLine shortens a text to limit characters for a summary.
func msgOneLine(s string, limit int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= limit {
		return string(r)
	}
	return string(r[:limit]) + "……"
}
