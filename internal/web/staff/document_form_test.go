package staff_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestDocumentFormKeepsTypedValues(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("officer-a", auth.RoleOfficer, e.orgA)
	c := e.login("officer-a")
	form := documentForm(e.colA, "保留我输入的标题")
	form.Set("written_on", "2025/03/01")
	form.Set("doc_no", "黄经信发[2025]5号")
	form.Set("topic", "")
	form.Set("topic_other", "工业、交通\\工业")
	form["channel"] = []string{"报纸", "", "电视"}
	form["channel_date"] = []string{"2025-03-06", "", ""}
	form["channel_ref"] = []string{"黄石日报第3版", "", "新闻联播"}
	res := c.postMultipart("/admin/documents/new", form, upload{name: "附件.pdf", data: pdf})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid form: %d %s", res.status, res.body)
	}
	for _, want := range []string{
		`value="保留我输入的标题"`, `value="2025/03/01"`, `value="黄经信发[2025]5号"`, `value="工业、交通\工业"`,
		`value="黄石日报第3版"`, `value="新闻联播"`, `value="2025-03-06"`, "<option selected>报纸</option>", "<option selected>电视</option>",
		"请按“2024-01-29”的格式填写成文日期", "年份使用六角括号", "请填写各发布渠道的发布日期",
		`aria-describedby="written_on-error" aria-invalid="true"`, `id="written_on-error"`,
		`aria-describedby="doc_no-hint doc_no-error" aria-invalid="true"`,
		"所选附件尚未保存", "各有关单位",
	} {
		if !strings.Contains(res.body, want) {
			t.Errorf("re-rendered form lacks %q", want)
		}
	}
	if docs, total, _ := e.st.Documents(context.Background(), store.DocumentFilter{}); total != 0 {
		t.Fatalf("an invalid document was saved: %+v", docs)
	}
	// The form offers at least three empty channel rows without JavaScript.
	if fresh := c.get("/admin/documents/new"); strings.Count(fresh.body, `name="channel_date"`) < 3 {
		t.Fatal("fewer than three channel rows")
	}
}

func TestUploadChecks(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("officer-a", auth.RoleOfficer, e.orgA)
	c := e.login("officer-a")
	big := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), maxUpload+1)...)
	res := c.postMultipart("/admin/documents/new", documentForm(e.colA, "超大附件"), upload{name: "大文件.pdf", data: big})
	if res.status != http.StatusRequestEntityTooLarge || !strings.Contains(res.body, "附件“大文件.pdf”超过64KB") {
		t.Fatalf("oversized attachment: %d %s", res.status, res.body)
	}
	// Beyond the whole-request limit the same message, without the name.
	huge := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), maxUpload+(1<<20)+10)...)
	res = c.postMultipart("/admin/documents/new", documentForm(e.colA, "超大请求"), upload{name: "巨大.pdf", data: huge})
	if res.status != http.StatusRequestEntityTooLarge || !strings.Contains(res.body, "附件超过64KB") {
		t.Fatalf("oversized request: %d %s", res.status, res.body)
	}
	for name, data := range map[string][]byte{
		"setup.exe":  []byte("MZ\x90\x00"),
		"假装.pdf":     []byte("<html><script>alert(1)</script></html>"),
		"宏.docx":     []byte("%PDF-1.4 not a zip"),
		"page.html":  []byte("<html></html>"),
		"empty.txt":  {},
		"binary.txt": {0x00, 0x01, 0x02, 0x03},
	} {
		res := c.postMultipart("/admin/documents/new", documentForm(e.colA, "附件类型"), upload{name: name, data: data})
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "附件“"+name+"”") {
			t.Errorf("%s: %d", name, res.status)
		}
	}
	if _, total, _ := e.st.Documents(context.Background(), store.DocumentFilter{}); total != 0 {
		t.Fatalf("%d documents saved despite refused attachments", total)
	}
	// Accepted kinds, by extension and content.
	ok := []upload{
		{"通知.docx", []byte("PK\x03\x04rest-of-zip")}, {"表格.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0}},
		{"版式.ofd", []byte("PK\x03\x04ofd")}, {"说明.txt", []byte("中文说明文本\n")}, {"图.PNG", []byte("\x89PNG\r\n\x1a\nrest")},
	}
	id := docID(t, c.postMultipart("/admin/documents/new", documentForm(e.colA, "多个附件"), ok...))
	d, _ := e.st.Document(context.Background(), id)
	if len(d.Attachments) != len(ok) {
		t.Fatalf("attachments stored: %d", len(d.Attachments))
	}
	// Deleting an attachment while the document is a draft removes the file.
	a := d.Attachments[0]
	file := filepath.Join(e.app.Cfg.FilesDir(), filepath.FromSlash(a.StoredAs))
	res = c.post("/admin/documents/"+itoa(id)+"/attachments/"+itoa(a.ID)+"/delete", nil)
	if res.status != http.StatusSeeOther {
		t.Fatalf("delete attachment: %d", res.status)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Fatalf("file still there: %v", err)
	}
	if len(e.audits("attachment.delete")) != 1 {
		t.Fatal("deletion not audited")
	}
}

func TestBodySanitisedOnSave(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("officer-a", auth.RoleOfficer, e.orgA)
	c := e.login("officer-a")
	form := documentForm(e.colA, "正文过滤")
	form.Set("body_html", `<p onclick="steal()" style="text-align:right">正文</p><script>alert(1)</script><iframe src="https://evil.example"></iframe>`)
	id := docID(t, c.post("/admin/documents/new", form))
	d, _ := e.st.Document(context.Background(), id)
	if d.BodyHTML != `<p style="text-align: right">正文</p>` {
		t.Fatalf("stored body: %q", d.BodyHTML)
	}
	page := c.get("/admin/documents/" + itoa(id))
	if strings.Contains(page.body, "alert(1)") || strings.Contains(page.body, "onclick") {
		t.Fatal("unsafe markup on the preview")
	}
}
