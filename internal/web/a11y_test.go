package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"gongkai/internal/web/prefs"
)

// The 适老化 shortcut bar lists 留言 and 问答 only once their pages are
// routed, so it never carries a dead link; 查政策 and 申请公开 are always
// there. Back is the page itself, with the sub-site's prefix.
func TestA11yViewTasksAndBack(t *testing.T) {
	app, _ := newApp(t) // with the catch-all 404 route, which must not count as a page
	var got prefs.View
	app.Handle("GET /page", func(w http.ResponseWriter, r *http.Request) { got = app.Base(r, "页").A11y })
	h := app.Handler()
	labels := func() []string {
		var l []string
		for _, t := range got.Tasks {
			l = append(l, t.Label+" "+t.Path)
		}
		return l
	}
	req := httptest.NewRequest(http.MethodGet, "/s/yx/page?q=1", nil)
	req.AddCookie(&http.Cookie{Name: prefs.Cookie, Value: "elder=1"})
	h.ServeHTTP(httptest.NewRecorder(), req)
	if l := labels(); len(l) != 2 || l[0] != "查政策 /xxgk/" || l[1] != "申请公开 /apply" {
		t.Fatalf("tasks without the message board and Q&A: %v", l)
	}
	if got.Back != "/s/yx/page?q=1" || !got.ElderMode {
		t.Fatalf("view %+v", got)
	}
	noop := func(w http.ResponseWriter, r *http.Request) {}
	app.Handle("GET /assistant", noop)
	app.Handle("GET /messages/{$}", noop)
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/page", nil))
	if l := labels(); len(l) != 4 || l[2] != "我要留言 /messages/" || l[3] != "智能问答 /assistant" {
		t.Fatalf("tasks with both pages routed: %v", l)
	}
	if got.ElderMode || got.Back != "/page" {
		t.Fatalf("view without a cookie %+v", got)
	}
}
