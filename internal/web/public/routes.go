// Package public serves the citizens' portal: server-rendered, usable
// without JavaScript, one file per action.
package public

import "gongkai/internal/web"

// Register adds the public routes.
func Register(app *web.App) {
	h := handlers{app}
	app.Handle("GET /{$}", h.home)
}

type handlers struct{ app *web.App }
