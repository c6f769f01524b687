package staff

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"gongkai/internal/annualreport"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// annualReportPublish publishes an approved report (条例第四十九条: 向社会公布)
// as a document of the site's 信息公开年报 column: its six sections with the
// three tables in the official layout as HTML, through the document
// workflow's Transition (索引号, search index, review record and audit in
// one transaction). The review that the document workflow asks of a
// document (条例第十七条) is the report's own: reviewed by the 公开办,
// approved by the 分管领导; the review record says so.
func (h handlers) annualReportPublish(w http.ResponseWriter, r *http.Request) {
	u, rec, err := h.loadAnnualReport(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if rec.State != store.ReportApproved {
		h.renderAnnualReport(w, r, http.StatusConflict, rec, nil, nil, "只有经分管领导批准的报告才能发布，本报告当前为"+rec.State.Label()+"。")
		return
	}
	// The document is created before the report moves: refuse a stale
	// page first, so two clicks cannot publish the report twice.
	if v, _ := strconv.ParseInt(r.PostFormValue("version"), 10, 64); v != rec.Version {
		h.renderAnnualReport(w, r, http.StatusConflict, rec, nil, nil, "报告已被他人处理，请核对当前状态后再操作。")
		return
	}
	ctx := r.Context()
	col, ok, err := h.annualReportColumn(r, rec.SiteID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if !ok {
		h.renderAnnualReport(w, r, http.StatusConflict, rec, nil, nil, "本站点没有“信息公开年报”类栏目，请先在栏目管理中添加后再发布。")
		return
	}
	b, err := h.buildReport(ctx, rec)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	body, err := annualreport.BodyHTML(b.Report)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	now := h.app.Now()
	today := h.todayDate().String()
	doc := catalog.Document{SiteID: rec.SiteID, ColumnID: col.ID, OrgID: col.OrgID, AuthorID: u.ID, Title: b.Report.Title(),
		Summary:  fmt.Sprintf("%s根据《中华人民共和国政府信息公开条例》第四十九条、第五十条编制的%d年度政府信息公开工作年度报告。", b.Report.UnitName, rec.Year),
		BodyHTML: catalog.SanitizeBody(body), Topic: "综合政务", Issuer: b.Report.UnitName, Genre: catalog.GenreOther,
		WrittenOn: today, Validity: catalog.Valid, State: catalog.StateDraft}
	if fe := doc.Validate(); len(fe) > 0 {
		msgs := make([]string, 0, len(fe))
		for _, m := range fe {
			msgs = append(msgs, m)
		}
		sort.Strings(msgs)
		h.renderBuiltReport(w, r, http.StatusConflict, rec, b, nil, nil, "报告无法作为信息发布："+strings.Join(msgs, "；"))
		return
	}
	id, err := h.app.Store.CreateDocument(ctx, doc)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	dec := catalog.Decision{Action: catalog.ActFinalApprove, Now: now, ActorID: u.ID, SecrecyChecked: true,
		Reason: fmt.Sprintf("年度报告经审核、分管领导批准（%s）后发布", rec.ApprovedAt.In(china).Format("2006-01-02"))}
	audit := h.app.AuditEntry(r, "document."+string(catalog.ActFinalApprove), fmt.Sprintf("document:%d", id),
		fmt.Sprintf("%s：%s → %s（年度报告）", doc.Title, catalog.StateDraft.Label(), catalog.StatePublished.Label()))
	if _, err := h.app.Store.Transition(ctx, id, catalog.StateDraft, catalog.StatePublished, dec, 0, audit); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.moveReport(w, r, rec, store.ReportMove{To: store.ReportPublished, By: u.ID, DocumentID: id}, "published",
		fmt.Sprintf("发布为信息 %d", id))
}

// annualReportColumn is the site's 信息公开年报 column (the first one).
func (h handlers) annualReportColumn(r *http.Request, siteID int64) (catalog.Column, bool, error) {
	cols, err := h.app.Store.Columns(r.Context(), siteID)
	if err != nil {
		return catalog.Column{}, false, err
	}
	for _, c := range cols {
		if c.Kind == catalog.KindAnnualReport {
			return c, true, nil
		}
	}
	return catalog.Column{}, false, nil
}
