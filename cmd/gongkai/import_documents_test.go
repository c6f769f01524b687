package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

const importFile = `{"site":"main","column":"zcwj","title":"关于印发《示例办法》的通知","body_html":"<p>正文</p>","doc_no":"示经信规〔2023〕1号","index_no":"11420200MB1234567X/2023-00005","org":"政策法规科","topic":"工业、交通","genre":"normative","written_on":"2023-02-01","published_on":"2023-02-03","validity":"已废止","repealed_by_index_no":"11420200MB1234567X/2024-00002","channels":[{"channel":"报纸","date":"2023-02-04","ref":"《示例日报》第2版"}],"attachments":[{"name":"办法全文.pdf","path":"att/full.pdf"}]}
{"site":"main","column":"tzgg","title":"日期错误的通知","written_on":"2024-13-01","published_on":"2024-03-05","index_no":"11420200MB1234567X/2024-00003"}
{"site":"main","column":"zcwj","title":"关于印发《示例办法（修订）》的通知","body_html":"<p>修订</p>","doc_no":"示经信规〔2024〕1号","index_no":"11420200MB1234567X/2024-00002","genre":"行政规范性文件","written_on":"2024-03-01","published_on":"2024-03-04"}
{"site":"main","column":"nosuch","title":"栏目错误","written_on":"2024-03-01","published_on":"2024-03-04","index_no":"11420200MB1234567X/2024-00004"}
{"site":"main","column":"tzgg","title":"重复的索引号","written_on":"2024-03-01","published_on":"2024-03-04","index_no":"11420200MB1234567X/2024-00002"}
{"site":"main","column":"tzgg","title":"","written_on":"2024-03-01","published_on":"2024-03-04","index_no":"11420200MB1234567X/2024-00006"}
{"site":"main","column":"tzgg","title":"有效性错误","written_on":"2024-03-01","published_on":"2024-03-04","validity":"作废","index_no":"11420200MB1234567X/2024-00007"}
{"site":"main","column":"tzgg","title":"废止文件不存在","written_on":"2024-03-01","published_on":"2024-03-04","validity":"已修改","repealed_by_index_no":"11420200MB1234567X/2024-09999","index_no":"11420200MB1234567X/2024-00008"}
`

func writeImportFile(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "att"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "att", "full.pdf"), []byte("%PDF-1.7\nfull text\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "old-cms.jsonl")
	if err := os.WriteFile(p, []byte(importFile), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportDocuments(t *testing.T) {
	for _, engine := range []store.Dialect{store.SQLite, store.Postgres} {
		t.Run(string(engine), func(t *testing.T) { testImportDocuments(t, engine) })
	}
}

func testImportDocuments(t *testing.T, engine store.Dialect) {
	ctx := context.Background()
	data, dsn := t.TempDir(), ""
	if engine == store.Postgres {
		dsn = storetest.PostgresDSN(t)
	}
	st := openData(t, data, dsn)
	seedSite(t, st)
	file := writeImportFile(t)
	report := filepath.Join(t.TempDir(), "rejected.jsonl")
	args := []string{"import", "documents", "--data", data, file, "--report", report}
	if dsn != "" {
		args = append(args, "--db", dsn)
	}
	r := gk(t, args...)
	if r.code != 0 {
		t.Fatalf("code %d, err %q", r.code, r.err)
	}
	for _, want := range []string{"共 8 行，新导入 2 条，更新 0 条，未变化 0 条，拒绝 6 行",
		"第2行: 请按“2024-01-29”的格式填写成文日期", "第4行: 栏目“nosuch”不存在", "第5行: 索引号“11420200MB1234567X/2024-00002”与第3行重复",
		"第6行: 请填写标题", "第7行: 有效性“作废”无法识别", "第8行: 找不到索引号为“11420200MB1234567X/2024-09999”的废止或修改文件"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("output lacks %q:\n%s", want, r.out)
		}
	}
	if !strings.Contains(r.err, "已处理 8/8 行") {
		t.Errorf("no progress on stderr: %q", r.err)
	}
	checkReport(t, report, []int{2, 4, 5, 6, 7, 8})

	old, err := st.DocumentByIndexNo(ctx, "11420200MB1234567X/2023-00005")
	if err != nil {
		t.Fatal(err)
	}
	repl, err := st.DocumentByIndexNo(ctx, "11420200MB1234567X/2024-00002")
	if err != nil {
		t.Fatal(err)
	}
	if old.ReplacedBy != repl.ID || old.Validity != catalog.Repealed || old.State != catalog.StatePublished {
		t.Errorf("repealed document: replaced_by %d (want %d), %s, %s", old.ReplacedBy, repl.ID, old.Validity, old.State)
	}
	if len(old.Attachments) != 1 {
		t.Fatalf("attachments %+v", old.Attachments)
	}
	copied, err := os.ReadFile(filepath.Join(data, "files", filepath.FromSlash(old.Attachments[0].StoredAs)))
	if err != nil || string(copied) != "%PDF-1.7\nfull text\n" {
		t.Errorf("attachment not copied under the files dir: %q, %v", copied, err)
	}

	// Re-running the same file imports nothing new and changes nothing.
	r = gk(t, args...)
	if r.code != 0 || !strings.Contains(r.out, "新导入 0 条，更新 0 条，未变化 2 条，拒绝 6 行") {
		t.Fatalf("re-run: code %d, out %q, err %q", r.code, r.out, r.err)
	}
	_, total, err := st.Documents(ctx, store.DocumentFilter{})
	if err != nil || total != 2 {
		t.Errorf("%d documents after the re-run, %v", total, err)
	}
	again, _ := st.DocumentByIndexNo(ctx, "11420200MB1234567X/2023-00005")
	if !again.UpdatedAt.Equal(old.UpdatedAt) || len(again.Attachments) != 1 || again.Attachments[0].ID != old.Attachments[0].ID {
		t.Errorf("re-run changed the document: %+v", again)
	}
}

func checkReport(t *testing.T, path string, lines []int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var rj struct {
			Line   int             `json:"line"`
			Reason string          `json:"reason"`
			Data   json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rj); err != nil || rj.Reason == "" || len(rj.Data) == 0 {
			t.Errorf("report line %q: %v", sc.Text(), err)
		}
		got = append(got, rj.Line)
	}
	if len(got) != len(lines) {
		t.Fatalf("report has lines %v, want %v", got, lines)
	}
	for i := range lines {
		if got[i] != lines[i] {
			t.Errorf("report has lines %v, want %v", got, lines)
			break
		}
	}
}

func TestImportDocumentsUnreadable(t *testing.T) {
	r := gk(t, "import", "documents", "--data", t.TempDir(), filepath.Join(t.TempDir(), "missing.jsonl"))
	if r.code != 1 || !strings.Contains(r.err, "无法读取文件") {
		t.Errorf("code %d, err %q", r.code, r.err)
	}
}
