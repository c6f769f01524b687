package public_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// msgForm is a complete message.
func msgForm() url.Values {
	return url.Values{"kind": {"consult"}, "title": {"技改补贴什么时候申报"}, "body": {"请问2026年度技术改造补贴什么时候开始申报？需要哪些材料？"},
		"name": {"张先生"}, "phone": {"13800138000"}, "email": {"zhang@example.com"}, "public": {"yes"}, "consent": {"yes"}}
}

// msgPost sends a form as a browser sends this one (urlencoded).
func msgPost(t testing.TB, e *applyEnv, path string, v url.Values, addr string, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(v.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if addr != "" {
		r.RemoteAddr = addr + ":40000"
	}
	for _, c := range cookies {
		r.AddCookie(c)
	}
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, r)
	return w
}

var msgCodeRE = regexp.MustCompile(`id="code">(LY-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})<`)

func msgSubmitted(t testing.TB, w *httptest.ResponseRecorder) string {
	t.Helper()
	body := w.Body.String()
	if w.Code != http.StatusOK || !strings.Contains(body, "留言已提交") {
		t.Fatalf("submission: status %d, want the confirmation:\n%s", w.Code, clip(body))
	}
	m := msgCodeRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no tracking code:\n%s", clip(body))
	}
	return m[1]
}

func TestMessageFormPage(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	w := e.do(t, request{method: "GET", path: "/message"})
	body := w.Body.String()
	if w.Code != http.StatusOK || w.Header().Get("Cache-Control") != "no-store" {
		t.Fatalf("GET /message: %d, Cache-Control %q", w.Code, w.Header().Get("Cache-Control"))
	}
	mustContain(t, "form", body, `name="kind"`, "咨询", "建议", "投诉", `name="title"`, `name="body"`, `name="phone"`,
		`name="public"`, "个人信息处理说明", "10个工作日内答复", `name="website"`, `tabindex="-1"`)
	mustNotContain(t, "a first visit", body, `name="answer"`, "<img", "captcha")
}

// Bad input: each message beside its field, in the summary, and every
// value typed kept.
func TestMessageBadInput(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	v := msgForm()
	v.Del("kind")
	v.Set("title", "问")
	v.Set("phone", "电话号码")
	v.Set("email", "zhang@")
	v.Del("consent")
	w := msgPost(t, e, "/message", v, "")
	body := w.Body.String()
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("bad input: %d", w.Code)
	}
	mustContain(t, "kind", body, `id="kind-error">请选择留言类型：咨询、建议或投诉<`, `aria-describedby="kind-error" aria-invalid="true"`)
	besideField(t, body, "title", "标题太短，请至少写4个字，把问题说清楚")
	besideField(t, body, "phone", "联系电话只能包含数字和“-”，例如：13800138000 或 0714-1234567")
	besideField(t, body, "consent", "请阅读个人信息处理说明，并勾选“我已阅读并同意”")
	mustContain(t, "summary and kept values", body, "提交未成功，请修改以下5项", `href="#title"`, "您已填写的内容都已保留",
		`value="问"`, `value="电话号码"`, `value="zhang@"`, "请问2026年度技术改造补贴什么时候开始申报？需要哪些材料？", `value="张先生"`)
	if got, _, _ := e.st.Messages(context.Background(), store.MessageFilter{}); len(got) != 0 {
		t.Fatal("an invalid message was stored")
	}
	// Too long a text says how long it is.
	w = msgPost(t, e, "/message", with(msgForm(), "body", strings.Repeat("长", 2001)), "")
	besideField(t, w.Body.String(), "body", "留言内容不能超过2000个字，您写了2001个字")
}

