// Package api is the open JSON API through which the 12345 hotline or a
// 一网通办 portal files 依申请公开 applications on a citizen's behalf
// (issue 3 §6) and looks them up. It uses no cookies; the document at
// /api/openapi.json describes it. Server-to-server calls carry neither
// Origin nor Sec-Fetch-Site and so pass the platform's cross-origin
// protection; a browser on another site is refused.
package api

import (
	"net/http"

	"gongkai/internal/web"
)

// Register adds the API's routes to app. Under a sub-site prefix
// (/s/{code}/api/v1/…) applications go to that sub-site's agency.
func Register(app *web.App) {
	h := &handler{app: app, limits: limitersFor(app)}
	app.Handle("POST /api/v1/applications", h.submit)
	app.Handle("POST /api/v1/applications/lookup", h.lookup)
	app.Handle("GET /api/openapi.json", h.openAPI)
	app.Handle("/api/", h.notFound)
}

type handler struct {
	app    *web.App
	limits *limiters
}

// notFound answers unknown API paths and methods in JSON, not with the
// portal's HTML error page.
func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, "", "接口不存在，请查阅 /api/openapi.json")
}
