package staff

import (
	"errors"
	"net/http"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/notice"
	"gongkai/internal/web"
)

type noticeTemplateRow struct {
	Kind   disclosure.NoticeKind
	Title  string
	To     disclosure.Recipient
	Custom bool
}

type noticeTemplateListPage struct {
	web.Page
	form
	Sites    []catalog.Site
	SiteID   int64
	Rows     []noticeTemplateRow
	Settings map[string]string
	// Outgoing mail: without an SMTP server (GONGKAI_SMTP_ADDR) reminder
	// mail waits in the outbox, and the page says how much.
	MailConfigured bool
	PendingMail    int
}

// RecipientLabel names who a notice is addressed to.
func (noticeTemplateListPage) RecipientLabel(to disclosure.Recipient) string {
	switch to {
	case disclosure.ToThirdParty:
		return "第三方"
	case disclosure.ToCoOrgan:
		return "共同制作机关"
	}
	return "申请人"
}

type noticeTemplateEditPage struct {
	web.Page
	form
	Site     catalog.Site
	Sites    []catalog.Site
	Spec     disclosure.NoticeSpec
	Text     string
	Custom   bool
	Required []string
	Fields   []notice.Field
	Preview  string // rendered sample HTML (escaped when rendered)
	Message  string
}

// templateSite is the site whose templates are edited (?site= or the
// form's site), the first site by default.
func (h handlers) templateSite(r *http.Request) (catalog.Site, []catalog.Site, error) {
	sites := h.app.Sites()
	if len(sites) == 0 {
		return catalog.Site{}, nil, web.ErrNotFound
	}
	id := formIDq(r.URL.Query().Get("site"))
	if v := formID(r, "site"); v != 0 {
		id = v
	}
	for _, s := range sites {
		if s.ID == id {
			return s, sites, nil
		}
	}
	return sites[0], sites, nil
}

func (h handlers) noticeTemplateList(w http.ResponseWriter, r *http.Request) {
	h.renderTemplateList(w, r, http.StatusOK, nil, nil)
}

func (h handlers) renderTemplateList(w http.ResponseWriter, r *http.Request, status int, fe catalog.FieldErrors, typed map[string]string) {
	site, sites, err := h.templateSite(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	p := noticeTemplateListPage{Page: h.base(r, "告知书模板"), form: form{Errs: fe}, Sites: sites, SiteID: site.ID}
	for _, k := range disclosure.NoticeKinds {
		spec, _ := k.Spec()
		_, custom, err := notice.Template(ctx, h.app.Store, site.ID, k)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		p.Rows = append(p.Rows, noticeTemplateRow{Kind: k, Title: spec.Title, To: spec.To, Custom: custom})
	}
	set, err := h.app.Store.DisclosureSettings(ctx)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	mailbox, _, err := h.app.Store.Setting(ctx, reminderMailboxKey)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.Settings = typed
	if p.Settings == nil {
		p.Settings = map[string]string{"organ": set.Remedy.Organ, "court": set.Remedy.Court, "mailbox": mailbox}
	}
	p.MailConfigured = strings.TrimSpace(h.app.Cfg.SMTPAddr) != ""
	if p.PendingMail, err = h.app.Store.CountPendingMail(ctx); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if r.URL.Query().Get("done") == "settings" {
		p.Flash = "救济告知和提醒设置已保存。"
	}
	h.app.Render(w, r, status, "staff/notice_templates.html", p)
}

// noticeTemplateRef is the template a request is about: {kind} on the
// site templateSite picks.
type noticeTemplateRef struct {
	kind  disclosure.NoticeKind
	spec  disclosure.NoticeSpec
	site  catalog.Site
	sites []catalog.Site
}

// noticeTemplateOf reads {kind} (unknown kinds are not found) and the site.
func (h handlers) noticeTemplateOf(r *http.Request) (noticeTemplateRef, error) {
	t := noticeTemplateRef{kind: disclosure.NoticeKind(r.PathValue("kind"))}
	spec, ok := t.kind.Spec()
	if !ok {
		return t, web.ErrNotFound
	}
	t.spec = spec
	var err error
	t.site, t.sites, err = h.templateSite(r)
	return t, err
}

func (h handlers) noticeTemplateEdit(w http.ResponseWriter, r *http.Request) {
	t, err := h.noticeTemplateOf(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	text, _, err := notice.Template(r.Context(), h.app.Store, t.site.ID, t.kind)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.renderTemplateEdit(w, r, http.StatusOK, text, nil)
}

// renderTemplateEdit shows the editor with text and the preview of text
// rendered on a made-up case (or the reason it cannot be rendered).
func (h handlers) renderTemplateEdit(w http.ResponseWriter, r *http.Request, status int, text string, fe catalog.FieldErrors) {
	t, err := h.noticeTemplateOf(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	_, custom, err := notice.Template(ctx, h.app.Store, t.site.ID, t.kind)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := noticeTemplateEditPage{Page: h.base(r, "告知书模板："+t.spec.Title), form: form{Errs: fe}, Site: t.site, Sites: t.sites,
		Spec: t.spec, Text: text, Custom: custom, Required: notice.Required(t.kind), Fields: notice.Fields}
	set, err := h.app.Store.DisclosureSettings(ctx)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	n, err := notice.Render(notice.Sample(t.kind, t.site.Name, h.todayDate(), set.Remedy), text)
	var te *notice.TemplateError
	switch {
	case err == nil:
		p.Preview = n.HTML()
	case errors.As(err, &te), errors.Is(err, disclosure.ErrNotAllowed):
		p.Message = "无法预览：" + err.Error()
	default:
		h.app.Fail(w, r, err)
		return
	}
	switch r.URL.Query().Get("done") {
	case "saved":
		p.Flash = "模板已保存，此后生成的告知书使用新模板；已发出的告知书保持原样。"
	case "reset":
		p.Flash = "已恢复为系统默认模板。"
	}
	h.app.Render(w, r, status, "staff/notice_template_edit.html", p)
}

// noticeTemplateSave previews (action=preview) or validates and saves the
// template (notice.SaveTemplate: known placeholders only, required ones
// present). A refused template is shown again as typed.
func (h handlers) noticeTemplateSave(w http.ResponseWriter, r *http.Request) {
	t, err := h.noticeTemplateOf(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	text := strings.ReplaceAll(r.FormValue("text"), "\r\n", "\n")
	if r.FormValue("action") == "preview" {
		h.renderTemplateEdit(w, r, http.StatusOK, text, nil)
		return
	}
	err = notice.SaveTemplate(r.Context(), h.app.Store, t.site.ID, t.kind, text)
	var te *notice.TemplateError
	if errors.As(err, &te) {
		h.renderTemplateEdit(w, r, http.StatusUnprocessableEntity, text, catalog.FieldErrors{"text": te.Msg})
		return
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.Audit(r, "notice.template", t.site.Name, t.spec.Title); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/notice-templates/"+string(t.kind)+"?site="+itoa(t.site.ID), "saved")
}

func (h handlers) noticeTemplateReset(w http.ResponseWriter, r *http.Request) {
	t, err := h.noticeTemplateOf(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := notice.ResetTemplate(r.Context(), h.app.Store, t.site.ID, t.kind); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.Audit(r, "notice.template.reset", t.site.Name, t.spec.Title); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/notice-templates/"+string(t.kind)+"?site="+itoa(t.site.ID), "reset")
}
