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

// TestHotlineFormBadInput: messages beside the fields, what was typed is
// kept, markup is escaped; a saved case lists its caller masked.
func TestHotlineFormBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		e.user("gkb", auth.RoleOffice, e.orgA)
		c := e.login("gkb")
		if res := e.login("gkb").get("/admin/hotline"); res.status != http.StatusOK {
			t.Fatalf("list: %d", res.status)
		}
		form := url.Values{"channel": {"phone"}, "kind": {"complaint"}, "caller_kind": {"person"}, "caller_name": {"张三丰"},
			"caller_phone": {"<script>alert(1)</script>"}, "subject": {""}, "org": {itoa(e.orgA)}, "received_at": {"昨天上午"},
			"result": {"resolved"}, "closed_at": {""}, "content": {"<b>企业</b>反映用电问题"}}
		res := c.post("/admin/hotline/new", form)
		for _, want := range []string{"联系电话只能包含数字和连字符", "请填写诉求标题", "请填写受理时间", "已办结的事项请填写办结时间",
			`value="昨天上午"`, "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;企业&lt;/b&gt;反映用电问题", `aria-invalid="true"`} {
			if !strings.Contains(res.body, want) {
				t.Errorf("bad form lacks %q", want)
			}
		}
		if res.status != http.StatusBadRequest || strings.Contains(res.body, "<script>alert(1)") {
			t.Fatalf("bad form: %d", res.status)
		}
		form.Set("caller_phone", "13812345678")
		form.Set("subject", "企业用电报装慢")
		form.Set("received_at", "2025-03-03 09:30")
		form.Set("closed_at", "2025-03-04 16:00")
		if res := c.post("/admin/hotline/new", form); res.status != http.StatusSeeOther {
			t.Fatalf("save: %d %s", res.status, res.body)
		}
		list := c.get("/admin/hotline?year=2025")
		if !strings.Contains(list.body, "138****5678") || strings.Contains(list.body, "13812345678") || strings.Contains(list.body, "张三丰") ||
			!strings.Contains(list.body, "来电投诉1件") {
			t.Fatalf("list shows personal data or wrong counts:\n%s", list.body)
		}
		cs, _, _ := st.HotlineCases(context.Background(), store.HotlineFilter{SiteID: e.site.ID})
		if edit := c.get("/admin/hotline/" + itoa(cs[0].ID) + "/edit"); edit.status != http.StatusOK || !strings.Contains(edit.body, `value="13812345678"`) ||
			len(e.audits("hotline.reveal")) != 1 {
			t.Fatalf("edit form: %d, %d reveal audits", edit.status, len(e.audits("hotline.reveal")))
		}
		for _, a := range e.audits("hotline.save") {
			if strings.Contains(a.Detail, "1381234") || strings.Contains(a.Detail, "张三丰") {
				t.Fatalf("personal data in the audit log: %+v", a)
			}
		}
	})
}

func xlsxOf(t *testing.T, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		vals := make([]any, len(row))
		for j, v := range row {
			vals[j] = v
		}
		if err := f.SetSheetRow("Sheet1", cell, &vals); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func (c *client) uploadXLSX(path, field, name string, data []byte) response {
	c.e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile(field, name)
	_, _ = fw.Write(data)
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.e.srv.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// TestHotlineImport: a file with a bad row imports nothing and says which
// row is wrong and why; the corrected file imports; sending it again
// changes nothing.
func TestHotlineImport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		e.user("gkb", auth.RoleOffice, e.orgA)
		c := e.login("gkb")
		header := []string{"来电时间", "工单编号", "诉求类型", "诉求标题", "承办单位", "联系电话", "办结状态", "办结时间"}
		good := []string{"2025-03-01 09:00", "SL001", "投诉", "噪声扰民", "规划科", "13800001111", "已办结", "2025-03-02 10:00"}
		bad := []string{"2025-03-02 09:00", "SL002", "吐槽", "<img src=x onerror=alert(1)>", "宣传科", "", "", ""}
		res := c.uploadXLSX("/admin/hotline/import", "file", "12345.xlsx", xlsxOf(t, [][]string{header, good, bad}))
		if res.status != http.StatusBadRequest || !strings.Contains(res.body, "第3行：诉求类型“吐槽”无法识别") ||
			!strings.Contains(res.body, "第3行：承办科室“宣传科”不是本单位的科室") || strings.Contains(res.body, "<img src=x") {
			t.Fatalf("bad file: %d\n%s", res.status, res.body)
		}
		if _, n, _ := st.HotlineCases(context.Background(), store.HotlineFilter{SiteID: e.site.ID}); n != 0 {
			t.Fatalf("%d cases half-imported", n)
		}
		bad[2], bad[4] = "咨询", "办公室"
		for i, want := range []string{"新增2件，更新0件", "新增0件，更新2件"} {
			res := c.uploadXLSX("/admin/hotline/import", "file", "12345.xlsx", xlsxOf(t, [][]string{header, good, bad}))
			if res.status != http.StatusOK || !strings.Contains(res.body, want) {
				t.Fatalf("import %d: %d\n%s", i+1, res.status, res.body)
			}
		}
		if _, n, _ := st.HotlineCases(context.Background(), store.HotlineFilter{SiteID: e.site.ID}); n != 2 {
			t.Fatalf("%d cases after importing twice", n)
		}
		if res := c.uploadXLSX("/admin/hotline/import", "file", "x.csv", []byte("工单编号,受理时间\n1,2")); res.status != http.StatusBadRequest ||
			!strings.Contains(res.body, "请上传12345平台导出的 .xlsx 表格") {
			t.Fatalf("csv: %d %s", res.status, res.body)
		}
	})
}
