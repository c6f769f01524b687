package staff

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// reasonField names the reason box of each form that has one, so a missing
// reason is reported beside the right box.
var reasonField = map[catalog.State]string{
	catalog.StateSubmitted:     "first_reason",
	catalog.StateFirstApproved: "final_reason",
	catalog.StatePublished:     "withdraw_reason",
	catalog.StateScheduled:     "withdraw_reason",
}

// transition handles one workflow step (条例第十七条 审查机制) on the
// document page: act is allowed only from the states in from; the state
// machine (catalog.Next) decides the rest.
func (h handlers) transition(act catalog.Action, from ...catalog.State) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, d, _, err := h.loadDocument(r)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		if !slices.Contains(from, d.State) {
			h.app.Fail(w, r, errWrongState)
			return
		}
		ctx := r.Context()
		now := h.app.Now()
		field := reasonField[d.State]
		typed := map[string]string{field: r.PostFormValue("reason"), "publish_at": r.PostFormValue("publish_at")}
		dec := catalog.Decision{Action: act, Reason: strings.TrimSpace(r.PostFormValue("reason")), Now: now, ActorID: u.ID,
			SecrecyChecked: r.PostFormValue("secrecy") == "yes"}
		fe := catalog.FieldErrors{}
		if act == catalog.ActFinalApprove {
			if dec.FirstReviewer, err = h.app.Store.FirstReviewer(ctx, d.ID); err != nil {
				h.app.Fail(w, r, err)
				return
			}
			if dec.PublishAt, err = parsePublishAt(typed["publish_at"]); err != nil {
				fe.Add("publish_at", "请按“2025-03-01 09:00”的格式选择定时发布时间，或留空立即发布")
			}
		}
		to, err := catalog.Next(d.State, dec)
		switch {
		case errors.Is(err, catalog.ErrSecrecyRequired):
			fe.Add("secrecy", "终审发布前必须勾选保密审查确认")
		case errors.Is(err, catalog.ErrReasonRequired):
			fe.Add(field, "请填写理由，作者将看到这段说明")
		case errors.Is(err, catalog.ErrSameReviewer):
			h.renderDocument(w, r, http.StatusConflict, fe, err.Error(), typed)
			return
		case err != nil:
			h.app.Fail(w, r, err)
			return
		}
		if len(fe) > 0 {
			h.renderDocument(w, r, http.StatusUnprocessableEntity, fe, "", typed)
			return
		}
		late, known := 0, true
		var lateNote string
		if to == catalog.StatePublished {
			if late, known, lateNote, err = h.lateWorkdays(ctx, d, now); err != nil {
				h.app.Fail(w, r, err)
				return
			}
		}
		audit := h.app.AuditEntry(r, "document."+string(act), fmt.Sprintf("document:%d", d.ID), transitionDetail(d, to, dec, late))
		doc, err := h.app.Store.Transition(ctx, d.ID, d.State, to, dec, late, audit)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		done := map[catalog.State]string{catalog.StateSubmitted: "submitted", catalog.StateFirstApproved: "approved",
			catalog.StatePublished: "published", catalog.StateScheduled: "scheduled", catalog.StateRejected: "rejected",
			catalog.StateWithdrawn: "withdrawn"}[to]
		if !known {
			if _, err := h.app.Store.FlagDocument(ctx, doc.ID, store.FlagLateUnknown, lateNote); err != nil {
				h.app.Fail(w, r, err)
				return
			}
			done = "late"
		}
		redirect(w, r, fmt.Sprintf("/admin/documents/%d", d.ID), done)
	}
}

// parsePublishAt reads the optional scheduled time (datetime-local, in
// China time). Empty means now.
func parsePublishAt(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, china); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("bad time")
}

// transitionDetail is the audit line's detail: the step and its reason or
// declaration, never the body.
func transitionDetail(d catalog.Document, to catalog.State, dec catalog.Decision, late int) string {
	s := fmt.Sprintf("%s：%s → %s", d.Title, d.State.Label(), to.Label())
	if dec.Reason != "" {
		s += "；理由：" + dec.Reason
	}
	if dec.SecrecyChecked {
		s += "；已确认保密审查"
	}
	if to == catalog.StateScheduled {
		s += "；定时发布于 " + dec.PublishAt.In(china).Format("2006-01-02 15:04")
	}
	if late > 0 {
		s += fmt.Sprintf("；超过公开时限%d个工作日", late)
	}
	return s
}
