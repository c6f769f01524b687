package docimport_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/docimport"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

const uscc = "11420200MB1234567X"

var today = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

type env struct {
	st       *store.Store
	site     catalog.Site
	dir      string // where the JSONL and its attachments are
	filesDir string
}

func newEnv(t testing.TB, st *store.Store) env {
	t.Helper()
	ctx := context.Background()
	if err := st.SeedCalendar(ctx); err != nil {
		t.Fatal(err)
	}
	e := env{st: st, site: catalog.Site{Code: "main", Name: "市经信局", USCC: uscc}, dir: t.TempDir(), filesDir: t.TempDir()}
	var err error
	if e.site.ID, err = st.CreateSite(ctx, e.site); err != nil {
		t.Fatal(err)
	}
	office, err := st.CreateOrg(ctx, catalog.Org{SiteID: e.site.ID, Name: "办公室"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateOrg(ctx, catalog.Org{SiteID: e.site.ID, Name: "政策法规科"}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []catalog.Column{{Slug: "tzgg", Name: "通知公告", Kind: catalog.KindNotice}, {Slug: "zcwj", Name: "政策文件", Kind: catalog.KindPolicy}} {
		c.SiteID, c.OrgID = e.site.ID, office
		if _, err := st.CreateColumn(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

// write stores lines (objects or raw strings) as a JSONL file.
func (e env) write(t testing.TB, name string, lines ...any) string {
	t.Helper()
	var b strings.Builder
	for _, l := range lines {
		if s, ok := l.(string); ok {
			b.WriteString(s + "\n")
			continue
		}
		j, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
		b.WriteString("\n")
	}
	p := filepath.Join(e.dir, name)
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func (e env) run(t testing.TB, path string) docimport.Result {
	t.Helper()
	res, err := docimport.ImportFile(context.Background(), e.st, path, docimport.Options{FilesDir: e.filesDir,
		MaxSize: 1 << 20, Now: func() time.Time { return today }})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func line(index, title string) map[string]any {
	return map[string]any{"site": "main", "column": "tzgg", "title": title, "body_html": "<p>正文第一段。</p><script>alert(1)</script><p>第二段。</p>",
		"doc_no": "", "index_no": index, "org": "办公室", "topic": "工业、交通", "written_on": "2024-03-01",
		"published_on": "2024-03-05", "validity": "有效"}
}

func TestImportGoodFile(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newEnv(t, st)
		pdf := []byte("%PDF-1.4\n% demo attachment\n")
		if err := os.MkdirAll(filepath.Join(e.dir, "files"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(e.dir, "files", "a.pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		old := line(uscc+"/2023-00007", "关于印发《示例办法》的通知")
		old["column"], old["genre"], old["doc_no"] = "政策文件", "行政规范性文件", "示经信规[2023]1号"
		old["written_on"], old["published_on"] = "2023-02-01", "2023-02-03"
		old["validity"], old["repealed_by_index_no"] = "已废止", uscc+"/2024-00031"
		old["channels"] = []map[string]string{{"channel": "政务微信", "date": "2023-02-03", "ref": "示例工业"}}
		old["attachments"] = []map[string]string{{"name": "示例办法.pdf", "path": "files/a.pdf"}}
		repl := line(uscc+"/2024-00031", "关于印发《示例办法（修订）》的通知")
		repl["column"], repl["genre"], repl["doc_no"] = "zcwj", "normative", "示经信规〔2024〕2号"
		late := line("", "没有索引号的通知")
		late["written_on"], late["published_on"] = "2024-01-02", "2024-03-05" // > 20 working days
		path := e.write(t, "good.jsonl", old, "", repl, late)

		res := e.run(t, path)
		if res.Imported != 3 || res.Updated != 0 || len(res.Rejected) != 0 || res.Lines != 3 || res.Generated != 1 {
			t.Fatalf("result %+v", res)
		}
		oldDoc, err := st.DocumentByIndexNo(ctx, uscc+"/2023-00007")
		if err != nil {
			t.Fatal(err)
		}
		replDoc, err := st.DocumentByIndexNo(ctx, uscc+"/2024-00031")
		if err != nil {
			t.Fatal(err)
		}
		wantPub := time.Date(2023, 2, 3, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
		switch {
		case oldDoc.State != catalog.StatePublished || !oldDoc.PublishedAt.Equal(wantPub):
			t.Errorf("state %s published %v, want published at %v", oldDoc.State, oldDoc.PublishedAt, wantPub)
		case oldDoc.ReplacedBy != replDoc.ID || oldDoc.Validity != catalog.Repealed || oldDoc.ValidityOn != "2024-03-01":
			t.Errorf("repealed link: replaced_by %d (want %d), %s on %q", oldDoc.ReplacedBy, replDoc.ID, oldDoc.Validity, oldDoc.ValidityOn)
		case oldDoc.DocNo != "示经信规〔2023〕1号" || oldDoc.Genre != catalog.GenreNormative:
			t.Errorf("文号 %q genre %s", oldDoc.DocNo, oldDoc.Genre)
		case strings.Contains(oldDoc.BodyHTML, "script") || oldDoc.Summary != "正文第一段。 第二段。":
			t.Errorf("body %q summary %q", oldDoc.BodyHTML, oldDoc.Summary)
		case len(oldDoc.Channels) != 1 || oldDoc.Channels[0].Channel != catalog.ChannelWeChat:
			t.Errorf("channels %+v", oldDoc.Channels)
		case oldDoc.Issuer != "市经信局" || oldDoc.Topic != "工业、交通":
			t.Errorf("issuer %q topic %q", oldDoc.Issuer, oldDoc.Topic)
		}
		if len(oldDoc.Attachments) != 1 {
			t.Fatalf("attachments %+v", oldDoc.Attachments)
		}
		a := oldDoc.Attachments[0]
		got, err := os.ReadFile(filepath.Join(e.filesDir, filepath.FromSlash(a.StoredAs)))
		if err != nil || string(got) != string(pdf) || a.Name != "示例办法.pdf" || a.MIME != "application/pdf" || a.Size != int64(len(pdf)) {
			t.Errorf("attachment %+v copied %q, %v", a, got, err)
		}
		// The line without 索引号 got the next number of its 成文 year, past
		// the imported 2024-00031; it was published 2 months after it was written.
		docs, _, err := st.Documents(ctx, store.DocumentFilter{Title: "没有索引号"})
		if err != nil || len(docs) != 1 {
			t.Fatalf("%v %v", docs, err)
		}
		if docs[0].IndexNo != uscc+"/2024-00032" || docs[0].LateWorkdays <= 0 {
			t.Errorf("generated 索引号 %q late %d", docs[0].IndexNo, docs[0].LateWorkdays)
		}

		// A re-run changes nothing: no new document, no update.
		before := oldDoc.UpdatedAt
		res = e.run(t, path)
		if res.Imported != 1 || res.Updated != 0 || res.Unchanged != 2 || len(res.Rejected) != 0 {
			t.Errorf("re-run %+v: want only the line without 索引号 to be new", res)
		}
		oldAgain, _ := st.DocumentByIndexNo(ctx, uscc+"/2023-00007")
		if !oldAgain.UpdatedAt.Equal(before) || oldAgain.Attachments[0].ID != a.ID {
			t.Errorf("re-run touched the document: updated %v → %v, attachment %d → %d", before, oldAgain.UpdatedAt, a.ID, oldAgain.Attachments[0].ID)
		}
	})
}

func TestImportIdempotentAndUpdates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newEnv(t, st)
		a, b := line(uscc+"/2024-00001", "第一份通知"), line(uscc+"/2024-00002", "第二份通知")
		path := e.write(t, "a.jsonl", a, b)
		if res := e.run(t, path); res.Imported != 2 {
			t.Fatalf("first run %+v", res)
		}
		if res := e.run(t, path); res.Imported != 0 || res.Updated != 0 || res.Unchanged != 2 {
			t.Fatalf("second run %+v, want 0 new, 0 updated", res)
		}
		_, total, err := st.Documents(ctx, store.DocumentFilter{SiteID: e.site.ID})
		if err != nil || total != 2 {
			t.Fatalf("%d documents after re-run, %v", total, err)
		}
		b["title"] = "第二份通知（更正）"
		path = e.write(t, "b.jsonl", a, b)
		if res := e.run(t, path); res.Imported != 0 || res.Updated != 1 || res.Unchanged != 1 {
			t.Fatalf("changed run %+v, want 1 updated", res)
		}
		d, err := st.DocumentByIndexNo(ctx, uscc+"/2024-00002")
		if err != nil || d.Title != "第二份通知（更正）" {
			t.Fatalf("title %q, %v", d.Title, err)
		}
	})
}

func TestImportRejections(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newEnv(t, st)
		if err := os.WriteFile(filepath.Join(e.dir, "fake.pdf"), []byte("MZ\x90\x00 not a pdf"), 0o644); err != nil {
			t.Fatal(err)
		}
		badDate := line(uscc+"/2024-00010", "日期错误")
		badDate["written_on"] = "2024-02-30"
		badColumn := line(uscc+"/2024-00011", "栏目错误")
		badColumn["column"] = "不存在的栏目"
		dup := line(uscc+"/2024-00012", "索引号重复")
		noTitle := line(uscc+"/2024-00013", "")
		badValidity := line(uscc+"/2024-00014", "有效性错误")
		badValidity["validity"] = "作废"
		orphan := line(uscc+"/2024-00015", "废止文件找不到")
		orphan["validity"], orphan["repealed_by_index_no"] = "已废止", uscc+"/2024-09999"
		badFile := line(uscc+"/2024-00016", "附件类型不符")
		badFile["attachments"] = []map[string]string{{"path": "fake.pdf"}}
		// Points to a line that is itself rejected: rejected too.
		chained := line(uscc+"/2024-00017", "指向被拒绝的行")
		chained["validity"], chained["repealed_by_index_no"] = "已修改", uscc+"/2024-00015"
		future := line(uscc+"/2024-00018", "未来发布")
		future["published_on"] = "2026-12-01"
		good := line(uscc+"/2024-00019", "正常的一行")
		path := e.write(t, "bad.jsonl", badDate, badColumn, dup, dup, noTitle, badValidity, orphan,
			`{"title": "坏的 JSON"`, `{"titel": "拼错的字段"}`, badFile, chained, future, good)
		res := e.run(t, path)
		if res.Imported != 2 || len(res.Rejected) != 11 {
			t.Fatalf("result %+v", res)
		}
		want := map[int]string{1: "成文日期", 2: "栏目“不存在的栏目”不存在", 4: "与第3行重复", 5: "请填写标题",
			6: "有效性“作废”无法识别", 7: "找不到索引号为", 8: "不是有效的 JSON", 9: "未知字段 \"titel\"",
			10: "内容与扩展名 .pdf 不符", 11: "找不到索引号为", 12: "晚于今天"}
		for _, rj := range res.Rejected {
			if w, ok := want[rj.Line]; !ok || !strings.Contains(rj.Reason, w) {
				t.Errorf("第%d行: %s; want it to say %q", rj.Line, rj.Reason, w)
			}
			if rj.Data == nil && rj.Text == "" {
				t.Errorf("第%d行: the report lacks the line itself", rj.Line)
			}
			delete(want, rj.Line)
		}
		if len(want) > 0 {
			t.Errorf("not rejected: %v", want)
		}
		if _, err := st.DocumentByIndexNo(ctx, uscc+"/2024-00012"); err != nil {
			t.Errorf("the first of two lines with the same 索引号 was not imported: %v", err)
		}
	})
}

func TestImportUnreadableFile(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	_, err := docimport.ImportFile(context.Background(), e.st, filepath.Join(e.dir, "missing.jsonl"), docimport.Options{FilesDir: e.filesDir})
	if err == nil || !strings.Contains(err.Error(), "无法读取文件") {
		t.Fatalf("err = %v", err)
	}
}
