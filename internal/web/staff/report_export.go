package staff

import (
	"bytes"
	"net/http"

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
	w.Header().Set("Content-Disposition", web.Attachment("annual-report-"+itoa(int64(rec.Year))+"."+string(f), name))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}
