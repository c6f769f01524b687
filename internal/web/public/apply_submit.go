package public

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// SettingRetention is the settings key of the sentence telling applicants
// how long their data is kept (the agency's archive rules decide it).
const SettingRetention = "apply.retention_note"

const defaultRetention = "申请材料和办理记录作为政府信息公开工作档案，按照本机关档案管理规定的保管期限保存，期满后依规定销毁。"

// applyPage is the application form.
type applyPage struct {
	web.Page
	applyForm
	FilesSent bool   // files were chosen: they must be chosen again
	Problem   string // a message not about one field
	Retention string
	MaxFile   string
	Types     string
}

// fieldRef names a field for the "err" template.
type fieldRef struct {
	Form applyForm
	Name string
}

// Ref names a field for the "err" template.
func (p applyPage) Ref(name string) fieldRef { return fieldRef{Form: p.applyForm, Name: name} }

func (d *desk) applyPage(r *http.Request, f applyForm) applyPage {
	p := applyPage{Page: d.app.Base(r, "政府信息公开申请"), applyForm: f, Retention: defaultRetention,
		MaxFile: sizeWords(d.maxFileSize()), Types: citizenTypeNames}
	if v, ok, err := d.app.Store.Setting(r.Context(), SettingRetention); err == nil && ok && strings.TrimSpace(v) != "" {
		p.Retention = strings.TrimSpace(v)
	}
	return p
}

func (d *desk) render(w http.ResponseWriter, r *http.Request, status int, name string, page any) {
	// Pages with the applicant's data or the query password stay out of
	// every cache, the browser's included.
	w.Header().Set("Cache-Control", "no-store")
	d.app.Render(w, r, status, name, page)
}

// applyShow is the empty form; the question appears only when the
// visitor's address is near its submission limit.
func (d *desk) applyShow(w http.ResponseWriter, r *http.Request) {
	f := applyForm{Values: url.Values{}, Errs: catalog.FieldErrors{}, Question: d.askIfNear(r)}
	d.render(w, r, http.StatusOK, "public/apply.html", d.applyPage(r, f))
}

// applySubmit files an online application. The confirmation page is the
// automatic 确认 of 条例第三十一条第（三）项: for an application through the
// internet, the day both sides confirm is the 收到申请之日; the platform
// confirms at once, so the receipt date is the day of submission.
func (d *desk) applySubmit(w http.ResponseWriter, r *http.Request) {
	site, _, ok := web.SiteOf(r)
	if !ok {
		d.app.Fail(w, r, web.ErrNotFound)
		return
	}
	up, err := d.readUploadForm(r, applyFileKinds)
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
	f := applyForm{Values: up.values, Errs: up.errs, Dropped: up.names()}
	if d.caughtInHoneypot(w, r, f, applyPages) {
		return
	}
	today := workday.FromTime(d.app.Now().In(china))
	a := f.application()
	validate(&f, a, today)
	p := d.applyPage(r, f)
	p.FilesSent = len(up.files) > 0 || hasFileError(up.errs)
	if p.HasErrors() {
		p.Question = d.keepQuestion(r, f.Values)
		d.render(w, r, http.StatusUnprocessableEntity, "public/apply.html", p)
		return
	}
	g := d.admit(r, f.Values, string(a.Applicant.IDType), a.Applicant.IDNumber)
	if d.stoppedAtGate(w, r, g, &p, applyPages) {
		return
	}
	rec, password, err := d.app.Store.CreateApplication(r.Context(), store.NewApplication{
		SiteID: site.ID, Channel: store.ChannelOnline, Applicant: a.Applicant,
		Description: a.Description, DocNo: a.DocNo, Delivery: a.Delivery,
		ReceivedOn: today, ReceiptBasis: disclosure.ReceiptOnlineConfirmed,
		Audit: d.app.AuditEntry(r, "application.submit", "", "online"),
	})
	if errors.Is(err, workday.ErrYearNotCovered) {
		d.app.Log.Error("calendar does not cover today; online application refused", "request_id", web.RequestID(r))
		p.Problem = msgYearNotReady
		d.render(w, r, http.StatusServiceUnavailable, "public/apply.html", p)
		return
	}
	if err != nil {
		d.app.Fail(w, r, err)
		return
	}
	recorded = true
	done := d.donePage(r, rec, password, up.files)
	if err := d.recordUploads(r, rec.ID, up.files); err != nil {
		d.app.Log.Error("application attachments not recorded", "request_id", web.RequestID(r), "application", rec.ID, "err", err)
		done.FilesLost = true
	}
	d.issueReceipt(r, site.Name, site.ID, rec)
	d.render(w, r, http.StatusOK, "public/apply_done.html", done)
}

func hasFileError(fe catalog.FieldErrors) bool {
	for k := range applyFileKinds {
		if _, ok := fe[k]; ok {
			return true
		}
	}
	return false
}
