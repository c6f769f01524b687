package public

import "net/http"

// addSlash sends /xxgk and /col/{slug} to their canonical addresses with a
// trailing slash, keeping the query. ServeMux would redirect by itself, but
// to the path without the sub-site prefix /s/{code}, that is to another site.
func (h handlers) addSlash(w http.ResponseWriter, r *http.Request) {
	_, base, err := siteOf(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	u := base + r.URL.EscapedPath() + "/"
	if r.URL.RawQuery != "" {
		u += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, u, http.StatusMovedPermanently)
}
