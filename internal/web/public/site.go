package public

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/web"
)

// china is the zone every date on the portal is shown in.
var china = time.FixedZone("CST", 8*3600)

// siteOf returns the site the request addresses and its link prefix, or
// web.ErrNotFound while the platform has no site yet.
func siteOf(r *http.Request) (catalog.Site, string, error) {
	s, base, ok := web.SiteOf(r)
	if !ok {
		return s, "", web.ErrNotFound
	}
	return s, base, nil
}

// siteAndID is siteOf with the numeric {id} of the path (a document or an
// attachment); an {id} that is not a positive integer is web.ErrNotFound.
func siteAndID(r *http.Request) (catalog.Site, string, int64, error) {
	site, base, err := siteOf(r)
	if err != nil {
		return site, base, 0, err
	}
	id, err := web.PathID(r, "id")
	return site, base, id, err
}

// published reports whether d may be shown on site s: only published
// documents of that site (drafts, withdrawn documents and other sites'
// documents are answered with 404, not 403, so their existence is not told).
func published(d catalog.Document, s catalog.Site) bool {
	return d.State == catalog.StatePublished && d.SiteID == s.ID
}

// absBase is the absolute URL prefix of the site for sitemaps, feeds and
// robots.txt, taken from the request's host. A proxy that terminates TLS
// says so with X-Forwarded-Proto.
func absBase(r *http.Request, base string) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	host := r.Host
	if !validHost(host) {
		host = "localhost"
	}
	return scheme + "://" + host + base
}

// validHost accepts host[:port] made of the characters DNS names, IPv4 and
// bracketed IPv6 addresses use, so a forged Host header cannot inject
// markup or other URLs into generated documents.
func validHost(h string) bool {
	if h == "" || len(h) > 255 {
		return false
	}
	for _, c := range h {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune(".-:[]", c)) {
			return false
		}
	}
	return true
}

// docURL and indexNoURL are the two addresses of a document: the page, and
// the permanent 索引号 address that redirects to it.
func docURL(base string, id int64) string {
	return base + "/doc/" + itoa(id)
}

func indexNoURL(base, indexNo string) string {
	parts := strings.Split(indexNo, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return base + "/xxgk/" + strings.Join(parts, "/")
}

func columnURL(base string, c catalog.Column) string {
	return base + "/col/" + url.PathEscape(c.Slug) + "/"
}
