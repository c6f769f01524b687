// Package wechattest is a WeChat official account API on loopback for
// tests: the paths and JSON shapes of the public API (cgi-bin/token,
// material/add_material, draft/add, freepublish/submit, freepublish/get,
// menu/create), with token expiry and error codes that tests can inject.
package wechattest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

// Article is a stored draft article as the API received it.
type Article struct {
	Title            string `json:"title"`
	Author           string `json:"author"`
	Digest           string `json:"digest"`
	Content          string `json:"content"`
	ContentSourceURL string `json:"content_source_url"`
	ThumbMediaID     string `json:"thumb_media_id"`
}

// Server is the fake platform.
type Server struct {
	*httptest.Server
	AppID, Secret string

	mu        sync.Mutex
	seq       int
	tokens    map[string]bool // valid tokens
	Calls     map[string]int  // by path, e.g. "/cgi-bin/draft/add"
	Images    map[string]int  // media_id → size
	Drafts    map[string][]Article
	Published map[string]string // publish_id → media_id
	// Status is what freepublish/get reports (0 success by default).
	Status int
	Menu   json.RawMessage
	inject map[string][]int
}

// New starts a server for one account.
func New(appID, secret string) *Server {
	s := &Server{AppID: appID, Secret: secret, tokens: map[string]bool{}, Calls: map[string]int{}, Images: map[string]int{},
		Drafts: map[string][]Article{}, Published: map[string]string{}, inject: map[string][]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Fail makes the next calls of path answer the error codes, in order.
func (s *Server) Fail(path string, codes ...int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inject[path] = append(s.inject[path], codes...)
}

// ExpireTokens makes every token issued so far expired (42001), as when
// the platform ends a token early or another system fetched a new one.
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for t := range s.tokens {
		s.tokens[t] = false
	}
}

// Count is the number of calls of path.
func (s *Server) Count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Calls[path]
}

func (s *Server) next(prefix string) string {
	s.seq++
	return fmt.Sprintf("%s%d", prefix, s.seq)
}

func reply(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; encoding=utf-8")
	_ = json.NewEncoder(w).Encode(v)
}

func fail(w http.ResponseWriter, code int, msg string) {
	reply(w, map[string]any{"errcode": code, "errmsg": msg + " rid: test"})
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Calls[r.URL.Path]++
	if q := s.inject[r.URL.Path]; len(q) > 0 {
		s.inject[r.URL.Path] = q[1:]
		fail(w, q[0], "injected")
		return
	}
	if r.URL.Path == "/cgi-bin/token" {
		s.token(w, r)
		return
	}
	if r.Method != http.MethodPost {
		fail(w, 43002, "require POST method")
		return
	}
	tok := r.URL.Query().Get("access_token")
	valid, known := s.tokens[tok]
	switch {
	case tok == "":
		fail(w, 41001, "access_token missing")
		return
	case !known:
		fail(w, 40001, "invalid credential, access_token is invalid or not latest")
		return
	case !valid:
		fail(w, 42001, "access_token expired")
		return
	}
	switch r.URL.Path {
	case "/cgi-bin/material/add_material":
		s.addMaterial(w, r)
	case "/cgi-bin/draft/add":
		s.addDraft(w, r)
	case "/cgi-bin/freepublish/submit":
		var in struct {
			MediaID string `json:"media_id"`
		}
		if json.NewDecoder(r.Body).Decode(&in) != nil || s.Drafts[in.MediaID] == nil {
			fail(w, 40007, "invalid media_id")
			return
		}
		id := s.next("24750000")
		s.Published[id] = in.MediaID
		reply(w, map[string]any{"errcode": 0, "errmsg": "ok", "publish_id": id, "msg_data_id": 2247483000 + s.seq})
	case "/cgi-bin/freepublish/get":
		s.getPublication(w, r)
	case "/cgi-bin/menu/create":
		s.createMenu(w, r)
	default:
		http.NotFound(w, r)
	}
}

func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	switch {
	case q.Get("grant_type") != "client_credential":
		fail(w, 40002, "invalid grant_type")
	case q.Get("appid") != s.AppID:
		fail(w, 40013, "invalid appid")
	case q.Get("secret") != s.Secret:
		fail(w, 40125, "invalid appsecret")
	default:
		t := s.next("TOKEN-")
		s.tokens[t] = true
		reply(w, map[string]any{"access_token": t, "expires_in": 7200})
	}
}

func (s *Server) addMaterial(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("type") != "image" {
		fail(w, 40004, "invalid media type")
		return
	}
	f, _, err := r.FormFile("media")
	if err != nil {
		fail(w, 41005, "media data missing")
		return
	}
	data, _ := io.ReadAll(f)
	if !strings.HasPrefix(string(data), "\x89PNG") && !strings.HasPrefix(string(data), "\xff\xd8\xff") {
		fail(w, 40005, "invalid file type")
		return
	}
	id := s.next("IMG-")
	s.Images[id] = len(data)
	reply(w, map[string]any{"media_id": id, "url": "http://mmbiz.qpic.cn/" + id})
}

func (s *Server) addDraft(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Articles []Article `json:"articles"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || len(in.Articles) == 0 {
		fail(w, 44002, "empty post data")
		return
	}
	for _, a := range in.Articles {
		switch {
		case a.Title == "" || a.Content == "":
			fail(w, 44002, "empty title or content")
			return
		case s.Images[a.ThumbMediaID] == 0:
			fail(w, 40007, "invalid media_id")
			return
		}
	}
	id := s.next("DRAFT-")
	s.Drafts[id] = in.Articles
	reply(w, map[string]any{"media_id": id})
}

func (s *Server) getPublication(w http.ResponseWriter, r *http.Request) {
	var in struct {
		PublishID string `json:"publish_id"`
	}
	if json.NewDecoder(r.Body).Decode(&in) != nil || s.Published[in.PublishID] == "" {
		fail(w, 53600, "invalid publish_id")
		return
	}
	out := map[string]any{"publish_id": in.PublishID, "publish_status": s.Status, "fail_idx": []int{}}
	if s.Status == 0 {
		out["article_id"] = "ART-" + in.PublishID
		out["article_detail"] = map[string]any{"count": 1, "item": []any{
			map[string]any{"idx": 1, "article_url": "https://mp.weixin.qq.com/s/" + in.PublishID}}}
	}
	if s.Status >= 2 && s.Status <= 4 {
		out["fail_idx"] = []int{1}
	}
	reply(w, out)
}

func (s *Server) createMenu(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	var in struct {
		Button []struct {
			Name string            `json:"name"`
			Sub  []json.RawMessage `json:"sub_button"`
		} `json:"button"`
	}
	if err := json.Unmarshal(raw, &in); err != nil || len(in.Button) == 0 {
		fail(w, 65302, "no buttons")
		return
	}
	if len(in.Button) > 3 {
		fail(w, 40016, "invalid button size")
		return
	}
	s.Menu = raw
	reply(w, map[string]any{"errcode": 0, "errmsg": "ok"})
}
