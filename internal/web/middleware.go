package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"
)

type ctxKey int

const (
	ctxRequest ctxKey = iota
	ctxUser
)

// requestInfo is what the middleware learns about a request. One pointer
// in the context carries it all, so the hot public path copies the request
// once instead of once per fact.
type requestInfo struct {
	id      string
	site    siteRef
	hasSite bool
}

func info(r *http.Request) *requestInfo {
	ri, _ := r.Context().Value(ctxRequest).(*requestInfo)
	if ri == nil {
		return &requestInfo{}
	}
	return ri
}

// RequestID returns the ID the request is logged under.
func RequestID(r *http.Request) string { return info(r).id }

// statusWriter remembers the status for logs and metrics.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.status, w.wrote = http.StatusOK, true
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// requestLog gives every request an ID and logs one JSON line for it. Query
// strings are not logged: they can carry personal data.
func (a *App) requestLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b [8]byte
		_, _ = rand.Read(b[:])
		id := hex.EncodeToString(b[:])
		w.Header()["X-Request-Id"] = []string{id}
		r = r.WithContext(context.WithValue(r.Context(), ctxRequest, &requestInfo{id: id}))
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		start := time.Now()
		next.ServeHTTP(sw, r)
		if sw.status >= 500 || r.Method != http.MethodGet || a.Log.Enabled(r.Context(), slog.LevelDebug) {
			a.Log.LogAttrs(r.Context(), slog.LevelInfo, "request",
				slog.String("request_id", id), slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.Int("status", sw.status), slog.Duration("duration", time.Since(start)))
		}
	})
}

// recoverer turns a panic into the generic 500 page; the stack goes to the
// log only.
func (a *App) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				a.Log.Error("panic", "request_id", RequestID(r), "panic", v, "stack", string(debug.Stack()))
				a.Fail(w, r, ErrInternal)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// csp allows only our own scripts, styles and images; no inline script.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"

// The header values are shared slices (len == cap, never appended to in
// place), so setting them costs no allocation per request.
var (
	cspValue      = []string{csp}
	nosniffValue  = []string{"nosniff"}
	referrerValue = []string{"strict-origin-when-cross-origin"}
	framesValue   = []string{"SAMEORIGIN"}
)

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h["Content-Security-Policy"] = cspValue
		h["X-Content-Type-Options"] = nosniffValue
		h["Referrer-Policy"] = referrerValue
		h["X-Frame-Options"] = framesValue
		next.ServeHTTP(w, r)
	})
}

// limitBody caps request bodies a little above the largest allowed upload;
// beyond that the handler sees *http.MaxBytesError and answers 413.
func (a *App) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = http.MaxBytesReader(w, r.Body, a.Cfg.MaxUpload+1<<20)
		}
		next.ServeHTTP(w, r)
	})
}
