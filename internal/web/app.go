// Package web is the HTTP side of Gongkai: the App that public and staff
// handlers hang on, middleware, rendering and the one place where errors
// become HTTP statuses and Chinese messages.
package web

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"gongkai/internal/config"
	"gongkai/internal/store"
)

// App is what every handler needs. It is built once by router.New.
type App struct {
	Cfg     config.Config
	Store   *store.Store
	Log     *slog.Logger
	Now     func() time.Time
	Mux     *http.ServeMux
	tmpl    *templates
	metrics *metrics
	sites   *siteCache
	pages   *pageCache
}

// NewApp parses the templates and returns an App with an empty mux.
func NewApp(cfg config.Config, st *store.Store, log *slog.Logger) (*App, error) {
	t, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	return &App{Cfg: cfg, Store: st, Log: log, Now: time.Now, Mux: http.NewServeMux(), tmpl: t,
		metrics: newMetrics(), sites: &siteCache{}, pages: newPageCache()}, nil
}

// Handle registers a route. route is a ServeMux pattern such as
// "GET /xxgk/{id}"; the route label (the pattern) names its metrics.
func (a *App) Handle(pattern string, h http.HandlerFunc) {
	a.Mux.Handle(pattern, a.instrument(pattern, h))
}

// Handler returns the whole service with its middleware.
func (a *App) Handler() http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.Fail(w, r, ErrCrossOrigin)
	}))
	var h http.Handler = a.Mux
	h = a.ResolveSite(h)
	h = a.limitBody(h)
	h = cop.Handler(h)
	h = securityHeaders(h)
	h = a.recoverer(h)
	h = a.requestLog(h)
	return h
}

// Ready reports whether the database answers, for /readyz.
func (a *App) Ready(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return a.Store.Ping(ctx)
}
