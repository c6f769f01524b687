package router_test

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/interact"
	"gongkai/internal/testenv"
)

// What the citizen types, and the answer.
const (
	msgTitle    = "中小企业数字化转型补贴怎么申请"
	msgBody     = "请问中小企业数字化转型补贴怎么申请？我的电话是13912345678。<script>window.__pwned=1</script>"
	msgAnswer   = "您好！中小企业数字化转型补贴请关注本网站“通知公告”栏目发布的申报通知，按通知要求通过省中小企业公共服务平台在线申报。"
	msgPubTitle = "关于中小企业数字化转型补贴申请方式的咨询"
	msgPubQ     = "请问中小企业数字化转型补贴怎么申请？"
)

// TestFlowMessageInBrowser is issue 8's message-board flow in one Chromium
// against the whole service: a citizen leaves a message (a mistake first:
// the form keeps what was typed and says what is wrong), gets a tracking
// code; the 公开办 routes it to a 科室 (the citizen's <script> shown as
// text, never run); the 科室信息员 answers; the 公开办 publishes it without
// the phone number; the citizen sees the answer by code, and the public
// finds it in 留言选登 and in the site search. axe-core checks every new
// public page.
func TestFlowMessageInBrowser(t *testing.T) {
	start := time.Now()
	phase := func(name string) { t.Logf("%-28s %6.2fs", name, time.Since(start).Seconds()) }
	e := newFlowEnv(t)
	ctx := testenv.Browser(t, 3*time.Minute)
	base := e.srv.URL
	citizen := newVisitor(t, ctx)
	phase("service and browser up")

	// 1. The citizen: a first try without the required fields.
	do(t, citizen, "open the message form", chromedp.Navigate(base+"/message"), chromedp.WaitVisible(chromedp.CSS("#title")))
	checkAxe(t, citizen)
	do(t, citizen, "type a title only", chromedp.SendKeys(chromedp.CSS("#title"), msgTitle))
	status, _ := load(t, citizen, "submit incomplete", chromedp.Click(chromedp.CSS("form.message-form button[type=submit]")))
	if status != 422 || !strings.Contains(text(t, citizen, "#error-summary"), "请选择留言类型") {
		t.Fatalf("incomplete form: status %d, summary %q", status, text(t, citizen, "#error-summary"))
	}
	if v := eval[string](t, citizen, `document.querySelector('#title').value`); v != msgTitle {
		t.Fatalf("the title typed was lost: %q", v)
	}
	checkAxe(t, citizen)
	do(t, citizen, "complete the form",
		chromedp.Click(chromedp.CSS("#kind-consult")),
		chromedp.SendKeys(chromedp.CSS("#body"), msgBody),
		chromedp.SendKeys(chromedp.CSS("#name"), "赵女士"),
		chromedp.SendKeys(chromedp.CSS("#phone"), "13912345678"),
		chromedp.Click(chromedp.CSS("#public")),
		chromedp.Click(chromedp.CSS("#consent")))
	status, _ = load(t, citizen, "submit", chromedp.Click(chromedp.CSS("form.message-form button[type=submit]")))
	code := text(t, citizen, "#code")
	if status != 200 || !strings.HasPrefix(code, "LY-") {
		t.Fatalf("submitted: status %d, code %q", status, code)
	}
	checkAxe(t, citizen)
	phase("1 citizen left a message")

	// 2. The 公开办 routes it to Org A; the script is text on the page.
	signIn(t, ctx, base, officeName, "李公开办")
	do(t, ctx, "open the inbox", chromedp.Navigate(base+"/admin/messages"))
	load(t, ctx, "open the message", chromedp.Click(chromedp.CSS(`a[href^="/admin/messages/"]:not([href$="settings"])`)))
	if got := text(t, ctx, "#message-body"); !strings.Contains(got, "<script>window.__pwned=1</script>") {
		t.Fatalf("the message body is not shown as typed: %q", got)
	}
	if eval[bool](t, ctx, `window.__pwned !== undefined`) {
		t.Fatal("the citizen's script ran in the back office")
	}
	msgURL := eval[string](t, ctx, `location.href`)
	do(t, ctx, "choose the 科室", chromedp.SetValue(chromedp.CSS("#route-org"), strconv.FormatInt(e.orgA, 10)))
	load(t, ctx, "route", chromedp.Click(chromedp.CSS(`form[action$="/route"] button[type=submit]`)))
	if st := text(t, ctx, "#message-status"); st != "办理中" {
		t.Fatalf("after routing the status is %q", st)
	}
	signOut(t, ctx, base)
	phase("2 routed")

	// 3. The 科室信息员 of Org A answers.
	signIn(t, ctx, base, officerName, "王信息员")
	do(t, ctx, "write the answer", chromedp.Navigate(msgURL), chromedp.SendKeys(chromedp.CSS("#answer"), msgAnswer))
	load(t, ctx, "answer", chromedp.Click(chromedp.CSS(`form[action$="/answer"] button[type=submit]`)))
	if st := text(t, ctx, "#message-status"); st != "已答复" {
		t.Fatalf("after answering the status is %q", st)
	}
	signOut(t, ctx, base)
	phase("3 answered")

	// 4. The 公开办 publishes it: the phone number was masked in the form.
	signIn(t, ctx, base, officeName, "李公开办")
	do(t, ctx, "open the publish form", chromedp.Navigate(msgURL), chromedp.WaitVisible(chromedp.CSS("#pub_question")))
	if q := eval[string](t, ctx, `document.querySelector('#pub_question').value`); strings.Contains(q, "13912345678") {
		t.Fatalf("the publish form offers the phone number: %q", q)
	}
	do(t, ctx, "edit the published texts",
		chromedp.SetValue(chromedp.CSS("#pub_title"), msgPubTitle),
		chromedp.SetValue(chromedp.CSS("#pub_question"), msgPubQ),
		chromedp.Click(chromedp.CSS("#secrecy")))
	load(t, ctx, "publish", chromedp.Click(chromedp.CSS(`form[action$="/publish"] button[type=submit]`)))
	if f := text(t, ctx, ".flash"); !strings.Contains(f, "已选登公开") {
		t.Fatalf("publish: flash %q", f)
	}
	signOut(t, ctx, base)
	phase("4 published")

	// 5. The citizen sees the answer by code (typed by hand, lower case).
	do(t, citizen, "open tracking", chromedp.Navigate(base+"/message/track"),
		chromedp.SendKeys(chromedp.CSS("#code"), strings.ToLower(code)))
	load(t, citizen, "look up", chromedp.Click(chromedp.CSS("form.pub-form button[type=submit]")))
	if got := text(t, citizen, ".message-answer"); got != msgAnswer {
		t.Fatalf("tracking shows the answer %q", got)
	}
	if got := text(t, citizen, ".message-status"); got != interact.StatusAnswered.Label() {
		t.Fatalf("tracking shows the status %q", got)
	}
	checkAxe(t, citizen)
	phase("5 citizen read the answer")

	// 6. The public list, the message page and the site search.
	visitor := newVisitor(t, ctx)
	do(t, visitor, "open 留言选登", chromedp.Navigate(base+"/messages"))
	if got := text(t, visitor, ".message-list li a"); got != msgPubTitle {
		t.Fatalf("the public list shows %q", got)
	}
	checkAxe(t, visitor)
	load(t, visitor, "open the message", chromedp.Click(chromedp.CSS(".message-list li a")))
	meta := metaTable(t, visitor)
	if meta["答复部门"] != "办公室" || meta["受理日期"] == "" || meta["答复日期"] == "" {
		t.Fatalf("message page metadata %v", meta)
	}
	if body := text(t, visitor, "main"); strings.Contains(body, "13912345678") || strings.Contains(body, "赵女士") {
		t.Fatal("personal data on the public page")
	}
	checkAxe(t, visitor)
	do(t, visitor, "search the site", chromedp.Navigate(base+"/search?q="+url.QueryEscape("数字化转型补贴")))
	if got := text(t, visitor, ".result-list"); !strings.Contains(got, "中小企业数字化转型补贴申请方式的咨询") {
		t.Fatalf("site search results: %q", got)
	}
	do(t, visitor, "search 留言选登", chromedp.Navigate(base+"/messages?q="+url.QueryEscape("数字化转型")))
	if got := text(t, visitor, ".message-list"); !strings.Contains(got, msgPubTitle) {
		t.Fatalf("留言选登 search: %q", got)
	}
	screenshot(t, visitor, "flow-message-search")
	phase(fmt.Sprintf("6 public found it (%s)", code))
}
