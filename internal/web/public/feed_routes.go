package public

import "gongkai/internal/web"

// registerFeeds adds the outbound feeds (issue 9): RSS 2.0, Atom and JSON
// Feed 1.1 for every column (with its sub-columns) and for the whole site.
// Pages link them with <link rel="alternate"> for discovery.
func registerFeeds(app *web.App) {
	h := handlers{app}
	app.HandlePublic("GET /col/{slug}/feed.xml", h.feedRSS)
	app.HandlePublic("GET /col/{slug}/atom.xml", h.feedAtom)
	app.HandlePublic("GET /col/{slug}/feed.json", h.feedJSON)
	app.HandlePublic("GET /feed.xml", h.siteFeedRSS)
	app.HandlePublic("GET /atom.xml", h.siteFeedAtom)
	app.HandlePublic("GET /feed.json", h.siteFeedJSON)
}
