// Package staff serves the back office. Every route is registered with the
// permission it needs, beside it.
package staff

import (
	"gongkai/internal/auth"
	"gongkai/internal/web"
)

// Register adds the back-office routes.
func Register(app *web.App) {
	h := handlers{app}
	app.Staff("GET /admin/{$}", auth.PermDashboard, h.dashboard)
}

type handlers struct{ app *web.App }
