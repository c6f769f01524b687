package api

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/notice"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// applicationRequest is the body of POST /api/v1/applications. The enum
// fields take the code ("person") or the Chinese label ("自然人").
type applicationRequest struct {
	Applicant struct {
		Kind        string `json:"kind"`
		Name        string `json:"name"`
		IDType      string `json:"id_type"`
		IDNumber    string `json:"id_number"`
		ContactName string `json:"contact_name"`
		Phone       string `json:"phone"`
		Email       string `json:"email"`
		Address     string `json:"address"`
		PostCode    string `json:"post_code"`
		Agent       struct {
			Name  string `json:"name"`
			Phone string `json:"phone"`
		} `json:"agent"`
	} `json:"applicant"`
	Description string `json:"description"`
	DocNo       string `json:"doc_no"`
	Delivery    struct {
		Form   string `json:"form"`
		Method string `json:"method"`
	} `json:"delivery"`
}

// applicationCreated is the 201 answer: the 查询码, the one-time query
// password (shown once, never stored in clear) and the dates.
type applicationCreated struct {
	Code       string `json:"code"`
	Password   string `json:"password"`
	ReceivedOn string `json:"received_on"`
	DueOn      string `json:"due_on"`
}

// apiDelivery is how the 接收回执 of an API submission is served: in the
// 201 answer, which the 12345 hotline or 一网通办 portal passes on.
const apiDelivery = "接口提交后即时确认"

// china is the agency's calendar zone: the receipt date is a date there.
var china = time.FixedZone("CST", 8*3600)

// submit files an application. The 201 answer is the automatic
// confirmation of 条例第三十一条第（三）项 (互联网渠道: 以双方确认之日为收到
// 申请之日), so the receipt date is the day of the answer.
func (h *handler) submit(w http.ResponseWriter, r *http.Request) {
	site, _, ok := web.SiteOf(r)
	if !ok {
		writeError(w, http.StatusServiceUnavailable, "", "平台尚未设置受理机关，暂不能提交申请")
		return
	}
	lim := h.limits.current(r.Context())
	addr := web.RemoteAddr(r)
	if !lim.trustedAddr(addr) {
		if ok, wait := lim.submit.allow(addr, time.Now()); !ok {
			writeRetry(w, wait, "提交过于频繁，请稍后再试。如需帮助，请拨打政府信息公开工作机构的咨询电话")
			return
		}
	}
	var req applicationRequest
	if !decode(w, r, &req) {
		return
	}
	app := req.application()
	if fe := app.Validate(); len(fe) > 0 {
		writeFieldErrors(w, fe)
		return
	}
	if ok, wait := lim.byID.allow(h.limits.idKey(string(app.Applicant.IDType), app.Applicant.IDNumber), time.Now()); !ok {
		writeRetry(w, wait, "同一证件号码今日提交的申请过多，请稍后再试")
		return
	}
	rec, password, err := h.app.Store.CreateApplication(r.Context(), store.NewApplication{
		SiteID: site.ID, Channel: store.ChannelAPI, Applicant: app.Applicant,
		Description: app.Description, DocNo: app.DocNo, Delivery: app.Delivery,
		ReceivedOn:   workday.FromTime(h.app.Now().In(china)),
		ReceiptBasis: disclosure.ReceiptOnlineConfirmed,
	})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	// The 接收回执 (条例第三十一条), as the portal issues it: the 201 answer
	// is its service. The application stands without it; a failure is
	// logged and staff see the receipt date on the case.
	if _, err := notice.IssueReceipt(r.Context(), h.app.Store, rec, notice.Receipt{SiteID: site.ID, Organ: site.Name,
		DeliveredVia: apiDelivery}); err != nil {
		h.app.Log.Error("receipt notice not issued", "request_id", web.RequestID(r), "application", rec.ID, "err", err)
	}
	writeJSON(w, http.StatusCreated, applicationCreated{
		Code: rec.Code, Password: password, ReceivedOn: rec.ReceivedOn.String(), DueOn: rec.DueOn.String(),
	})
}

// application turns the request into the domain record, trimming spaces
// and accepting either codes or Chinese labels for the enums.
func (q applicationRequest) application() disclosure.Application {
	a := q.Applicant
	t := strings.TrimSpace
	return disclosure.Application{
		Applicant: disclosure.Applicant{
			Kind:        enum(t(a.Kind), disclosure.ApplicantKinds),
			Name:        t(a.Name),
			IDType:      enum(t(a.IDType), disclosure.IDTypes),
			IDNumber:    t(a.IDNumber),
			ContactName: t(a.ContactName),
			Phone:       t(a.Phone),
			Email:       t(a.Email),
			Address:     t(a.Address),
			PostCode:    t(a.PostCode),
			Agent:       disclosure.Agent{Name: t(a.Agent.Name), Phone: t(a.Agent.Phone)},
		},
		Description: t(q.Description),
		DocNo:       t(q.DocNo),
		Delivery: disclosure.Delivery{
			Form:   enum(t(q.Delivery.Form), disclosure.DeliveryForms),
			Method: enum(t(q.Delivery.Method), disclosure.DeliveryMethods),
		},
	}
}

// enum maps a code or a Chinese label to the value; anything else is kept
// as given, so validation names it.
func enum[T interface {
	~string
	Label() string
}](s string, values []T) T {
	for _, v := range values {
		if string(v) == s || v.Label() == s {
			return v
		}
	}
	return T(s)
}

// fail answers an unexpected error; the cause is logged once, without
// personal data (the request body is never logged).
func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	var re *disclosure.RuleError
	switch {
	case errors.As(err, &re):
		writeError(w, http.StatusUnprocessableEntity, "", re.Msg)
	case errors.Is(err, workday.ErrYearNotCovered):
		h.app.Log.Error("calendar does not cover the receipt year", "request_id", web.RequestID(r), "err", err)
		writeError(w, http.StatusServiceUnavailable, "", "本年度工作日历尚未设置，暂不能受理，请稍后再试")
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "", "查询码或查询密码不正确")
	default:
		h.app.Log.Error("api request failed", "request_id", web.RequestID(r), "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "", "系统繁忙，请稍后再试")
	}
}
