package public

import (
	"net/http"
	"sync"
	"time"

	"gongkai/internal/auth"
)

// After a correct 查询码 and 查询密码 the applicant's browser holds a short
// lookup session, so the status page can be reloaded, its forms posted and
// its documents downloaded without the password being put into the page.
// Sessions live in this process only: after a restart the applicant types
// the code and password again, which costs them little and keeps no
// applicant data in yet another table.
const (
	statusCookie = "gk_status"
	// statusIdle ends a lookup session after half an hour without use.
	statusIdle = 30 * time.Minute
	// maxStatusSessions bounds the memory of the table.
	maxStatusSessions = 50000
)

type statusSession struct {
	appID   int64
	expires time.Time
}

// statusSessions maps a token's hash to the application it opens.
type statusSessions struct {
	mu sync.Mutex
	m  map[string]statusSession
}

func newStatusSessions() *statusSessions { return &statusSessions{m: map[string]statusSession{}} }

// start opens a session on appID and sets its cookie.
func (s *statusSessions) start(w http.ResponseWriter, r *http.Request, appID int64, now time.Time) {
	token, hash := auth.NewToken()
	s.mu.Lock()
	if len(s.m) >= maxStatusSessions {
		for k, v := range s.m {
			if now.After(v.expires) || len(s.m) >= maxStatusSessions {
				delete(s.m, k)
			}
		}
	}
	s.m[hash] = statusSession{appID: appID, expires: now.Add(statusIdle)}
	s.mu.Unlock()
	// SameSite=Strict: the session's forms are only ever posted from its
	// own pages, and a link from another site never opens the case.
	http.SetCookie(w, &http.Cookie{Name: statusCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
}

// current returns the application the request's session opens, moving
// its expiry on.
func (s *statusSessions) current(r *http.Request, now time.Time) (int64, bool) {
	c, err := r.Cookie(statusCookie)
	if err != nil || c.Value == "" {
		return 0, false
	}
	hash := auth.HashToken(c.Value)
	s.mu.Lock()
	defer s.mu.Unlock()
	se, ok := s.m[hash]
	if !ok || now.After(se.expires) {
		delete(s.m, hash)
		return 0, false
	}
	se.expires = now.Add(statusIdle)
	s.m[hash] = se
	return se.appID, true
}

// end closes the request's session and clears its cookie.
func (s *statusSessions) end(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(statusCookie); err == nil && c.Value != "" {
		s.mu.Lock()
		delete(s.m, auth.HashToken(c.Value))
		s.mu.Unlock()
	}
	http.SetCookie(w, &http.Cookie{Name: statusCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteStrictMode})
}
