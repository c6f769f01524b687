package public_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

// session looks an application up and returns the lookup session cookie.
func session(t testing.TB, e *applyEnv, code, password string) *http.Cookie {
	t.Helper()
	w := e.do(t, request{method: "POST", path: "/status", values: url.Values{"code": {code}, "password": {password}}})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/status" {
		t.Fatalf("lookup %s: status %d, Location %q\n%s", code, w.Code, w.Header().Get("Location"), clip(w.Body.String()))
	}
	for _, c := range w.Result().Cookies() {
		if c.Name == "gk_status" && c.Value != "" {
			if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode {
				t.Fatalf("session cookie %+v: want HttpOnly, SameSite=Strict", c)
			}
			return c
		}
	}
	t.Fatal("lookup set no session cookie")
	return nil
}

func casePage(t testing.TB, e *applyEnv, c *http.Cookie) string {
	t.Helper()
	w := e.do(t, request{method: "GET", path: "/status", cookies: []*http.Cookie{c}})
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `id="state"`) {
		t.Fatalf("case page: status %d\n%s", w.Code, clip(w.Body.String()))
	}
	return w.Body.String()
}

func lookup(t testing.TB, e *applyEnv, code, password string) string {
	t.Helper()
	return casePage(t, e, session(t, e, code, password))
}

// file submits a valid application for person n and returns its record.
func file(t testing.TB, e *applyEnv, n int) (store.ApplicationRecord, string) {
	t.Helper()
	code, password := submitted(t, e.do(t, request{method: "POST", path: "/apply", values: validForm(n), addr: "198.51.100.7"}))
	rec, err := e.st.ApplicationByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return rec, password
}

func TestStatusLookup(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	rec, password := file(t, e, 10)
	w := e.do(t, request{method: "GET", path: "/status"})
	mustContain(t, "lookup form", w.Body.String(), `name="code"`, `name="password"`, `type="password"`)

	// A wrong password and an unknown code get the same answer.
	wrong := e.do(t, request{method: "POST", path: "/status", values: url.Values{"code": {rec.Code}, "password": {"AAAA-BBBB-CCCC"}}})
	unknown := e.do(t, request{method: "POST", path: "/status", values: url.Values{"code": {"YS2026-999999"}, "password": {password}}})
	for _, w := range []*bytesRecorder{{wrong.Code, wrong.Body.String()}, {unknown.Code, unknown.Body.String()}} {
		if w.code != http.StatusUnprocessableEntity || !strings.Contains(w.body, "查询码或查询密码不正确") {
			t.Fatalf("failed lookup: %d\n%s", w.code, clip(w.body))
		}
		mustNotContain(t, "failed lookup", w.body, `id="state"`, "不存在")
	}
	if strings.Contains(wrong.Body.String(), "AAAA-BBBB-CCCC") {
		t.Fatal("the password typed is echoed back")
	}
	w = e.do(t, request{method: "POST", path: "/status", values: url.Values{"code": {rec.Code}}})
	mustContain(t, "missing password", w.Body.String(), "请填写查询密码")

	// The right pair, typed in lower case without hyphens, opens the case.
	page := lookup(t, e, " "+strings.ToLower(rec.Code)+" ", strings.ReplaceAll(strings.ToLower(password), "-", ""))
	mustContain(t, "case page", page, rec.Code, "已收到，待分办", "2026年3月2日", `id="due-on">2026年3月30日<`,
		"政府信息公开申请接收回执", "告知书和答复（1份）", "网上提交后即时确认", "2025年度本市工业企业技术改造奖补资金的分配结果")
	mustNotContain(t, "case page", page, password, personID(10), "13800138000")

	// The receipt as a Word document, read back.
	docx := regexp.MustCompile(`href="(/status/notices/\d+\.docx)"`).FindStringSubmatch(page)
	if docx == nil {
		t.Fatal("no Word link for the receipt")
	}
	c := session(t, e, rec.Code, password)
	w = e.do(t, request{method: "GET", path: docx[1], cookies: []*http.Cookie{c}})
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/vnd.openxmlformats") {
		t.Fatalf("docx: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	if text := docxText(t, w.Body.Bytes()); !strings.Contains(text, "政府信息公开申请接收回执") || !strings.Contains(text, rec.Code) {
		t.Fatalf("docx text: %.300s", text)
	}
	// Without the session the document is not given out.
	if w = e.do(t, request{method: "GET", path: docx[1]}); w.Code != http.StatusSeeOther {
		t.Fatalf("docx without a session: %d", w.Code)
	}
	// 退出查询 ends the session.
	w = e.do(t, request{method: "POST", path: "/status/logout", cookies: []*http.Cookie{c}})
	if w = e.do(t, request{method: "GET", path: "/status", cookies: []*http.Cookie{c}}); strings.Contains(w.Body.String(), `id="state"`) {
		t.Fatal("the case is still shown after 退出查询")
	}
}

type bytesRecorder struct {
	code int
	body string
}

// Wrong passwords for one code are limited whatever the address.
func TestStatusLookupAttempts(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	rec, password := file(t, e, 11)
	last := 0
	for i := range 11 {
		w := e.do(t, request{method: "POST", path: "/status", addr: "203.0.113." + string(rune('1'+i%9)),
			values: url.Values{"code": {rec.Code}, "password": {"WRONG-PASS-0000"}}})
		last = w.Code
		if i < 10 && w.Code != http.StatusUnprocessableEntity {
			t.Fatalf("attempt %d: %d", i+1, w.Code)
		}
		if i == 10 && !strings.Contains(w.Body.String(), "错误次数过多") {
			t.Fatalf("attempt 11: %d\n%s", w.Code, clip(w.Body.String()))
		}
	}
	if last != http.StatusTooManyRequests {
		t.Fatalf("11th wrong password: %d, want 429", last)
	}
	// The applicant with the right password still gets in.
	lookup(t, e, rec.Code, password)
}

