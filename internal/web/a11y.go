package web

import (
	"net/http"
	"net/url"

	"gongkai/internal/web/prefs"
)

// commonTasks are the 适老化 mode's shortcuts to what people come for
// (website-rules §3.2: 信息内容的扁平化; the issue names 查政策, 申请公开,
// 留言 and 问答). A task with several candidate paths is shown at the first
// one a route answers, and left out while none does, so the shortcut bar
// never carries a dead link (a scored fault of government sites, §1.5).
// 申请公开 is always shown: its form is part of the platform.
var commonTasks = []struct {
	label  string
	always bool
	paths  []string
}{
	{"查政策", true, []string{"/xxgk/"}},
	{"申请公开", true, []string{"/apply"}},
	{"我要留言", false, []string{"/messages/", "/messages", "/liuyan/"}},
	{"智能问答", false, []string{"/assistant", "/assistant/", "/ask"}},
}

// a11yView is the toolbar and reading settings of the public layout for r.
func (a *App) a11yView(r *http.Request, base string) prefs.View {
	v := prefs.View{Prefs: prefs.FromRequest(r), TTS: a.Cfg.Speech.EspeakPath != "", Voice: a.Cfg.Speech.URL != ""}
	// Back is where a setting returns to: this page. After a POST (a form
	// shown again with errors) that is the form's address, not the post.
	v.Back = base + r.URL.Path
	if r.Method == http.MethodGet && r.URL.RawQuery != "" {
		v.Back += "?" + r.URL.RawQuery
	}
	for _, t := range commonTasks {
		for _, p := range t.paths {
			if t.always || a.routed(r, p) {
				v.Tasks = append(v.Tasks, prefs.Task{Label: t.label, Path: p})
				break
			}
		}
	}
	return v
}

// routed reports whether a GET of path reaches a route other than the
// catch-all 404 page.
func (a *App) routed(r *http.Request, path string) bool {
	probe := &http.Request{Method: http.MethodGet, URL: &url.URL{Path: path}, Host: r.Host, Header: http.Header{}}
	_, pattern := a.Mux.Handler(probe)
	return pattern != "" && pattern != "/"
}
