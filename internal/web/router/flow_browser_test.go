package router_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/catalog"
	"gongkai/internal/testenv"
)

// What the 科室信息员 types: a normative notice with its 公开目录 metadata.
const (
	title1     = "关于开展2026年度中小企业数字化转型项目申报工作的通知"
	docNo1     = "示经信发〔2026〕3号"
	writtenOn1 = "2026-11-20"
	topic1     = "工业、交通"
	body1      = "各有关单位：请于12月10日前报送申报材料。"
	wechatRef  = "“示例工业”微信公众号"
	fileName   = "申报指南.pdf"
	title2     = "示例市中小企业数字化转型项目申报实施细则"
	docNo2     = "示经信规〔2026〕1号"
	repealedOn = "2026-11-26"
)

// TestFlowDocumentInBrowser is issue 2's main flow, end to end in one
// Chromium against the whole service: a 科室信息员 writes a document with its
// metadata, a channel record and an attachment and submits it; 公开办 passes
// 初审; a 审核人 cannot pass 终审 without the 保密审查 declaration (the server
// refuses, not just the browser) and then approves with it (条例第十七条);
// the public finds it on its column page, in the 公开目录 and in the column
// feed under a well-formed, unique 索引号; repealing it puts the banner on
// its page linking the replacement, and the 目录 lists it as 已废止.
func TestFlowDocumentInBrowser(t *testing.T) {
	start := time.Now()
	phase := func(name string) { t.Logf("%-28s %6.2fs", name, time.Since(start).Seconds()) }
	e := newFlowEnv(t)
	ctx := testenv.Browser(t, 2*time.Minute)
	base := e.srv.URL
	phase("service and browser up")
	pdf := minimalPDF("Gongkai flow test attachment")
	pdfPath := filepath.Join(t.TempDir(), fileName)
	if err := os.WriteFile(pdfPath, pdf, 0o644); err != nil {
		t.Fatal(err)
	}

	// 1. The 科室信息员 of Org A writes the document and submits it.
	signIn(t, ctx, base, officerName, "王信息员")
	do(t, ctx, "open the new-document form", chromedp.Navigate(base+"/admin/documents/new"),
		chromedp.WaitVisible(chromedp.CSS(".ql-editor")))
	offered := eval[[]string](t, ctx, `[...document.querySelectorAll('#column option')].filter(o => o.value).map(o => o.value + ' ' + o.textContent.trim())`)
	if want := []string{fmt.Sprintf("%d %s", e.colA.ID, e.colA.Name)}; !slices.Equal(offered, want) {
		t.Fatalf("the officer of Org A is offered the columns %q, want only %q (not Org B's %s)", offered, want, e.colB.Name)
	}
	do(t, ctx, "fill in the document form",
		chromedp.SetValue(chromedp.CSS("#column"), strconv.FormatInt(e.colA.ID, 10)),
		chromedp.SendKeys(chromedp.CSS("#title"), title1),
		chromedp.SendKeys(chromedp.CSS("#summary"), "组织开展2026年度中小企业数字化转型项目申报"),
		chromedp.Click(chromedp.CSS(".ql-editor")),
		chromedp.SendKeys(chromedp.CSS(".ql-editor"), body1),
		chromedp.SendKeys(chromedp.CSS("#doc_no"), docNo1),
		chromedp.SetValue(chromedp.CSS("#genre"), string(catalog.GenreNormative)),
		chromedp.SetValue(chromedp.CSS("#topic"), topic1),
		chromedp.SetValue(chromedp.CSS("#written_on"), writtenOn1),
		chromedp.SetValue(chromedp.CSS(`select[name="channel"]`), string(catalog.ChannelWeChat)),
		chromedp.SetValue(chromedp.CSS(`input[name="channel_date"]`), "2026-11-21"),
		chromedp.SendKeys(chromedp.CSS(`input[name="channel_ref"]`), wechatRef),
		chromedp.SetUploadFiles(chromedp.CSS("#attachments"), []string{pdfPath}))
	status, u := load(t, ctx, "save the draft", chromedp.Click(chromedp.CSS(".doc-form .actions button[type=submit]")))
	idText, ok := strings.CutPrefix(u.Path, "/admin/documents/")
	id1, err := strconv.ParseInt(idText, 10, 64)
	if status != 200 || !ok || err != nil || text(t, ctx, ".flash") != "已创建。" {
		t.Fatalf("save: status %d at %s, flash %q, errors %q", status, u, text(t, ctx, ".flash"), text(t, ctx, ".field-error"))
	}
	d := e.document(id1)
	if d.Title != title1 || d.DocNo != docNo1 || d.WrittenOn != writtenOn1 || d.Topic != topic1 ||
		d.Genre != catalog.GenreNormative || d.ColumnID != e.colA.ID || !strings.Contains(d.BodyHTML, body1) {
		t.Fatalf("stored draft: %+v", d)
	}
	if len(d.Channels) != 1 || d.Channels[0].Channel != catalog.ChannelWeChat || d.Channels[0].Date != "2026-11-21" || d.Channels[0].Ref != wechatRef {
		t.Fatalf("stored channel records: %+v", d.Channels)
	}
	if len(d.Attachments) != 1 || d.Attachments[0].Name != fileName || d.Attachments[0].Size != int64(len(pdf)) || d.Attachments[0].MIME != "application/pdf" {
		t.Fatalf("stored attachments: %+v", d.Attachments)
	}
	status, _ = load(t, ctx, "submit for review", chromedp.Click(chromedp.CSS(`form[action$="/submit"] button`)))
	if got := e.document(id1).State; status != 200 || got != catalog.StateSubmitted || text(t, ctx, ".flash") != "已提交审核。" {
		t.Fatalf("submit: status %d, state %s, flash %q", status, got, text(t, ctx, ".flash"))
	}
	signOut(t, ctx, base)
	phase("1 officer wrote, submitted")

	// 2. 公开办 finds it among the documents awaiting 初审 and passes it.
	signIn(t, ctx, base, officeName, "李公开办")
	load(t, ctx, "open it from the 初审 queue",
		chromedp.Click(fmt.Sprintf(`//section[@aria-labelledby="review"]//a[normalize-space()=%q]`, title1)))
	status, _ = load(t, ctx, "pass 初审", chromedp.Click(chromedp.CSS(`form[action$="/first-approve"] button`)))
	if got := e.document(id1).State; status != 200 || got != catalog.StateFirstApproved || text(t, ctx, ".flash") != "已审核通过。" {
		t.Fatalf("初审: status %d, state %s, flash %q", status, got, text(t, ctx, ".flash"))
	}
	signOut(t, ctx, base)
	phase("2 office passed 初审")

	// 3. The 审核人: without the 保密审查 declaration the server refuses 终审
	// (the browser's `required` is removed first, so this is the server's
	// check); with it, the document is published.
	signIn(t, ctx, base, reviewerName, "赵审核")
	load(t, ctx, "open it from the 终审 queue",
		chromedp.Click(fmt.Sprintf(`//section[@aria-labelledby="review"]//a[normalize-space()=%q]`, title1)))
	do(t, ctx, "drop the browser-side check", chromedp.Evaluate[chromedp.Void](`(() => {
	  const c = document.getElementById('secrecy'); c.removeAttribute('required'); c.checked = false; })()`))
	status, _ = load(t, ctx, "终审 without the declaration", chromedp.Click(chromedp.CSS(`form[action$="/final-approve"] button[type=submit]`)))
	refusal := text(t, ctx, "#secrecy ~ .field-error")
	if got := e.document(id1).State; status != 422 || got != catalog.StateFirstApproved || refusal != "终审发布前必须勾选保密审查确认" {
		t.Fatalf("终审 without 保密审查: status %d, state %s, message beside the box %q", status, got, refusal)
	}
	if invalid := eval[string](t, ctx, `document.getElementById('secrecy').getAttribute('aria-invalid') || ''`); invalid != "true" {
		t.Errorf("the declaration box is not marked invalid (aria-invalid=%q)", invalid)
	}
	do(t, ctx, "tick the declaration", chromedp.Click(chromedp.CSS("#secrecy")))
	status, _ = load(t, ctx, "终审 with the declaration", chromedp.Click(chromedp.CSS(`form[action$="/final-approve"] button[type=submit]`)))
	d = e.document(id1)
	if status != 200 || d.State != catalog.StatePublished || !strings.HasPrefix(text(t, ctx, ".flash"), "已发布") {
		t.Fatalf("终审: status %d, state %s, flash %q", status, d.State, text(t, ctx, ".flash"))
	}
	if history := text(t, ctx, "#h-history + table"); !strings.Contains(history, "已确认保密审查") {
		t.Errorf("the review history does not record the declaration: %q", history)
	}
	signOut(t, ctx, base)
	phase("3 reviewer published")

	// The 索引号: {USCC}/{year of 成文日期}-{5-digit serial}, and unique.
	indexRE := regexp.MustCompile(`^` + regexp.QuoteMeta(e.site.USCC) + `/2026-\d{5}$`)
	if !indexRE.MatchString(d.IndexNo) {
		t.Fatalf("索引号 %q does not match %s", d.IndexNo, indexRE)
	}
	d2 := e.publishViaStore(title2, docNo2, "2026-11-24")
	if !indexRE.MatchString(d2.IndexNo) || d2.IndexNo == d.IndexNo {
		t.Fatalf("second 索引号 %q (first %q): want well-formed and different", d2.IndexNo, d.IndexNo)
	}

	// 4. A visitor, in a browser context with no cookies.
	visitor := newVisitor(t, ctx)
	visitorSeesDocument(t, visitor, e, d, pdf)
	phase("4 public sees it")

	// 5. The 审核人 marks it 已废止, replaced by the second document.
	signIn(t, ctx, base, reviewerName, "赵审核")
	do(t, ctx, "fill in the validity form", chromedp.Navigate(fmt.Sprintf("%s/admin/documents/%d", base, id1)),
		chromedp.SetValue(chromedp.CSS("#validity"), string(catalog.Repealed)),
		chromedp.SetValue(chromedp.CSS("#validity_on"), repealedOn),
		chromedp.SendKeys(chromedp.CSS("#replaced_by"), d2.IndexNo))
	status, _ = load(t, ctx, "save the validity", chromedp.Click(chromedp.CSS(`form[action$="/validity"] button[type=submit]`)))
	if d = e.document(id1); status != 200 || d.Validity != catalog.Repealed || d.ReplacedBy != d2.ID || text(t, ctx, ".flash") != "有效性已更新。" {
		t.Fatalf("validity: status %d, stored %s replaced by %d (want %d), flash %q", status, d.Validity, d.ReplacedBy, d2.ID, text(t, ctx, ".flash"))
	}
	signOut(t, ctx, base)
	phase("5 reviewer repealed it")

	visitorSeesRepeal(t, visitor, e, d, d2)
	screenshot(t, visitor, "flow-document-repealed")
	checkAxe(t, visitor)
	phase("banner, 目录, screenshot, axe")
}

