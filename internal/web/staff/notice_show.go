package staff

import (
	"bytes"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/notice"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type noticeShowPage struct {
	web.Page
	form
	Notice      store.Notice
	App         store.ApplicationRecord
	Typed       map[string]string
	DeliveryVia []string
}

// loadNotice reads the notice named by {id} and its application, for a
// user who may reach that case.
func (h handlers) loadNotice(r *http.Request) (store.Notice, store.ApplicationRecord, error) {
	u, _ := web.UserOf(r)
	id, err := web.PathID(r, "id")
	if err != nil {
		return store.Notice{}, store.ApplicationRecord{}, err
	}
	n, err := h.app.Store.Notice(r.Context(), id)
	if err != nil {
		return n, store.ApplicationRecord{}, err
	}
	a, err := h.app.Store.Application(r.Context(), n.ApplicationID)
	if err != nil {
		return n, a, err
	}
	if !reachesApplication(u, a) {
		return n, a, web.ErrForbidden
	}
	return n, a, nil
}

// noticeShow is the printable notice, exactly as issued (the stored HTML
// was escaped when it was rendered, notice.Notice.HTML).
func (h handlers) noticeShow(w http.ResponseWriter, r *http.Request) {
	h.renderNotice(w, r, http.StatusOK, nil, nil)
}

func (h handlers) renderNotice(w http.ResponseWriter, r *http.Request, status int, fe catalog.FieldErrors, typed map[string]string) {
	n, a, err := h.loadNotice(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if typed == nil {
		typed = map[string]string{"on": h.today()}
	}
	p := noticeShowPage{Page: h.base(r, n.Title), form: form{Errs: fe}, Notice: n, App: a, Typed: typed, DeliveryVia: deliveryVias}
	if r.URL.Query().Get("done") == "delivery" {
		p.Flash = "送达情况已登记。"
	}
	noStore(w)
	h.app.Render(w, r, status, "staff/notice_show.html", p)
}

// noticeDOCX sends the notice as a Word document, read back from the
// stored HTML so it says exactly what was issued.
func (h handlers) noticeDOCX(w http.ResponseWriter, r *http.Request) {
	n, a, err := h.loadNotice(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	doc, err := notice.ParseHTML(n.BodyHTML)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := doc.WriteDOCX(&buf); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	name := a.Code + "-" + n.Title + ".docx"
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	w.Header().Set("Content-Disposition", web.Attachment("notice-"+strconv.FormatInt(n.ID, 10)+".docx", name))
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	noStore(w)
	_, _ = w.Write(buf.Bytes())
}

// noticeDelivery records how and when the notice was served, once: the
// service date starts the applicant's remedy periods (spec §4.2).
func (h handlers) noticeDelivery(w http.ResponseWriter, r *http.Request) {
	n, a, err := h.loadNotice(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	fe := catalog.FieldErrors{}
	typed := map[string]string{"via": strings.TrimSpace(r.FormValue("via")), "on": strings.TrimSpace(r.FormValue("on")),
		"ref": strings.TrimSpace(r.FormValue("ref"))}
	if !slices.Contains(deliveryVias, typed["via"]) {
		fe.Add("via", "请选择送达方式")
	}
	on := stepDate(r, "on", "on", h.todayDate(), fe)
	if on.Before(n.IssuedOn) {
		fe.Add("on", "送达日期不能早于告知书的日期（"+n.IssuedOn.String()+"）")
	}
	if typed["via"] == "邮寄" && typed["ref"] == "" {
		fe.Add("ref", "邮寄送达请填写邮件单号")
	}
	if len([]rune(typed["ref"])) > 100 {
		fe.Add("ref", "单号不能超过100个字")
	}
	if len(fe) > 0 {
		h.renderNotice(w, r, http.StatusUnprocessableEntity, fe, typed)
		return
	}
	if err := h.app.Store.RecordNoticeDelivery(r.Context(), n.ID, typed["via"], on, typed["ref"]); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.Audit(r, "notice.delivery", a.Code, n.Title+"："+typed["via"]+" "+on.String()); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/application-notices/"+itoa(n.ID), "delivery")
}
