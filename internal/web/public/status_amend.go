package public

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// Fields of the case page's forms.
const (
	amendText    = "amend.text"
	amendFiles   = "amend.files"
	paymentFiles = "payment.files"
	maxAmendText = 2000
)

const (
	msgAmendEmpty    = "请填写补正内容，或上传补正材料"
	msgAmendLong     = "补正说明不能超过2000字"
	msgAmendNotNow   = "本申请当前不需要补正，请查看最新办理状态"
	msgAmendLate     = "补正期限已经届满，在线补正已关闭。如有正当理由未能按期补正，请尽快与本机关联系说明"
	msgPaymentEmpty  = "请上传缴费凭证（如缴费回单的照片或截图）"
	msgPaymentNotNow = "本申请当前没有待缴的信息处理费，请查看最新办理状态"
	msgChanged       = "办理状态刚刚发生变化，请查看最新状态后再提交"
	msgSessionOver   = "查询已超时，请重新输入查询码和查询密码。刚才提交的内容未能保存，请查询后重新提交"
)

// caseSession returns the application the lookup session opens, or
// answers with the lookup form when the session has ended.
func (d *desk) caseSession(w http.ResponseWriter, r *http.Request) (store.ApplicationRecord, bool) {
	id, ok := d.sessions.current(r, d.app.Now())
	if ok {
		rec, err := d.app.Store.Application(r.Context(), id)
		if err == nil {
			return rec, true
		}
		if !errors.Is(err, store.ErrNotFound) {
			d.app.Fail(w, r, err)
			return rec, false
		}
	}
	p := d.lookupPage(r, "")
	p.Problem = msgSessionOver
	d.render(w, r, http.StatusUnauthorized, "public/status.html", p)
	return store.ApplicationRecord{}, false
}

// statusAmend receives a 补正 (条例第三十条): the text and files are the
// amended application, received today, so the reply period runs again
// from today (答复期限自行政机关收到补正的申请之日起计算).
func (d *desk) statusAmend(w http.ResponseWriter, r *http.Request) {
	rec, ok := d.caseSession(w, r)
	if !ok {
		return
	}
	up, err := d.readUploadForm(r, map[string]store.AttachmentKind{amendFiles: store.AttachAmendment})
	if err != nil {
		d.app.Fail(w, r, web.ErrBadRequest)
		return
	}
	recorded := false
	defer func() {
		if !recorded {
			d.discardUploads(up.files)
		}
	}()
	ctx := r.Context()
	text := strings.TrimSpace(strings.ReplaceAll(up.values.Get(amendText), "\r\n", "\n"))
	switch {
	case text == "" && len(up.files) == 0 && len(up.errs) == 0:
		up.errs.Add(amendText, msgAmendEmpty)
	case utf8.RuneCountInString(text) > maxAmendText:
		up.errs.Add(amendText, msgAmendLong)
	}
	m := caseMessages{values: up.values, errs: up.errs, status: http.StatusUnprocessableEntity}
	if len(up.errs) > 0 {
		d.showCase(w, r, rec.ID, m)
		return
	}
	c, err := d.app.Store.ApplicationCase(ctx, rec.ID)
	if err != nil {
		d.app.Fail(w, r, err)
		return
	}
	today := workday.FromTime(d.app.Now().In(china))
	a, _ := c.Amendment()
	switch {
	case c.State != disclosure.StateAwaitingAmendment:
		m.problem, m.status = msgAmendNotNow, http.StatusConflict
	case today.After(a.Deadline):
		// Only staff may accept a late 补正, for a 正当理由 they record.
		m.problem, m.status = msgAmendLate, http.StatusConflict
	}
	if m.problem != "" {
		d.showCase(w, r, rec.ID, m)
		return
	}
	_, err = d.app.Store.AppendEvent(ctx, store.EventAppend{ApplicationID: rec.ID, Version: rec.Version,
		Event: disclosure.Event{Kind: disclosure.EventAmended, On: today, Note: text},
		Audit: d.app.AuditEntry(r, "application.amend", rec.Code, "online")})
	if d.refused(w, r, rec.ID, err, m) {
		return
	}
	recorded = true
	if err := d.recordUploads(r, rec.ID, up.files); err != nil {
		d.app.Log.Error("amendment files not recorded", "request_id", web.RequestID(r), "application", rec.ID, "err", err)
	}
	http.Redirect(w, r, baseOf(r)+"/status?sent=amend", http.StatusSeeOther)
}

// statusPayment receives the slip of a paid 信息处理费 (国办函〔2020〕109号).
// Staff check it against the receipts and record the payment: the
// applicant's upload alone does not settle the fee.
func (d *desk) statusPayment(w http.ResponseWriter, r *http.Request) {
	rec, ok := d.caseSession(w, r)
	if !ok {
		return
	}
	up, err := d.readUploadForm(r, map[string]store.AttachmentKind{paymentFiles: store.AttachPaymentRef})
	if err != nil {
		d.app.Fail(w, r, web.ErrBadRequest)
		return
	}
	recorded := false
	defer func() {
		if !recorded {
			d.discardUploads(up.files)
		}
	}()
	if len(up.files) == 0 {
		up.errs.Add(paymentFiles, msgPaymentEmpty)
	}
	m := caseMessages{values: up.values, errs: up.errs, status: http.StatusUnprocessableEntity}
	if len(up.errs) > 0 {
		d.showCase(w, r, rec.ID, m)
		return
	}
	if rec.State != disclosure.StateAwaitingFee {
		m.problem, m.status = msgPaymentNotNow, http.StatusConflict
		d.showCase(w, r, rec.ID, m)
		return
	}
	recorded = true
	if err := d.recordUploads(r, rec.ID, up.files); err != nil {
		d.app.Fail(w, r, err)
		return
	}
	if err := d.app.Audit(r, "application.payment_proof", rec.Code, "online"); err != nil {
		d.app.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, baseOf(r)+"/status?sent=payment", http.StatusSeeOther)
}

// refused answers a step the case's rules refused (or a concurrent change)
// on the case page; it reports whether it answered.
func (d *desk) refused(w http.ResponseWriter, r *http.Request, id int64, err error, m caseMessages) bool {
	var re *disclosure.RuleError
	switch {
	case err == nil:
		return false
	case errors.Is(err, store.ErrConflict):
		m.problem = msgChanged
	case errors.As(err, &re):
		m.problem = re.Msg
	default:
		d.app.Fail(w, r, err)
		return true
	}
	m.status = http.StatusConflict
	d.showCase(w, r, id, m)
	return true
}