func TestStatusAmendment(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	rec, password := file(t, e, 12)
	c := session(t, e, rec.Code, password)
	if w := e.do(t, request{method: "POST", path: "/status/amend", cookies: []*http.Cookie{c},
		values: url.Values{"amend.text": {"补充"}}}); w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "当前不需要补正") {
		t.Fatalf("补正 before it was asked: %d", w.Code)
	}
	// Staff ask for a 补正 (条例第三十条).
	on := workday.FromTime(applyNow)
	if _, err := e.st.AppendEvent(ctx, store.EventAppend{ApplicationID: rec.ID, Version: rec.Version, Event: disclosure.Event{
		Kind: disclosure.EventAmendmentRequested, On: on, ActorID: 0, Note: "请写明所需奖补资金分配结果的年度和项目类别。",
		Deadline: on.AddDays(21)}}); err != nil {
		t.Fatal(err)
	}
	page := casePage(t, e, c)
	mustContain(t, "awaiting amendment", page, "待补正", "请写明所需奖补资金分配结果的年度和项目类别。", `id="amend-by">2026年3月23日<`,
		`action="/status/amend"`)
	mustNotContain(t, "awaiting amendment", page, `id="due-on"`)

	w := e.do(t, request{method: "POST", path: "/status/amend", cookies: []*http.Cookie{c}, values: url.Values{"amend.text": {"  "}}})
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("empty 补正: %d", w.Code)
	}
	besideField(t, w.Body.String(), "amend-text", "请填写补正内容，或上传补正材料")

	text := "2025年度，技术改造类项目。<b>加粗</b>"
	w = e.do(t, request{method: "POST", path: "/status/amend", cookies: []*http.Cookie{c}, values: url.Values{"amend.text": {text}},
		files: []formFile{{"amend.files", "补正说明.pdf", tinyPDF(3000)}}})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/status?sent=amend" {
		t.Fatalf("补正: %d %q\n%s", w.Code, w.Header().Get("Location"), clip(w.Body.String()))
	}
	after, err := e.st.Application(ctx, rec.ID)
	if err != nil || after.State != disclosure.StateReceived || after.DueOn.String() != "2026-03-30" {
		t.Fatalf("after 补正: state %s due %s, %v", after.State, after.DueOn, err)
	}
	events, _ := e.st.Events(ctx, rec.ID)
	if last := events[len(events)-1]; last.Kind != disclosure.EventAmended || last.Note != text || last.On != on {
		t.Fatalf("last event %+v", last)
	}
	atts, _ := e.st.ApplicationAttachments(ctx, rec.ID)
	if len(atts) != 1 || atts[0].Kind != store.AttachAmendment {
		t.Fatalf("attachments %+v", atts)
	}
	w = e.do(t, request{method: "GET", path: "/status?sent=amend", cookies: []*http.Cookie{c}})
	mustContain(t, "after 补正", w.Body.String(), "补正材料已提交", "已收到，待分办", "&lt;b&gt;加粗&lt;/b&gt;", "补正材料：补正说明.pdf")
	mustNotContain(t, "after 补正", w.Body.String(), `action="/status/amend"`, "<b>加粗")
}

func TestStatusPayment(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	rec, password := file(t, e, 13)
	on := workday.FromTime(applyNow)
	if _, err := e.st.AppendEvent(ctx, store.EventAppend{ApplicationID: rec.ID, Version: rec.Version, Event: disclosure.Event{
		Kind: disclosure.EventFeeNoticed, On: on, FeeMethod: disclosure.FeePerPage, Quantity: 40, Amount: 100,
		PayMethod: "银行转账至示例市财政局非税收入账户"}}); err != nil {
		t.Fatal(err)
	}
	c := session(t, e, rec.Code, password)
	mustContain(t, "fee noticed", casePage(t, e, c), "待缴费", "100元", "银行转账至示例市财政局非税收入账户", `action="/status/payment"`)
	w := e.do(t, request{method: "POST", path: "/status/payment", cookies: []*http.Cookie{c}})
	besideField(t, w.Body.String(), "payment-files", "请上传缴费凭证（如缴费回单的照片或截图）")
	w = e.do(t, request{method: "POST", path: "/status/payment", cookies: []*http.Cookie{c},
		files: []formFile{{"payment.files", "回单.png", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)}}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("payment: %d\n%s", w.Code, clip(w.Body.String()))
	}
	mustContain(t, "after payment", casePage(t, e, c), "您已提交缴费凭证", "缴费凭证：回单.png")
	if a, _ := e.st.Application(ctx, rec.ID); a.State != disclosure.StateAwaitingFee {
		t.Fatalf("state %s: the applicant's slip alone must not settle the fee", a.State)
	}
}

// docxText is the text of a Word document's body.
func docxText(t testing.TB, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("docx is not a zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		x, _ := io.ReadAll(rc)
		rc.Close()
		return regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(x), "")
	}
	t.Fatal("docx without word/document.xml")
	return ""
}
