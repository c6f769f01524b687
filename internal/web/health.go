package web

import "net/http"

// RegisterOps adds /healthz (the process is up), /readyz (the database
// answers), /metrics (Prometheus), /static/ and the catch-all 404 page.
func (a *App) RegisterOps() {
	a.Mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("ok\n"))
	})
	a.Mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if err := a.Ready(r.Context()); err != nil {
			a.Log.Error("not ready", "err", err)
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("ready\n"))
	})
	a.Mux.Handle("GET /metrics", a.MetricsHandler())
	static := http.StripPrefix("/static/", http.FileServerFS(StaticFS()))
	a.Mux.Handle("GET /static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		static.ServeHTTP(w, r)
	}))
	a.Handle("/", func(w http.ResponseWriter, r *http.Request) { a.Fail(w, r, ErrNotFound) })
}
