package web

import (
	"context"
	"net/http"
	"strings"
	"sync"

	"gongkai/internal/catalog"
)

// siteCache holds the sites so routing does not query the database on
// every request; staff changes call ReloadSites.
type siteCache struct {
	mu    sync.RWMutex
	sites []catalog.Site
}

// ReloadSites rereads the sites from the store.
func (a *App) ReloadSites(ctx context.Context) error {
	sites, err := a.Store.Sites(ctx)
	if err != nil {
		return err
	}
	a.sites.mu.Lock()
	a.sites.sites = sites
	a.sites.mu.Unlock()
	return nil
}

// Sites returns the cached sites, root sites first.
func (a *App) Sites() []catalog.Site {
	a.sites.mu.RLock()
	defer a.sites.mu.RUnlock()
	return a.sites.sites
}

// siteRef is the site a public request addresses and the path prefix its
// links need.
type siteRef struct {
	site catalog.Site
	base string
}

// SiteOf returns the site the request addresses, the prefix for its links
// ("" or "/s/{code}") and false when the platform has no site yet.
func SiteOf(r *http.Request) (catalog.Site, string, bool) {
	ri := info(r)
	return ri.site.site, ri.site.base, ri.hasSite
}

// ResolveSite picks the site by path prefix /s/{code}/ (sub-sites of the
// 集约化 platform), else by Host, else the first root site, and strips the
// prefix so one set of routes serves every site.
func (a *App) ResolveSite(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sites := a.Sites()
		var ref siteRef
		found := false
		if rest, ok := strings.CutPrefix(r.URL.Path, "/s/"); ok {
			code, tail, _ := strings.Cut(rest, "/")
			for _, s := range sites {
				if s.Code == code {
					ref, found = siteRef{site: s, base: "/s/" + code}, true
					r2 := r.Clone(r.Context())
					r2.URL.Path = "/" + tail
					r2.URL.RawPath = ""
					r = r2
					break
				}
			}
		}
		if !found {
			host, _, _ := strings.Cut(r.Host, ":")
			for _, s := range sites {
				if s.Host != "" && strings.EqualFold(s.Host, host) {
					ref, found = siteRef{site: s}, true
					break
				}
			}
		}
		if !found {
			for _, s := range sites {
				if s.ParentID == 0 {
					ref, found = siteRef{site: s}, true
					break
				}
			}
		}
		if found {
			if ri, ok := r.Context().Value(ctxRequest).(*requestInfo); ok {
				ri.site, ri.hasSite = ref, true
			} else {
				r = r.WithContext(context.WithValue(r.Context(), ctxRequest, &requestInfo{site: ref, hasSite: true}))
			}
		}
		next.ServeHTTP(w, r)
	})
}
