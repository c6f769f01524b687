package staff

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"gongkai/internal/annualreport"
	"gongkai/internal/auth"
	"gongkai/internal/store"
)

// blockedBy is the Chinese message refusing a step while the report has
// errors: a number in the text that contradicts a table, a broken
// balance (G1, G3–G6) — such a report cannot be published.
func blockedBy(b *annualreport.Built, step string) string {
	errs, _ := countFindings(b.Findings)
	if errs == 0 {
		return ""
	}
	return fmt.Sprintf("报告仍有%d个错误（正文数字与表格不一致，或表格勾稽关系有误，见各部分和表格旁的检查结果），不能%s。请先修改正文或核实登记数据。", errs, step)
}

// annualReportReview: the 公开办 has checked the draft (draft → reviewed).
func (h handlers) annualReportReview(w http.ResponseWriter, r *http.Request) {
	u, rec, err := h.loadAnnualReport(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if rec.State != store.ReportDraft {
		h.renderAnnualReport(w, r, http.StatusConflict, rec, nil, nil, "报告已"+rec.State.Label()+"，不能再送审。")
		return
	}
	b, err := h.buildReport(r.Context(), rec)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if msg := blockedBy(b, "审核通过"); msg != "" {
		h.renderBuiltReport(w, r, http.StatusConflict, rec, b, nil, nil, msg)
		return
	}
	h.moveReport(w, r, rec, store.ReportMove{To: store.ReportReviewed, By: u.ID}, "reviewed", "审核")
}

// annualReportApprove: the 分管领导 approves (reviewed → approved), a
// different person from the reviewer (the 第一责任人 signs off on someone
// else's check, 国办公开办函〔2021〕30号 "明确责任"). Approval freezes the
// tables: later changes to the records do not alter an approved report.
func (h handlers) annualReportApprove(w http.ResponseWriter, r *http.Request) {
	u, rec, err := h.loadAnnualReport(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if rec.State != store.ReportReviewed {
		h.renderAnnualReport(w, r, http.StatusConflict, rec, nil, nil, "只有已审核的报告才能批准，本报告当前为"+rec.State.Label()+"。")
		return
	}
	if rec.ReviewedBy == u.ID {
		h.renderAnnualReport(w, r, http.StatusConflict, rec, nil, nil, "审核人不能批准自己审核的报告，须由另一人（分管领导）批准。")
		return
	}
	b, err := h.buildReport(r.Context(), rec)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if msg := blockedBy(b, "批准"); msg != "" {
		h.renderBuiltReport(w, r, http.StatusConflict, rec, b, nil, nil, msg)
		return
	}
	cells, err := annualreport.MarshalCells(b.Report)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.moveReport(w, r, rec, store.ReportMove{To: store.ReportApproved, By: u.ID, Cells: cells}, "approved", "批准")
}

// annualReportReturn sends a report back to draft: a reviewed one by the
// 公开办 or the 分管领导, an approved one by the 分管领导 only. The frozen
// tables are dropped: the draft is computed from the records again.
func (h handlers) annualReportReturn(w http.ResponseWriter, r *http.Request) {
	u, rec, err := h.loadAnnualReport(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	approve := u.Role.Can(auth.PermReportApprove)
	ok := rec.State == store.ReportReviewed && (approve || u.Role.Can(auth.PermReportEdit)) ||
		rec.State == store.ReportApproved && approve
	if !ok {
		h.renderAnnualReport(w, r, http.StatusConflict, rec, nil, nil, "本报告当前为"+rec.State.Label()+"，您不能退回。")
		return
	}
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	if len([]rune(reason)) > 500 {
		reason = string([]rune(reason)[:500])
	}
	h.moveReport(w, r, rec, store.ReportMove{To: store.ReportDraft, By: u.ID}, "returned", "退回："+reason)
}

// moveReport applies one step with the version the user saw and audits it.
func (h handlers) moveReport(w http.ResponseWriter, r *http.Request, rec store.AnnualReportRecord, m store.ReportMove, done, what string) {
	m.ID, m.From, m.At = rec.ID, rec.State, h.app.Now()
	m.Version, _ = strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	if _, err := h.app.Store.MoveAnnualReport(r.Context(), m); err != nil {
		if errors.Is(err, store.ErrConflict) {
			cur, err2 := h.app.Store.AnnualReport(r.Context(), rec.ID)
			if err2 != nil {
				h.app.Fail(w, r, err2)
				return
			}
			h.renderAnnualReport(w, r, http.StatusConflict, cur, nil, nil, "报告已被他人修改或处理，请核对当前状态后再操作。")
			return
		}
		h.app.Fail(w, r, err)
		return
	}
	detail := fmt.Sprintf("%s%d年度报告：%s → %s；%s", rec.UnitName, rec.Year, rec.State.Label(), m.To.Label(), what)
	if err := h.app.Audit(r, "annual_report."+string(m.To), "annual_report:"+itoa(rec.ID), detail); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/annual-reports/"+itoa(rec.ID), done)
}
