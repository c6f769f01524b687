package staff

import (
	"fmt"
	"net/http"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type serviceImportPage struct {
	web.Page
	Sites  []catalog.Site
	SiteID int64
	Errors []rowError
	Result *store.ImportResult
}

func (h handlers) serviceImportForm(w http.ResponseWriter, r *http.Request) {
	p := serviceImportPage{Page: h.base(r, "导入办事服务事项"), Sites: h.app.Sites()}
	p.SiteID = chosenSite(r, p.Sites)
	h.app.Render(w, r, http.StatusOK, "staff/service_item_import.html", p)
}

// serviceImport reads an uploaded XLSX 办事指南 table. Every row is checked
// first and all problems are listed by row; only a file without problems
// is stored, in one transaction, matched by 事项编码 (importing it again
// changes nothing).
func (h handlers) serviceImport(w http.ResponseWriter, r *http.Request) {
	p := serviceImportPage{Page: h.base(r, "导入办事服务事项"), Sites: h.app.Sites()}
	if err := h.parseUploadForm(r); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.SiteID = formID(r, "site")
	status := http.StatusBadRequest
	defer func() { h.app.Render(w, r, status, "staff/service_item_import.html", p) }()
	if !h.siteExists(p.SiteID) {
		p.Errors = []rowError{{0, "请选择站点"}}
		return
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		p.Errors = []rowError{{0, "请选择要导入的 .xlsx 文件"}}
		return
	}
	defer file.Close()
	if hdr.Size > h.app.Cfg.MaxUpload {
		p.Errors = []rowError{{0, "文件超过" + megabytes(h.app.Cfg.MaxUpload)}}
		return
	}
	orgs, err := h.app.Store.Orgs(r.Context(), p.SiteID)
	if err != nil {
		status, p.Errors = http.StatusInternalServerError, []rowError{{0, "读取科室失败，请稍后再试"}}
		return
	}
	byName := map[string]int64{}
	for _, o := range orgs {
		byName[o.Name] = o.ID
	}
	items, errs := parseServiceXLSX(file, byName)
	if len(errs) > 0 {
		p.Errors = errs
		return
	}
	res, err := h.app.Store.ImportServiceItems(r.Context(), p.SiteID, items)
	if err != nil {
		h.app.Log.Error("service import", "err", err, "request_id", web.RequestID(r))
		status, p.Errors = http.StatusInternalServerError, []rowError{{0, "导入失败，未导入任何事项，请稍后再试"}}
		return
	}
	_ = h.app.Audit(r, "service.import", "site:"+itoa(p.SiteID), fmt.Sprintf("新增%d 更新%d 未变%d", res.Created, res.Updated, res.Unchanged))
	status, p.Result = http.StatusOK, &res
}
