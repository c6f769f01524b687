package staff

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"

	"gongkai/internal/annualreport"
	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/web"
)

// registerReportLint adds the check of an annual report before approval
// or of one already published: paste the text or upload the page or the
// DOCX, and see every finding (the same checks as `gongkai lint`).
func (h handlers) registerReportLint() {
	h.staff("GET /admin/report-lint", auth.PermReportEdit, h.reportLintForm)
	h.staff("POST /admin/report-lint", auth.PermReportEdit, h.reportLint)
	h.staff("GET /admin/report-lint/{id}", auth.PermReportEdit, h.reportLintStored)
}

// maxLintText bounds pasted text; a whole report is about 10,000 characters.
const maxLintText = 200_000

type reportLintPage struct {
	web.Page
	form
	Text     string
	FileName string
	Result   *annualreport.LintResult
	Errors   int
	Warnings int
}

// FormatName is the layout in words.
func (reportLintPage) FormatName(f annualreport.Format) string {
	if f == annualreport.Format2019 {
		return "2019年试行格式（国办公开办函〔2019〕60号）"
	}
	return "2021年格式（国办公开办函〔2021〕30号）"
}

func (h handlers) reportLintForm(w http.ResponseWriter, r *http.Request) {
	h.app.Render(w, r, http.StatusOK, "staff/report_lint.html", reportLintPage{Page: h.base(r, "年度报告检查")})
}

// reportLintStored checks a stored report as it would be published: its
// HTML export is read back by the linter, so what the public will see
// (labels, layout, the narrative beside the tables) is checked, not only
// the data behind it.
func (h handlers) reportLintStored(w http.ResponseWriter, r *http.Request) {
	_, rec, err := h.loadAnnualReport(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	b, err := h.buildReport(r.Context(), rec)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	var page bytes.Buffer
	if err := annualreport.Export(&page, annualreport.ExportHTML, b.Report, b.Findings); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	res, err := annualreport.LintReport(&page, annualreport.KindHTML)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := reportLintPage{Page: h.base(r, "年度报告检查"), FileName: fmt.Sprintf("%d年度报告（系统中的版本）", rec.Year)}
	p.setResult(res)
	h.app.Render(w, r, http.StatusOK, "staff/report_lint.html", p)
}

// setResult shows a lint result with its counts.
func (p *reportLintPage) setResult(res *annualreport.LintResult) {
	p.Result = res
	p.Errors, p.Warnings = res.Counts()
}

// reportLint checks what was pasted or uploaded. Nothing is stored: the
// page shows the findings, and the text as it was pasted stays in the box.
func (h handlers) reportLint(w http.ResponseWriter, r *http.Request) {
	if err := h.parseUploadForm(r); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := reportLintPage{Page: h.base(r, "年度报告检查"), Text: r.PostFormValue("text")}
	fe := catalog.FieldErrors{}
	data, kind, err := h.lintInput(r, &p, fe)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if len(fe) == 0 {
		res, lerr := annualreport.LintReport(bytes.NewReader(data), kind)
		if lerr != nil {
			field := "text"
			if p.FileName != "" {
				field = "file"
			}
			fe[field] = "无法读取：" + lerr.Error()
		} else {
			p.setResult(res)
		}
	}
	p.form = form{Errs: fe}
	status := http.StatusOK
	if len(fe) > 0 {
		status = http.StatusUnprocessableEntity
	}
	h.app.Render(w, r, status, "staff/report_lint.html", p)
}

// lintInput returns the uploaded file when there is one, else the pasted
// text, with its kind. Problems with what was sent go into fe beside the
// field; err is for failures of the server.
func (h handlers) lintInput(r *http.Request, p *reportLintPage, fe catalog.FieldErrors) ([]byte, annualreport.InputKind, error) {
	if r.MultipartForm != nil {
		if hdrs := r.MultipartForm.File["file"]; len(hdrs) > 0 && hdrs[0].Filename != "" {
			hdr := hdrs[0]
			p.FileName = uploadName(hdr.Filename)
			if hdr.Size > h.app.Cfg.MaxUpload {
				fe["file"] = "文件超过" + megabytes(h.app.Cfg.MaxUpload)
				return nil, "", nil
			}
			f, err := hdr.Open()
			if err != nil {
				return nil, "", err
			}
			defer f.Close()
			data, err := io.ReadAll(io.LimitReader(f, h.app.Cfg.MaxUpload+1))
			if err != nil {
				return nil, "", err
			}
			return data, annualreport.DetectKind(hdr.Filename, data[:min(len(data), 512)]), nil
		}
	}
	switch {
	case strings.TrimSpace(p.Text) == "":
		fe["text"] = "请粘贴年度报告全文，或选择报告文件"
	case utf8.RuneCountInString(p.Text) > maxLintText:
		fe["text"] = "粘贴的文本过长，请只粘贴一份年度报告"
	}
	return []byte(p.Text), annualreport.KindText, nil
}
