package api

import (
	"net/http"
	"strings"
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

type lookupRequest struct {
	Code     string `json:"code"`
	Password string `json:"password"`
}

// lookupAnswer is what the applicant may see of the case: its state, the
// deadline and every notice addressed to them, with its service record.
type lookupAnswer struct {
	Code        string         `json:"code"`
	State       string         `json:"state"`
	StateLabel  string         `json:"state_label"`
	ReceivedOn  string         `json:"received_on"`
	DueOn       string         `json:"due_on,omitempty"`
	ClosedOn    string         `json:"closed_on,omitempty"`
	Result      string         `json:"result,omitempty"` // table 三 row label of the outcome
	Description string         `json:"description"`
	Notices     []lookupNotice `json:"notices"`
}

type lookupNotice struct {
	Kind         string `json:"kind"`
	Title        string `json:"title"`
	IssuedOn     string `json:"issued_on"`
	DeliveredVia string `json:"delivered_via,omitempty"`
	DeliveredOn  string `json:"delivered_on,omitempty"`
	BodyHTML     string `json:"body_html"`
}

func (h *handler) lookup(w http.ResponseWriter, r *http.Request) {
	lim := h.limits.current(r.Context())
	addr := web.RemoteAddr(r)
	if !lim.trustedAddr(addr) {
		if ok, wait := lim.lookup.allow(addr, time.Now()); !ok {
			writeRetry(w, wait, "查询过于频繁，请稍后再试")
			return
		}
	}
	var req lookupRequest
	if !decode(w, r, &req) {
		return
	}
	req.Code, req.Password = strings.TrimSpace(req.Code), strings.TrimSpace(req.Password)
	if req.Code == "" || req.Password == "" {
		fe := map[string]string{}
		if req.Code == "" {
			fe["code"] = "请填写查询码"
		}
		if req.Password == "" {
			fe["password"] = "请填写查询密码"
		}
		writeFieldErrors(w, fe)
		return
	}
	codeKey := "code:" + strings.ToUpper(req.Code)
	rec, err := h.app.Store.ApplicationByCredentials(r.Context(), req.Code, req.Password)
	if err != nil {
		// Only failures spend the code's budget: the applicant checking
		// their own case every day is never locked out.
		if ok, wait := lim.byCode.allow(codeKey, time.Now()); !ok {
			writeRetry(w, wait, "查询码或查询密码错误次数过多，请一小时后再试")
			return
		}
		h.fail(w, r, err)
		return
	}
	notices, err := h.app.Store.Notices(r.Context(), rec.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, answerFor(rec, notices))
}

func answerFor(rec store.ApplicationRecord, notices []store.Notice) lookupAnswer {
	a := lookupAnswer{
		Code: rec.Code, State: string(rec.State), StateLabel: rec.State.Label(), ReceivedOn: rec.ReceivedOn.String(),
		Description: rec.Description, Notices: []lookupNotice{},
	}
	if rec.State.Open() && rec.DueOn != (workday.Date{}) {
		a.DueOn = rec.DueOn.String()
	}
	if rec.State == disclosure.StateClosed {
		a.ClosedOn = rec.ClosedOn.String()
		a.Result = disclosure.RowOf(rec.Basis).FullLabel()
	}
	for _, n := range notices {
		if spec, ok := n.Kind.Spec(); ok && spec.To != disclosure.ToApplicant {
			continue // 征求意见书 to third parties are not the applicant's to read
		}
		ln := lookupNotice{Kind: string(n.Kind), Title: n.Title, IssuedOn: n.IssuedOn.String(), BodyHTML: n.BodyHTML,
			DeliveredVia: n.DeliveredVia}
		if n.Delivered() {
			ln.DeliveredOn = n.DeliveredOn.String()
		}
		a.Notices = append(a.Notices, ln)
	}
	return a
}
