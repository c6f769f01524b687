package staff

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/annualreport"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// maxSectionRunes bounds one section: real reports' longest section (一)
// runs to a few thousand characters.
const maxSectionRunes = 20_000

// annualReportSave saves the draft's unit and sections. The checks run on
// what was saved and the page shows them: a draft may be saved with
// errors, but it cannot be reviewed or approved while it has any (a
// number in the text that contradicts a table, or a broken balance).
// Invalid input or a concurrent change keeps what was typed.
func (h handlers) annualReportSave(w http.ResponseWriter, r *http.Request) {
	u, rec, err := h.loadAnnualReport(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	typed := map[string]string{"unit_kind": r.PostFormValue("unit_kind"), "unit_name": strings.TrimSpace(r.PostFormValue("unit_name"))}
	fe := catalog.FieldErrors{}
	for _, s := range annualreport.Sections {
		f := sectionField(s)
		typed[f] = normaliseText(r.PostFormValue(f))
		if utf8.RuneCountInString(typed[f]) > maxSectionRunes {
			fe.Add(f, s.Title()+"不能超过"+strconv.Itoa(maxSectionRunes)+"个字")
		}
	}
	if !annualreport.UnitKind(typed["unit_kind"]).Valid() {
		fe.Add("unit_kind", "请选择机关类型")
	}
	fe = checkUnitName(fe, typed["unit_name"])
	if rec.State != store.ReportDraft {
		h.renderAnnualReport(w, r, http.StatusConflict, rec, typed, fe, "报告已"+rec.State.Label()+"，不能再修改。如需修改，请先退回。")
		return
	}
	version, _ := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	if len(fe) > 0 {
		h.renderAnnualReport(w, r, http.StatusUnprocessableEntity, rec, typed, fe, "")
		return
	}
	next := rec
	next.Version, next.UpdatedBy = version, u.ID
	next.UnitKind, next.UnitName = typed["unit_kind"], typed["unit_name"]
	for _, s := range annualreport.Sections {
		next.Sections[s-1] = typed[sectionField(s)]
	}
	if _, err := h.app.Store.SaveAnnualReportDraft(r.Context(), next); err != nil {
		if errors.Is(err, store.ErrConflict) {
			if cur, err2 := h.app.Store.AnnualReport(r.Context(), rec.ID); err2 == nil {
				rec = cur
			}
			h.renderAnnualReport(w, r, http.StatusConflict, rec, typed, nil,
				"保存前报告已被他人修改或已送审，您填写的内容尚未保存，请核对后重新保存。")
			return
		}
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.Audit(r, "annual_report.save", "annual_report:"+itoa(rec.ID), typed["unit_name"]+itoa(int64(rec.Year))+"年度报告"); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/annual-reports/"+itoa(rec.ID), "saved")
}

// annualReportRedraft replaces the sections with drafts written from the
// latest data (after the registers changed). What staff wrote is replaced,
// so the page asks for confirmation first.
func (h handlers) annualReportRedraft(w http.ResponseWriter, r *http.Request) {
	u, rec, err := h.loadAnnualReport(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if rec.State != store.ReportDraft {
		h.renderAnnualReport(w, r, http.StatusConflict, rec, nil, nil, "报告已"+rec.State.Label()+"，不能重新生成草稿。")
		return
	}
	if r.PostFormValue("confirm") != "yes" {
		h.renderAnnualReport(w, r, http.StatusUnprocessableEntity, rec, nil, nil, "请勾选“确认替换已修改的正文”后再重新生成草稿。")
		return
	}
	ctx := r.Context()
	fresh := rec
	fresh.Sections = [6]string{} // blank sections are drafted by Build
	b, err := h.buildReport(ctx, fresh)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	rec.Version, _ = strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	rec.UpdatedBy = u.ID
	for _, s := range annualreport.Sections {
		rec.Sections[s-1] = b.Drafted[s]
	}
	if _, err := h.app.Store.SaveAnnualReportDraft(ctx, rec); err != nil {
		if errors.Is(err, store.ErrConflict) {
			cur, _ := h.app.Store.AnnualReport(ctx, rec.ID)
			h.renderAnnualReport(w, r, http.StatusConflict, cur, nil, nil, "报告已被他人修改，请刷新后再试。")
			return
		}
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.Audit(r, "annual_report.redraft", "annual_report:"+itoa(rec.ID), "按最新数据重新生成草稿"); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/annual-reports/"+itoa(rec.ID), "redrafted")
}

// normaliseText keeps plain text: CRLF to LF, trailing spaces and control
// characters (other than line breaks and tabs) dropped. The text is always
// printed escaped.
func normaliseText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r >= 0x20 && r != 0x7f {
			return r
		}
		return -1
	}, s)
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
