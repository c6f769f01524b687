// Package public serves the citizens' portal: server-rendered, usable
// without JavaScript, one file per action. Every link is written under the
// site's base ({{.Base}}) so sub-sites of the 集约化 platform, served under
// /s/{code}/, work with the same routes.
package public

import "gongkai/internal/web"

// Register adds the public routes. Pages that are the same for every
// visitor go through HandlePublic (cached until content changes); file
// downloads and redirects do not.
func Register(app *web.App) {
	h := handlers{app}
	app.HandlePublic("GET /{$}", h.home)
	app.HandlePublic("GET /col/{slug}/{$}", h.columnShow)
	app.Handle("GET /col/{slug}", h.addSlash)
	registerFeeds(app) // RSS, Atom and JSON Feed per column and site-wide (feed_routes.go)
	app.HandlePublic("GET /doc/{id}", h.documentShow)
	app.Handle("GET /files/{id}/{name}", h.fileDownload)
	app.HandlePublic("GET /xxgk/{$}", h.catalogueBrowse)
	app.Handle("GET /xxgk", h.addSlash)
	app.Handle("GET /xxgk/{indexNo...}", h.indexNoRedirect)
	app.HandlePublic("GET /guide", h.guideShow)
	app.HandlePublic("GET /gfxwj/{$}", h.registerShow)
	app.Handle("GET /gfxwj", h.addSlash)
	app.HandlePublic("GET /sitemap.xml", h.sitemapShow)
	app.HandlePublic("GET /robots.txt", h.robotsShow)
	registerAssistant(app, registerSearch(app)) // search and Q&A (search_routes.go, qa_routes.go)
	registerAccessibility(app)
	registerServices(app) // 办事服务 catalogue, item pages and forms (service_routes.go)
	registerApply(app)    // 依申请公开: form and status pages (apply_routes.go)
	registerMessages(app) // 留言: form, tracking, 留言选登 (message_routes.go)
}

type handlers struct{ app *web.App }
