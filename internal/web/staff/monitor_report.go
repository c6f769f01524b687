package staff

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"gongkai/internal/monitor"
	"gongkai/internal/web"
)

// monitorReportPage is the printable inspection report.
type monitorReportPage struct{ monitorPage }

// Sev is a severity in Chinese, for the template.
func (monitorReportPage) Sev(s string) string { return monitor.SeverityLabel(s) }

func (h handlers) monitorReport(w http.ResponseWriter, r *http.Request) {
	if p, ok := h.inspection(w, r, "网站检查报告"); ok {
		h.app.Render(w, r, http.StatusOK, "staff/monitor_report.html", monitorReportPage{p})
	}
}

// monitorReportXLSX downloads the inspection report as a workbook.
func (h handlers) monitorReportXLSX(w http.ResponseWriter, r *http.Request) {
	p, ok := h.inspection(w, r, "网站检查报告")
	if !ok {
		return
	}
	var buf bytes.Buffer
	if err := monitor.WriteInspectionXLSX(&buf, p.In); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	name := fmt.Sprintf("%s网站检查报告%s.xlsx", p.In.Site.Name, p.In.At.In(china).Format("20060102"))
	sendXLSX(w, name, buf.Bytes())
}

// sendXLSX answers with a workbook to download, named in Chinese
// (RFC 6266 filename* for the UTF-8 name, an ASCII fallback beside it).
func sendXLSX(w http.ResponseWriter, name string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	h.Set("Content-Disposition", web.Attachment("report.xlsx", name))
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Cache-Control", "no-store")
	_, _ = w.Write(data)
}
