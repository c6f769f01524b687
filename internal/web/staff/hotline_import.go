package staff

import (
	"errors"
	"net/http"
	"time"

	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type hotlineImportPage struct {
	web.Page
	FileError string
	Problems  []interact.ImportProblem
	Result    *store.HotlineImportResult
	Valid     int
}

// maxHotlineImport bounds the uploaded export (a year of tickets is well
// under a megabyte).
const maxHotlineImport = 10 << 20

func (h handlers) hotlineImportForm(w http.ResponseWriter, r *http.Request) {
	h.app.Render(w, r, http.StatusOK, "staff/hotline_import.html", hotlineImportPage{Page: h.base(r, "导入12345工单")})
}

// hotlineImport reads the 12345 platform's XLSX export. Every row is
// checked first; if any row is wrong nothing is imported and each problem
// is listed with its row number, so the file can be corrected and sent
// again. A ticket already stored is updated, never doubled.
func (h handlers) hotlineImport(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := hotlineImportPage{Page: h.base(r, "导入12345工单")}
	r.Body = http.MaxBytesReader(w, r.Body, maxHotlineImport)
	file, _, err := r.FormFile("file")
	if err != nil {
		p.FileError = "请选择12345平台导出的 .xlsx 文件（不超过10MB）"
		h.app.Render(w, r, http.StatusBadRequest, "staff/hotline_import.html", p)
		return
	}
	defer file.Close()
	site := h.interactSite(r)
	orgs, err := h.app.Store.Orgs(ctx, site.ID)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	byName := map[string]int64{}
	var office int64
	for _, o := range orgs {
		byName[o.Name] = o.ID
		if office == 0 || o.Name == "办公室" {
			office = o.ID
		}
	}
	parsed, err := interact.ParseHotlineXLSX(file, byName, office, china)
	if err != nil {
		p.FileError = err.Error() // the parser's messages are Chinese and name no internals
		h.app.Render(w, r, http.StatusBadRequest, "staff/hotline_import.html", p)
		return
	}
	p.Valid = len(parsed.Cases)
	if len(parsed.Problems) > 0 {
		p.Problems = parsed.Problems
		h.app.Render(w, r, http.StatusBadRequest, "staff/hotline_import.html", p)
		return
	}
	res, err := h.app.Store.ImportHotlineCases(ctx, site.ID, parsed.Cases)
	if err == nil {
		err = h.app.Audit(r, "hotline.import", "site:"+itoa(site.ID), itoa(int64(res.Created))+" created, "+itoa(int64(res.Updated))+" updated")
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.Result = &res
	h.app.Render(w, r, http.StatusOK, "staff/hotline_import.html", p)
}

// interactTime parses a typed time in China (zero when empty or invalid).
func interactTime(s string) time.Time {
	t, _ := interact.ParseDateTime(s, china)
	return t
}

func isConflict(err error) bool { return errors.Is(err, store.ErrConflict) }
