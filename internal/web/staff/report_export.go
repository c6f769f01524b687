package staff

import (
	"bytes"
	"net/http"
	"net/url"

	"gongkai/internal/annualreport"
	"gongkai/internal/web"
)

// annualReportExport downloads the report in one format (HTML page, Word,
// Excel, Markdown, JSON with the check results) as it stands: live tables
// for a draft, the frozen ones once approved.
func (h handlers) annualReportExport(w http.ResponseWriter, r *http.Request) {
	_, rec, err := h.loadAnnualReport(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	f, err := annualreport.ParseExportFormat(r.PathValue("format"))
	if err != nil {
		h.app.Fail(w, r, web.ErrNotFound)
		return
	}
	b, err := h.buildReport(r.Context(), rec)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := annualreport.Export(&buf, f, b.Report, b.Findings); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	name := b.Report.FileName(f)
	w.Header().Set("Content-Type", f.ContentType())
	// RFC 6266 / 5987: the UTF-8 file name for browsers, an ASCII fallback.
	w.Header().Set("Content-Disposition", `attachment; filename="annual-report-`+itoa(int64(rec.Year))+`.`+string(f)+
		`"; filename*=UTF-8''`+url.PathEscape(name))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}
