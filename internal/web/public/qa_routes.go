package public

import (
	"net"
	"net/http"
	"net/url"
	"os"

	"gongkai/internal/assistant"
	"gongkai/internal/search"
	"gongkai/internal/web"
)

// qaHandlers serve the Q&A assistant: its page (which the widget on every
// page posts to) and its API.
type qaHandlers struct {
	app   *web.App
	as    *assistant.Assistant
	limit *assistant.Limiter
}

// Questions per client: a person asks a few a minute; a script asking more
// would make the log useless for review and load the server.
const (
	qaPerMinute = 10
	qaBurst     = 5
)

// registerAssistant adds the assistant's routes. The optional language
// model is configured through GONGKAI_LLM_* (assistant.LLMConfig).
func registerAssistant(app *web.App, eng *search.Engine) {
	h := qaHandlers{app: app, as: assistant.New(app.Store, eng, assistant.LLMConfig(os.Getenv), app.Now),
		limit: assistant.NewLimiter(qaPerMinute, qaBurst, app.Now)}
	app.Handle("GET /assistant", h.qaShow)
	app.Handle("POST /assistant", h.qaAsk)
	app.Handle("POST /api/v1/assistant/ask", h.qaAPI)
}

// site describes the request's site to the assistant, with a check that
// keeps answers from linking to pages the platform does not serve.
func (h qaHandlers) site(r *http.Request) (assistant.Site, error) {
	s, base, err := siteOf(r)
	if err != nil {
		return assistant.Site{}, err
	}
	return assistant.Site{ID: s.ID, Name: s.Name, Phone: s.Phone, Base: base, Routed: func(path string) bool {
		u, err := url.Parse(path)
		if err != nil {
			return false
		}
		probe := &http.Request{Method: http.MethodGet, URL: &url.URL{Path: u.Path}, Host: r.Host, Header: http.Header{}}
		_, pattern := h.app.Mux.Handler(probe)
		return pattern != "" && pattern != "/"
	}}, nil
}

// allow applies the rate limit to the client's address. The address is
// held in memory for a minute, never stored.
func (h qaHandlers) allow(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return h.limit.Allow(host)
}

// errTooMany is the answer past the rate limit.
var errTooMany = &web.Error{Status: http.StatusTooManyRequests, Message: "提问过于频繁，请稍候一分钟再试"}
