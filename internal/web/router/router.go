// Package router composes the service: the web App with the public portal,
// the back office and the operational endpoints.
package router

import (
	"context"
	"log/slog"
	"net/http"

	"gongkai/internal/config"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/web/api"
	"gongkai/internal/web/public"
	"gongkai/internal/web/staff"
)

// New builds the App and its handler.
func New(ctx context.Context, cfg config.Config, st *store.Store, log *slog.Logger) (*web.App, http.Handler, error) {
	app, err := web.NewApp(cfg, st, log)
	if err != nil {
		return nil, nil, err
	}
	if err := app.ReloadSites(ctx); err != nil {
		return nil, nil, err
	}
	app.RegisterOps()
	public.Register(app)
	staff.Register(app)
	api.Register(app)
	return app, app.Handler(), nil
}