func TestMessageSubmitAndTrack(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newApplyEnv(t, st)
		script := `<script>alert("x")</script>请问补贴<img src=x onerror=alert(1)>何时申报？`
		w := msgPost(t, e, "/message", with(msgForm(), "body", script), "")
		code := msgSubmitted(t, w)
		// Received Monday 2026-03-02: due 10 working days later.
		mustContain(t, "confirmation", w.Body.String(), "2026年3月2日", "2026年3月16日前", "同意在删除个人信息后公开")
		m, err := st.MessageByCode(context.Background(), e.site.ID, code)
		if err != nil || m.Body != script || m.DueOn.String() != "2026-03-16" || !m.Public || m.Phone != "13800138000" {
			t.Fatalf("stored %+v %v", m, err)
		}
		// Tracking: the code as typed by hand (lower case, no dashes).
		typed := strings.ToLower(strings.ReplaceAll(code, "-", ""))
		w = msgPost(t, e, "/message/track", url.Values{"code": {typed}}, "")
		page := w.Body.String()
		if w.Code != http.StatusOK {
			t.Fatalf("track: %d\n%s", w.Code, clip(page))
		}
		mustContain(t, "tracking page", page, "待分办", "2026年3月16日前", `&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`)
		mustNotContain(t, "tracking page", page, "<script>alert", "<img src=x", "13800138000", "张先生")
		w = msgPost(t, e, "/message/track", url.Values{"code": {"LY-2222-3333-4444"}}, "")
		if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "没有找到该查询码对应的留言") {
			t.Fatalf("unknown code: %d", w.Code)
		}
		w = msgPost(t, e, "/message/track", url.Values{"code": {""}}, "")
		mustContain(t, "empty code", w.Body.String(), `id="code-error"`, "请填写留言查询码")
	})
}

func TestMessageHoneypot(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	w := msgPost(t, e, "/message", with(msgForm(), "website", "http://spam.example"), "")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "留言未能提交") {
		t.Fatalf("honeypot: %d", w.Code)
	}
	mustNotContain(t, "refusal", w.Body.String(), "honeypot", "机器人", "LY-")
	if got, _, _ := e.st.Messages(context.Background(), store.MessageFilter{}); len(got) != 0 {
		t.Fatal("a honeypot submission was stored")
	}
}

// The board shares the application form's budget per address: four
// applications leave one submission, so the message asks the question in
// words — and a right answer passes.
func TestMessageSharesTheFormBudget(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	const addr = "198.51.100.40"
	for i := range 4 {
		submitted(t, e.do(t, request{method: "POST", path: "/apply", values: validForm(40 + i), addr: addr}))
	}
	w := msgPost(t, e, "/message", msgForm(), addr)
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("near the limit: %d", w.Code)
	}
	body := w.Body.String()
	mustContain(t, "question", body, "五、请回答问题", "本网站近期收到的留言较多。", `value="技改补贴什么时候申报"`, `name="website"`)
	id, right := answer(t, body)
	msgSubmitted(t, msgPost(t, e, "/message", with(msgForm(), "question_id", id, "answer", right), addr))
}

