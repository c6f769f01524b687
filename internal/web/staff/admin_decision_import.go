package staff

import (
	"bytes"
	"fmt"
	"io"
	"net/http"

	"gongkai/internal/annualreport"
	"gongkai/internal/web"
	"gongkai/internal/xlsxout"
)

type decisionImportPage struct {
	decisionPage
	Errors   []annualreport.ImportError
	Imported int // cells stored
	Rows     int // 科室 × month rows stored
}

func (h handlers) decisionImportForm(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	p, err := h.decisionScope(r, u)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.Title = "导入行政决定和收费登记"
	h.app.Render(w, r, http.StatusOK, "staff/admin_decision_import.html", decisionImportPage{decisionPage: p})
}

// decisionImport reads an uploaded XLSX or CSV register. Every row is
// checked first and every problem listed by line; only a file without
// problems is stored, in one transaction.
func (h handlers) decisionImport(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	if err := h.parseUploadForm(r); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	dp, err := h.decisionScope(r, u)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	dp.Title = "导入行政决定和收费登记"
	p := decisionImportPage{decisionPage: dp}
	status := http.StatusUnprocessableEntity
	defer func() { h.app.Render(w, r, status, "staff/admin_decision_import.html", p) }()
	file, hdr, err := r.FormFile("file")
	if err != nil {
		p.Errors = []annualreport.ImportError{{Message: "请选择要导入的 .xlsx 或 .csv 文件"}}
		return
	}
	defer file.Close()
	if hdr.Size > h.app.Cfg.MaxUpload {
		p.Errors = []annualreport.ImportError{{Message: "文件超过" + megabytes(h.app.Cfg.MaxUpload)}}
		return
	}
	data, err := io.ReadAll(io.LimitReader(file, h.app.Cfg.MaxUpload+1))
	if err != nil {
		p.Errors = []annualreport.ImportError{{Message: "读取文件失败，请重新上传"}}
		return
	}
	// A 科室信息员's file may only hold their own 科室 (p.Orgs is just it).
	byName := map[string]int64{}
	for _, o := range p.Orgs {
		byName[o.Name] = o.ID
	}
	cells, errs := annualreport.ParseDecisions(hdr.Filename, data, p.SiteID, p.Year, byName)
	if len(errs) > 0 {
		p.Errors = errs
		return
	}
	if err := h.app.Store.ImportAdminDecisions(r.Context(), p.SiteID, u.ID, cells); err != nil {
		h.app.Log.Error("decisions import", "err", err, "request_id", web.RequestID(r))
		status, p.Errors = http.StatusInternalServerError, []annualreport.ImportError{{Message: "导入失败，未导入任何数据，请稍后再试"}}
		return
	}
	rows := map[[2]int64]bool{}
	for _, c := range cells {
		rows[[2]int64{c.OrgID, int64(c.Month)}] = true
	}
	p.Imported, p.Rows = len(cells), len(rows)
	_ = h.app.Audit(r, "decisions.import", fmt.Sprintf("site:%d", p.SiteID), fmt.Sprintf("%d年 %d行", p.Year, p.Rows))
	status = http.StatusOK
}

// decisionTemplate is an XLSX with the header and one row per 科室 and
// month, ready to fill in, in the house layout of xlsxout.
func (h handlers) decisionTemplate(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	p, err := h.decisionScope(r, u)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	header := make([]any, len(annualreport.DecisionTemplateHeader))
	for i, s := range annualreport.DecisionTemplateHeader {
		header[i] = s
	}
	rows := [][]any{header}
	for _, o := range p.Orgs {
		for m := 1; m <= 12; m++ {
			rows = append(rows, []any{o.Name, m})
		}
	}
	var b bytes.Buffer
	// ParseDecisions reads the first sheet, whatever its name.
	if err := xlsxout.Write(&b, xlsxout.Sheet{Name: "Sheet1", Widths: []float64{20, 9.14, 16, 16, 16, 16}, Rows: rows}); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", web.Attachment(fmt.Sprintf("decisions-%d.xlsx", p.Year), fmt.Sprintf("行政决定登记表-%d.xlsx", p.Year)))
	_, _ = w.Write(b.Bytes())
}
