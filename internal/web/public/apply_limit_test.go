package public_test

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

var questionRE = regexp.MustCompile(`问题：([一二三四五六七八九十]+)加([一二三四五六七八九十]+)等于几？`)

var numeral = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

// answer reads the question on a page and answers it; the id is the
// question's hidden field.
func answer(t testing.TB, body string) (id, ans string) {
	t.Helper()
	m := questionRE.FindStringSubmatch(body)
	idm := regexp.MustCompile(`name="question_id" value="([0-9a-f]+)"`).FindStringSubmatch(body)
	if m == nil || idm == nil {
		t.Fatalf("no question on the page:\n%s", clip(body))
	}
	return idm[1], strconv.Itoa(numeral[m[1]] + numeral[m[2]])
}

// The open API's budget per address (bursts of 5) is shared: near its end
// the form asks a question in words instead of refusing; a right answer
// passes, a wrong one gets a new question.
func TestApplyRateLimitQuestion(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	const addr = "198.51.100.20"
	for i := range 4 {
		submitted(t, e.do(t, request{method: "POST", path: "/apply", values: validForm(20 + i), addr: addr}))
	}
	// One submission left: the fifth must answer the question.
	w := e.do(t, request{method: "POST", path: "/apply", values: validForm(24), addr: addr})
	body := w.Body.String()
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("5th: %d", w.Code)
	}
	mustContain(t, "question instead of a refusal", body, "六、请回答问题", "本机关网络近期收到的申请较多。", "七、上传材料",
		`value="张建国"`, `value="`+personID(24)+`"`, `name="website"`)
	mustNotContain(t, "question", body, "<img", "captcha")
	// The empty form now asks it too, before anyone is refused; another
	// address is not asked.
	mustContain(t, "form near the limit", e.do(t, request{method: "GET", path: "/apply", addr: addr}).Body.String(), `name="answer"`)
	mustNotContain(t, "another address", e.do(t, request{method: "GET", path: "/apply", addr: "198.51.100.21"}).Body.String(), `name="answer"`)

	// A wrong answer: a new question, the typed values kept.
	id, right := answer(t, body)
	wrongAns := strconv.Itoa(mustAtoi(t, right) + 1)
	w = e.do(t, request{method: "POST", path: "/apply", addr: addr, values: with(validForm(24), "question_id", id, "answer", wrongAns)})
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("wrong answer: %d", w.Code)
	}
	besideField(t, w.Body.String(), "answer", "答案不正确，请回答新的问题")
	mustContain(t, "after a wrong answer", w.Body.String(), `value="张建国"`)
	// The same question cannot be answered twice.
	w2 := e.do(t, request{method: "POST", path: "/apply", addr: addr, values: with(validForm(24), "question_id", id, "answer", right)})
	if w2.Code == http.StatusOK {
		t.Fatal("a used question was accepted")
	}

	// The right answer, in Chinese numerals for a change, passes.
	id, right = answer(t, w2.Body.String())
	n := mustAtoi(t, right)
	words := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八"}
	submitted(t, e.do(t, request{method: "POST", path: "/apply", addr: addr,
		values: with(validForm(24), "question_id", id, "answer", words[n])}))

	// Past the budget, answered questions still pass (a second, bounded budget).
	w = e.do(t, request{method: "POST", path: "/apply", values: validForm(25), addr: addr})
	id, right = answer(t, w.Body.String())
	submitted(t, e.do(t, request{method: "POST", path: "/apply", addr: addr, values: with(validForm(25), "question_id", id, "answer", right)}))
	if got := e.openCount(t); got != 6 {
		t.Fatalf("%d applications stored, want 6", got)
	}
}

// The budget of one ID number holds across addresses.
func TestApplyRateLimitPerID(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	for i := range 4 {
		submitted(t, e.do(t, request{method: "POST", path: "/apply", values: validForm(30), addr: "192.0.2." + strconv.Itoa(10+i)}))
	}
	w := e.do(t, request{method: "POST", path: "/apply", values: validForm(30), addr: "192.0.2.99"})
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "请回答问题") {
		t.Fatalf("5th with one ID: %d", w.Code)
	}
	id, right := answer(t, w.Body.String())
	submitted(t, e.do(t, request{method: "POST", path: "/apply", addr: "192.0.2.99",
		values: with(validForm(30), "question_id", id, "answer", right)}))
	// Another person at that address is not asked.
	submitted(t, e.do(t, request{method: "POST", path: "/apply", values: validForm(31), addr: "192.0.2.99"}))
}

func mustAtoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
