package staff_test

import (
	"context"
	"html"
	"net/http"
	"strings"
	"testing"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// The form offers the same attachment types the import accepts, says which
// they are, and explains a text file in the wrong encoding.
func TestUploadTypes(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("officer-a", auth.RoleOfficer, e.orgA)
	c := e.login("officer-a")
	res := c.get("/admin/documents/new")
	for _, want := range []string{
		`accept=".csv,.doc,.docx,.et,.gif,.jpeg,.jpg,.ofd,.pdf,.png,.rar,.txt,.wps,.xls,.xlsx,.zip"`,
		"允许 PDF、OFD、Word、Excel、WPS、ZIP、RAR、JPG、PNG、GIF、TXT、CSV，",
	} {
		if !strings.Contains(html.UnescapeString(res.body), want) {
			t.Errorf("form lacks %q", want)
		}
	}

	gbk := upload{"名单.csv", []byte("\xd0\xf2\xba\xc5,\xc3\xfb\xb3\xc6\n")} // 序号,名称 in GBK
	res = c.postMultipart("/admin/documents/new", documentForm(e.colA, "GBK 表格"), gbk)
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "附件“名单.csv”的内容与扩展名 .csv 不符") ||
		!strings.Contains(res.body, "CSV UTF-8") {
		t.Fatalf("GBK csv: %d %s", res.status, res.body)
	}
	res = c.postMultipart("/admin/documents/new", documentForm(e.colA, "可执行文件"), upload{"安装.msi", []byte("\xd0\xcf\x11\xe0")})
	if !strings.Contains(res.body, "只能上传以下类型的文件："+catalog.FileTypeNames()) {
		t.Fatalf("unknown type: %d %s", res.status, res.body)
	}

	ok := []upload{
		{`C:\Users\张三\Desktop\材料.rar`, []byte("Rar!\x1a\x07\x01\x00rest")},
		{"示意图.gif", []byte("GIF89a\x01\x00\x01\x00")},
		{"名单.csv", []byte("序号,名称\n1,政务公开\n")},
	}
	id := docID(t, c.postMultipart("/admin/documents/new", documentForm(e.colA, "新增类型"), ok...))
	d, _ := e.st.Document(context.Background(), id)
	if len(d.Attachments) != 3 {
		t.Fatalf("attachments: %+v", d.Attachments)
	}
	want := map[string]string{"材料.rar": "application/vnd.rar", "示意图.gif": "image/gif", "名单.csv": "text/csv; charset=utf-8"}
	for _, a := range d.Attachments {
		if want[a.Name] != a.MIME || !strings.HasPrefix(a.StoredAs, "2025/03/") || len(a.SHA256) != 64 {
			t.Errorf("stored %+v", a)
		}
		res := c.get("/admin/attachments/" + itoa(a.ID))
		if res.status != http.StatusOK || res.header.Get("Content-Type") != a.MIME || int64(len(res.body)) != a.Size {
			t.Errorf("download %s: %d %s", a.Name, res.status, res.header.Get("Content-Type"))
		}
	}
}
