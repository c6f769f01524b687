package public

import (
	"net/http"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/store"
)

// citizenCookie names a citizen's session cookie. It is not the staff
// cookie (web.SessionCookie), and the two sessions live in different
// tables, so a citizen's session can never open the back office.
const citizenCookie = "gk_citizen"

// citizenIdle signs a citizen out after a week without a visit. A citizen
// account holds only reading settings, so a long session costs little, and
// a short one would make an elderly visitor sign in again and again
// (WCAG 2.2.1: time limits must suit the person).
const citizenIdle = 7 * 24 * time.Hour

// citizenOf returns the signed-in citizen and the session's token hash.
func (h handlers) citizenOf(r *http.Request) (store.Citizen, string, bool) {
	c, err := r.Cookie(citizenCookie)
	if err != nil || c.Value == "" {
		return store.Citizen{}, "", false
	}
	hash := auth.HashToken(c.Value)
	ctx := r.Context()
	se, err := h.app.Store.CitizenSession(ctx, hash)
	if err != nil {
		return store.Citizen{}, "", false
	}
	now := h.app.Now()
	if now.Sub(se.LastSeen) > citizenIdle {
		_ = h.app.Store.DeleteCitizenSession(ctx, hash)
		return store.Citizen{}, "", false
	}
	ci, err := h.app.Store.Citizen(ctx, se.CitizenID)
	if err != nil {
		return store.Citizen{}, "", false
	}
	_ = h.app.Store.TouchCitizenSession(ctx, hash, now)
	return ci, hash, true
}

// startCitizenSession signs c in: a random token in an HttpOnly, SameSite
// cookie; only its hash is stored.
func (h handlers) startCitizenSession(w http.ResponseWriter, r *http.Request, c store.Citizen) error {
	token, hash := auth.NewToken()
	now := h.app.Now()
	if err := h.app.Store.CreateCitizenSession(r.Context(), store.CitizenSession{TokenHash: hash, CitizenID: c.ID,
		CreatedAt: now, LastSeen: now}); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: citizenCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil, MaxAge: int(citizenIdle / time.Second)})
	return nil
}

// endCitizenSession signs the current session out.
func (h handlers) endCitizenSession(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(citizenCookie); err == nil && c.Value != "" {
		_ = h.app.Store.DeleteCitizenSession(r.Context(), auth.HashToken(c.Value))
	}
	http.SetCookie(w, &http.Cookie{Name: citizenCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode})
}
