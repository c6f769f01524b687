package api

import (
	_ "embed"
	"net/http"
	"strconv"
)

// openAPIDoc describes the API (OpenAPI 3.1); a test checks it against the
// routes and the domain's enums.
//
//go:embed openapi.json
var openAPIDoc []byte

func (h *handler) openAPI(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Type", "application/json; charset=utf-8")
	hd.Set("Cache-Control", "public, max-age=3600")
	hd.Set("Content-Length", strconv.Itoa(len(openAPIDoc)))
	_, _ = w.Write(openAPIDoc)
}