// A signed-in citizen finds their messages in their account.
func TestMessageMine(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	cid, err := e.st.CreateCitizen(ctx, store.Citizen{Username: "13900001111", PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	token, hash := auth.NewToken()
	if err := e.st.CreateCitizenSession(ctx, store.CitizenSession{TokenHash: hash, CitizenID: cid, CreatedAt: time.Now(), LastSeen: applyNow}); err != nil {
		t.Fatal(err)
	}
	cookie := &http.Cookie{Name: "gk_citizen", Value: token}
	code := msgSubmitted(t, msgPost(t, e, "/message", msgForm(), "", cookie))
	msgSubmitted(t, msgPost(t, e, "/message", with(msgForm(), "title", "另一位访客的留言"), ""))
	w := e.do(t, request{method: "GET", path: "/message/mine", cookies: []*http.Cookie{cookie}})
	mustContain(t, "my messages", w.Body.String(), code, "技改补贴什么时候申报", "共1条留言")
	mustNotContain(t, "my messages", w.Body.String(), "另一位访客的留言")
	mustContain(t, "signed out", e.do(t, request{method: "GET", path: "/message/mine"}).Body.String(), "登录")
}

// A published answer is in the public list (with search and paging), on
// its page, in its column and in the site search; a message not published
// is nowhere.
func TestMessagePublicList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newApplyEnv(t, st)
		ctx := context.Background()
		org, err := st.CreateOrg(ctx, catalog.Org{SiteID: e.site.ID, Name: "中小企业科"})
		if err != nil {
			t.Fatal(err)
		}
		published := publishMessage(t, e, org, "关于专精特新企业认定条件的咨询", "专精特新企业认定需要满足哪些条件？", "请参阅认定管理办法第五条。")
		msgSubmitted(t, msgPost(t, e, "/message", with(msgForm(), "title", "尚未答复的留言标题"), ""))
		list := e.do(t, request{method: "GET", path: "/messages"}).Body.String()
		mustContain(t, "public list", list, "关于专精特新企业认定条件的咨询", "中小企业科", "/messages/")
		mustNotContain(t, "public list", list, "尚未答复的留言标题", "13800138000", "张先生")
		found := e.do(t, request{method: "GET", path: "/messages?q=" + url.QueryEscape("专精特新")}).Body.String()
		mustContain(t, "search hit", found, "关于专精特新企业认定条件的咨询")
		none := e.do(t, request{method: "GET", path: "/messages?q=" + url.QueryEscape("数据中心")}).Body.String()
		mustContain(t, "no hit", none, "没有找到包含“数据中心”的留言")
		mustNotContain(t, "no hit", none, "关于专精特新企业认定条件的咨询")
		show := e.do(t, request{method: "GET", path: "/messages/" + strconv.FormatInt(published.ID, 10)})
		mustContain(t, "message page", show.Body.String(), "受理日期", "答复日期", "答复部门", "中小企业科", "请参阅认定管理办法第五条。")
		if w := e.do(t, request{method: "GET", path: "/messages/999999"}); w.Code != http.StatusNotFound {
			t.Fatalf("unknown message: %d", w.Code)
		}
		col := e.do(t, request{method: "GET", path: "/col/lyxd/"}).Body.String()
		mustContain(t, "留言选登 column", col, "关于专精特新企业认定条件的咨询")
		mustContain(t, "column feed", e.do(t, request{method: "GET", path: "/col/lyxd/feed.xml"}).Body.String(), "关于专精特新企业认定条件的咨询")
		mustContain(t, "site search", e.do(t, request{method: "GET", path: "/search?q=" + url.QueryEscape("专精特新")}).Body.String(),
			"找到 1 条结果", "/doc/"+strconv.FormatInt(published.DocumentID, 10), "企业认定条件的咨询", "栏目：留言选登")
	})
}

// publishMessage takes a message through routing, answer and publication
// as the back office does, straight through the store.
func publishMessage(t testing.TB, e *applyEnv, org int64, title, question, ans string) store.Message {
	t.Helper()
	ctx := context.Background()
	st := e.st
	m, err := st.CreateMessage(ctx, store.NewMessageRecord{SiteID: e.site.ID, ReceivedAt: applyNow.Add(-48 * time.Hour),
		Message: interact.NewMessage{Kind: interact.KindConsult, Title: title, Body: question, Name: "李女士", Phone: "13700001111", Public: true}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []interact.MessageStep{{Action: interact.ActRoute, OrgID: org}, {Action: interact.ActAnswer, Answer: ans}} {
		to, err := interact.NextMessage(m.State(), s)
		if err != nil {
			t.Fatal(err)
		}
		if m, err = st.RecordMessageStep(ctx, store.MessageChange{ID: m.ID, From: m.Status, To: to, Step: s, At: applyNow}); err != nil {
			t.Fatal(err)
		}
	}
	col, err := st.MessageColumn(ctx, e.site.ID)
	if err != nil {
		t.Fatal(err)
	}
	staff, err := st.CreateUser(ctx, auth.User{Username: "gkb-" + strconv.FormatInt(m.ID, 10), DisplayName: "公开办", Role: auth.RoleOffice, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	pub := interact.MessageStep{Action: interact.ActPublish, PubTitle: title, PubQuestion: question, PubAnswer: ans, SecrecyChecked: true}
	m, err = st.PublishMessage(ctx, store.MessagePublication{ID: m.ID, Step: pub, At: applyNow, ActorID: staff,
		Doc: catalog.Document{SiteID: e.site.ID, ColumnID: col.ID, OrgID: org, Title: title, Summary: question,
			BodyHTML: "<p>" + question + "</p><p>" + ans + "</p>", WrittenOn: "2026-03-02"}})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
