package public_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// post sends a form to path.
func (p *portal) post(t testing.TB, path string, form url.Values) (int, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "http://gk.example.gov.cn"+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = "192.0.2.7:5000"
	rec := httptest.NewRecorder()
	p.h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func (p *portal) postJSON(t testing.TB, path, body, addr string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "http://gk.example.gov.cn"+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = addr
	rec := httptest.NewRecorder()
	p.h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func TestAssistantPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		p := searchPortal(t, st)
		mustContain(t, "empty page", p.page(t, "/assistant", 200), "智能问答", `action="/assistant"`, "可以这样问")
		code, body := p.post(t, "/assistant", url.Values{"question": {"技术改造奖补办法有哪些规定？"}})
		if code != 200 {
			t.Fatalf("%d %s", code, clip(body))
		}
		mustContain(t, "answer", body, "出处", "黄经信发〔2025〕12号", "/doc/", "根据《")
		mustNotContain(t, "answer", body, "【已废止】")
		code, body = p.post(t, "/assistant", url.Values{"question": {"明天天气怎么样"}})
		if code != 200 {
			t.Fatalf("%d", code)
		}
		mustContain(t, "refusal", body, "未找到可靠依据", "咨询电话 0714-6541234", "/search")
		code, body = p.post(t, "/assistant", url.Values{"question": {"  "}})
		if code != 400 || !strings.Contains(body, "请输入您的问题") {
			t.Errorf("empty question: %d", code)
		}
		code, body = p.post(t, "/assistant", url.Values{"question": {strings.Repeat("长", 101)}})
		if code != 400 || !strings.Contains(body, "不能超过 100 个字") || !strings.Contains(body, strings.Repeat("长", 101)) {
			t.Errorf("long question: %d", code)
		}
		// The search page offers the widget.
		mustContain(t, "widget", p.page(t, "/search?q=x", 200), `class="qa-widget"`, `name="question"`)
	})
}

func TestAssistantAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		p := searchPortal(t, st)
		code, body := p.postJSON(t, "/api/v1/assistant/ask", `{"question":"技术改造奖补办法"}`, "198.51.100.1:1")
		if code != 200 {
			t.Fatalf("%d %s", code, body)
		}
		var res map[string]any
		if err := json.Unmarshal([]byte(body), &res); err != nil {
			t.Fatal(err)
		}
		cits, _ := res["citations"].([]any)
		if res["confident"] != true || res["answer"] == "" || len(cits) == 0 {
			t.Fatalf("%s", body)
		}
		c := cits[0].(map[string]any)
		for _, k := range []string{"title", "url", "doc_no", "validity"} {
			if _, ok := c[k]; !ok {
				t.Errorf("citation lacks %s", k)
			}
		}
		if !strings.HasPrefix(c["url"].(string), "http://gk.example.gov.cn/doc/") {
			t.Errorf("url %v", c["url"])
		}
		code, body = p.postJSON(t, "/api/v1/assistant/ask", `{"question":"怎么做红烧肉"}`, "198.51.100.1:1")
		if code != 200 || !strings.Contains(body, `"confident":false`) || !strings.Contains(body, "未找到可靠依据") {
			t.Errorf("refusal: %d %s", code, body)
		}
		if code, _ := p.postJSON(t, "/api/v1/assistant/ask", `{"q":1}`, "198.51.100.2:1"); code != 400 {
			t.Errorf("bad body: %d", code)
		}
		// Rate limit: a burst of five, then 429 for this address only.
		for i := 0; i < 4; i++ {
			p.postJSON(t, "/api/v1/assistant/ask", `{"question":"绿色工厂"}`, "203.0.113.9:1")
		}
		if code, _ := p.postJSON(t, "/api/v1/assistant/ask", `{"question":"绿色工厂"}`, "203.0.113.9:1"); code != 200 {
			t.Errorf("fifth question refused: %d", code)
		}
		if code, body := p.postJSON(t, "/api/v1/assistant/ask", `{"question":"绿色工厂"}`, "203.0.113.9:1"); code != 429 || !strings.Contains(body, "过于频繁") {
			t.Errorf("sixth question: %d %s", code, body)
		}
		if code, _ := p.postJSON(t, "/api/v1/assistant/ask", `{"question":"绿色工厂"}`, "203.0.113.10:1"); code != 200 {
			t.Errorf("another client limited: %d", code)
		}
	})
}
