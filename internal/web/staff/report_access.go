package staff

import (
	"context"
	"net/http"

	"gongkai/internal/annualreport"
	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// reportReader reports whether a user works on annual reports: the
// 公开办 drafting them or the 分管领导 approving them.
func reportReader(u auth.User) bool {
	return u.Role.CanAny(auth.PermReportEdit, auth.PermReportApprove)
}

// loadAnnualReport reads the report the path names, for a user who works
// on reports.
func (h handlers) loadAnnualReport(r *http.Request) (auth.User, store.AnnualReportRecord, error) {
	u, _ := web.UserOf(r)
	if !reportReader(u) {
		return u, store.AnnualReportRecord{}, web.ErrForbidden
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return u, store.AnnualReportRecord{}, err
	}
	rec, err := h.app.Store.AnnualReport(r.Context(), id)
	return u, rec, err
}

// buildReport builds the stored report: live tables for a draft or a
// reviewed report, the frozen ones once approved; the sections as saved
// (blank ones drafted from the data); the findings of every check.
func (h handlers) buildReport(ctx context.Context, rec store.AnnualReportRecord) (*annualreport.Built, error) {
	return annualreport.Build(ctx, h.app.Store, buildOptions(rec))
}

func buildOptions(rec store.AnnualReportRecord) annualreport.BuildOptions {
	// spec legal-rules §2.4: most agencies count in table 四 the cases filed
	// earlier and concluded in the year; the register page counts them too.
	return annualreport.BuildOptions{SiteID: rec.SiteID, Year: rec.Year, Unit: annualreport.UnitKind(rec.UnitKind),
		UnitName: rec.UnitName, IncludeEarlierReviews: true}
}

// countFindings counts errors and warnings.
func countFindings(fs []annualreport.Finding) (errs, warns int) {
	for _, f := range fs {
		if f.Severity == annualreport.SevError {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}
