package public

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"

	"gongkai/internal/web"
	"gongkai/internal/web/prefs"
)

// prefsMaxAge keeps a guest's settings for a year: an elderly visitor who
// set large text should not have to find the toolbar again next month.
const prefsMaxAge = 365 * 24 * time.Hour

// prefsResult is the answer to the toolbar's script: the new classes of
// <html>, every setting's value (to update the buttons' aria-pressed) and
// the sentence the live region announces.
type prefsResult struct {
	Classes string            `json:"classes"`
	Values  map[string]string `json:"values"`
	Rate    float64           `json:"rate"`
	Message string            `json:"message"`
}

// prefsUpdate applies one toolbar button (a form POST, so it works without
// JavaScript), stores the settings in the guest cookie and — for a
// signed-in citizen — on the account, then sends the visitor back to the
// page they were on. The toolbar's script posts the same form and gets
// JSON instead, to apply the change in place.
func (h handlers) prefsUpdate(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		h.app.Fail(w, r, web.ErrBadRequest)
		return
	}
	f := r.PostForm
	// A signed-in citizen's settings are the account's: another device may
	// have changed them since this browser's cookie was written.
	c, _, signedIn := h.citizenOf(r)
	p := prefs.FromRequest(r)
	if signedIn {
		p = prefs.FromJSON(c.Prefs)
	}
	key := "reset"
	if f.Get("reset") == "1" {
		p = prefs.Default()
	} else {
		key = changedKey(f)
	}
	p = p.Apply(f)
	// A button inside the open panel keeps the panel open on the next page,
	// which is the only way a visitor without JavaScript can go on adjusting.
	if f.Get("from") == "panel" && f.Get("panel") == "" {
		p.Panel = true
	}
	setPrefsCookie(w, r, p)
	if signedIn {
		if err := h.app.Store.SetCitizenPrefs(r.Context(), c.ID, p.JSON()); err != nil {
			h.app.Fail(w, r, err)
			return
		}
	}
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_ = json.NewEncoder(w).Encode(prefsResult{Classes: p.Classes(), Values: p.Values(), Rate: p.Rate(),
			Message: prefs.Message(key, p)})
		return
	}
	_, base, _ := web.SiteOf(r)
	back := localBack(f.Get("back"))
	if back == "" {
		back = base + "/"
	}
	if f.Get("from") == "panel" {
		back += "#a11y-panel" // keyboard and screen-reader users land back at the toolbar
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// changedKey names the setting a form changes, for the announcement.
func changedKey(f url.Values) string {
	for _, k := range prefs.Keys {
		if f.Get(k) != "" {
			return k
		}
	}
	return ""
}

// setPrefsCookie stores p for this browser; the defaults remove the cookie.
func setPrefsCookie(w http.ResponseWriter, r *http.Request, p prefs.Prefs) {
	c := &http.Cookie{Name: prefs.Cookie, Value: p.Encode(), Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil, MaxAge: int(prefsMaxAge / time.Second)}
	if p.IsDefault() {
		c.Value, c.MaxAge = "", -1
	}
	http.SetCookie(w, c)
}

// localBack returns next when it is a path on this server, else "", so the
// back address cannot send a visitor to another site (open redirect).
func localBack(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return ""
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return ""
	}
	u.Fragment = ""
	return u.String()
}