// checkAxe runs axe-core on the visitor's current page, wants 0 violations,
// then plants one to prove axe really ran on this page. Each of the two is
// bounded by stepTimeout like every other browser step here.
func checkAxe(t *testing.T, ctx context.Context) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	for _, v := range testenv.Axe(t, sctx) {
		t.Errorf("%v", v)
	}
	cctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	testenv.AxeCanary(t, cctx)
}

// attachmentFetch is what the visitor's browser gets following the link.
type attachmentFetch struct {
	Name     string `json:"name"`
	Download bool   `json:"download"`
	Status   int    `json:"status"`
	Type     string `json:"type"`
	Data     string `json:"data"` // base64
}

// fetchAttachment follows the document page's first attachment link from
// the page itself, as a click would, and returns the bytes it gets.
func fetchAttachment(t *testing.T, ctx context.Context) (attachmentFetch, []byte) {
	t.Helper()
	f := eval[attachmentFetch](t, ctx, `(async () => {
	  const a = document.querySelector('.attachments a');
	  const r = await fetch(a.href);
	  const b = new Uint8Array(await r.arrayBuffer());
	  let s = ''; for (const x of b) s += String.fromCharCode(x);
	  return {name: a.textContent.trim(), download: a.hasAttribute('download'), status: r.status,
	    type: r.headers.get('content-type') || '', data: btoa(s)};
	})()`)
	data, err := base64.StdEncoding.DecodeString(f.Data)
	if err != nil {
		t.Fatal(err)
	}
	return f, data
}

// samePDF reports whether got is byte for byte the uploaded file.
func samePDF(got, want []byte) bool { return len(got) > 0 && bytes.Equal(got, want) }
