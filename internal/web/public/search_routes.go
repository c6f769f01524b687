package public

import (
	"gongkai/internal/search"
	"gongkai/internal/web"
)

// searchHandlers serve the site search (issue 7). They are not cached
// pages: every search is counted for hot queries and the zero-result log.
type searchHandlers struct {
	app *web.App
	eng *search.Engine
}

// registerSearch adds the search page and API and returns the engine, which
// the assistant searches with too. It attaches the index to the store, so
// documents written through this app are indexed as they are written; the
// serve command fills an index left empty by an older database.
func registerSearch(app *web.App) *search.Engine {
	eng := search.New(app.Store, app.Now)
	h := searchHandlers{app: app, eng: eng}
	app.Handle("GET /search", h.searchShow)
	app.Handle("GET /api/v1/search", h.searchAPI)
	return eng
}
