package staff

import (
	"bytes"
	"net/http"

	"gongkai/internal/catalog"
	"gongkai/internal/linkage"
	"gongkai/internal/web"
)

type repostReportPage struct {
	web.Page
	Sites  []catalog.Site
	SiteID int64
	linkage.Report
}

// buildRepostReport is the month's report (?month=YYYY-MM, default this
// month) of the chosen site: every required item due in the month, judged
// as of today — on time, late, missing or still pending.
func (h handlers) buildRepostReport(r *http.Request) (repostReportPage, error) {
	p := repostReportPage{Page: h.linkageBase(r, "转载情况月报"), Sites: h.app.Sites()}
	p.SiteID = chosenSite(r, p.Sites)
	site, _ := siteByID(h.app, p.SiteID)
	p.Report = linkage.Report{SiteName: site.Name, Month: r.URL.Query().Get("month"), AsOf: h.today()}
	if !linkage.MonthValid(p.Month) {
		p.Month = p.AsOf[:7]
	}
	ls, err := loadLinkageSettings(r.Context(), h.app.Store)
	if err == nil {
		err = recordProofs(r.Context(), h.app, ls)
	}
	if err != nil {
		return p, err
	}
	items, err := h.app.Store.RepostReport(r.Context(), p.SiteID, p.Month)
	if err != nil {
		return p, err
	}
	for _, it := range items {
		v := it.Verdict(p.AsOf)
		p.Tally.Add(v)
		p.Rows = append(p.Rows, linkage.ReportRow{Title: it.Title, Source: it.SubscriptionName, Link: it.Link,
			PublishedOn: it.PublishedOn, DueOn: it.DueOn, RepostedOn: it.RepostedOn(), ProofURL: it.ProofURL,
			ProofBy: it.ProofBy, Verdict: v})
	}
	return p, nil
}

func (h handlers) repostReport(w http.ResponseWriter, r *http.Request) {
	p, err := h.buildRepostReport(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, http.StatusOK, "staff/repost_report.html", p)
}

// repostReportXLSX is the same report as a workbook, for the inspection file.
func (h handlers) repostReportXLSX(w http.ResponseWriter, r *http.Request) {
	p, err := h.buildRepostReport(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := linkage.WriteReportXLSX(&buf, p.Report); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	sendXLSX(w, p.SiteName+"转载情况月报"+p.Month+".xlsx", buf.Bytes())
}
