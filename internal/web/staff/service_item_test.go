package staff_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// serviceXLSX is a 办事指南 table as agencies keep them: a title row, then
// headers in their own words, then the items.
func serviceXLSX(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	all := append([][]any{{"示例市经信局办事服务事项目录"},
		{"序号", "事项编码*", "事项名称（必填）", "实施主体", "承办科室", "申请材料", "办理流程", "承诺时限", "法定时限", "设定依据", "收费标准", "联系电话", "办理地点"}}, rows...)
	for i, r := range all {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func (c *client) postServiceFile(path string, form url.Values, field, name string, data []byte) response {
	c.e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range form {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	fw, _ := mw.CreateFormFile(field, name)
	_, _ = fw.Write(data)
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.e.srv.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// TestServiceImport imports a 办事指南 table: tolerant headers, every
// problem reported by row in Chinese with nothing imported, then the
// corrected file imported, and imported again without duplicates.
func TestServiceImport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newEnv(t, st)
		e.user("gkb", auth.RoleOffice, e.orgA)
		office := e.login("gkb")
		good := []any{1, "JX-001", "工业企业技术改造项目备案", "市经信局", "办公室", "备案申请表；营业执照复印件", "提交\n受理\n备案", "3个工作日", "20个工作日", "《企业投资项目核准和备案管理条例》", "不收费", "0000-5550104", "政务服务中心3楼"}
		bad := [][]any{good,
			{2, "JX-002", "", "市经信局"},
			{3, "JX-001", "重复的事项", "市经信局"},
			{4, "JX-004", "专精特新认定", "市经信局", "不存在的科室"},
		}
		site := url.Values{"site": {itoa(e.site.ID)}}
		res := office.postServiceFile("/admin/services/import", site, "file", "事项.xlsx", serviceXLSX(t, bad))
		for _, want := range []string{"第4行：缺少项目名称", "第5行：事项编码“JX-001”与第3行重复", "第6行：承办科室“不存在的科室”不存在", "未导入任何事项"} {
			if !strings.Contains(res.body, want) {
				t.Errorf("import errors: missing %q (status %d)", want, res.status)
			}
		}
		if _, n, _ := st.ServiceItems(ctx, store.ServiceItemFilter{SiteID: e.site.ID}); n != 0 {
			t.Fatalf("a refused file imported %d items", n)
		}
		res = office.postServiceFile("/admin/services/import", site, "file", "x.xlsx", []byte("not a spreadsheet"))
		if !strings.Contains(res.body, "无法读取文件") {
			t.Fatalf("not an xlsx: %d", res.status)
		}
		ok := serviceXLSX(t, [][]any{good, {2, "JX-004", "专精特新认定", "市经信局", "办公室"}})
		res = office.postServiceFile("/admin/services/import", site, "file", "事项.xlsx", ok)
		if res.status != http.StatusOK || !strings.Contains(res.body, "新增2个，更新0个，未变化0个") {
			t.Fatalf("import: %d %s", res.status, res.body)
		}
		if res = office.postServiceFile("/admin/services/import", site, "file", "事项.xlsx", ok); !strings.Contains(res.body, "新增0个，更新0个，未变化2个") {
			t.Fatalf("import again: %s", res.body)
		}
		it, err := st.ServiceItemByCode(ctx, e.site.ID, "JX-001")
		if err != nil || it.OrgID != e.orgA || len(it.MaterialList()) != 2 || len(it.StepList()) != 3 || it.Basis == "" {
			t.Fatalf("imported item %+v, %v", it, err)
		}
		if res = office.get("/admin/services?site=" + itoa(e.site.ID)); !strings.Contains(res.body, "专精特新认定") || !strings.Contains(res.body, "申请条件") {
			t.Fatalf("list with missing elements: %s", res.body)
		}
		for _, path := range []string{"/admin/services/new?site=" + itoa(e.site.ID), "/admin/services/import", "/admin/services/" + itoa(it.ID) + "/edit"} {
			if res := office.get(path); res.status != http.StatusOK {
				t.Errorf("GET %s: %d", path, res.status)
			}
		}
		// A form uploaded with the item is offered on the portal, and can be removed.
		edit := url.Values{"code": {"JX-001"}, "name": {it.Name}, "org": {itoa(e.orgA)}, "materials": {it.Materials}, "published": {"1"}}
		if res = office.postMultipart("/admin/services/"+itoa(it.ID)+"/edit", edit, upload{name: "备案申请表.pdf", data: pdf}); res.status != http.StatusSeeOther {
			t.Fatalf("upload a form: %d %s", res.status, res.body)
		}
		if res = office.postMultipart("/admin/services/"+itoa(it.ID)+"/edit", edit, upload{name: "x.pdf", data: []byte("<html>")}); res.status != http.StatusBadRequest ||
			!strings.Contains(res.body, "内容与扩展名 .pdf 不符") {
			t.Fatalf("a disguised file: %d", res.status)
		}
		it, _ = st.ServiceItem(ctx, it.ID)
		if len(it.Forms) != 1 {
			t.Fatalf("forms %+v", it.Forms)
		}
		dl := e.client().get("/service/JX-001/forms/" + itoa(it.Forms[0].ID) + "/" + url.PathEscape(it.Forms[0].Name))
		if dl.status != http.StatusOK || dl.body != string(pdf) {
			t.Fatalf("portal download: %d", dl.status)
		}
		if res = office.post("/admin/services/"+itoa(it.ID)+"/forms/"+itoa(it.Forms[0].ID)+"/delete", nil); res.status != http.StatusSeeOther {
			t.Fatalf("delete form: %d", res.status)
		}
		if dl = e.client().get("/service/JX-001/forms/" + itoa(it.Forms[0].ID) + "/" + url.PathEscape(it.Forms[0].Name)); dl.status != http.StatusNotFound {
			t.Fatalf("deleted form still served: %d", dl.status)
		}
		// The form: a code taken by another item is refused beside the field, with what was typed kept.
		res = office.post("/admin/services/new", url.Values{"site": {itoa(e.site.ID)}, "code": {"JX-004"}, "name": {"另一个事项"}})
		if res.status != http.StatusConflict || !strings.Contains(res.body, "已有这个事项编码") || !strings.Contains(res.body, `value="另一个事项"`) {
			t.Fatalf("duplicate code in the form: %d", res.status)
		}
	})
}
