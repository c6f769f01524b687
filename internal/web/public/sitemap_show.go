package public

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"time"

	"gongkai/internal/store"
	"gongkai/internal/web"
)

// maxSitemapURLs is the sitemaps.org limit of URLs in one file.
const maxSitemapURLs = 50000

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	XMLNS   string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemapShow lists the site's pages, live columns and published documents
// with absolute URLs for search engines (条例第二十四条: information must be
// easy to find).
func (h handlers) sitemapShow(w http.ResponseWriter, r *http.Request) {
	site, base, tree, err := h.siteColumns(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	abs := absBase(r, base)
	set := urlset{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	add := func(loc string, t time.Time) {
		u := sitemapURL{Loc: loc}
		if !t.IsZero() {
			u.LastMod = t.In(china).Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	add(abs+"/", time.Time{})
	add(abs+"/xxgk/", time.Time{})
	add(abs+"/guide", time.Time{})
	// 留言选登: the board's list of answered, published messages
	// (message_routes.go) — website-rules §2: replies are published.
	add(abs+"/messages", time.Time{})
	for _, c := range tree.all {
		if !c.Archived {
			add(columnURL(abs, c), time.Time{})
		}
	}
	if err := h.addServiceURLs(r, site.ID, abs, &set); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	refs, err := h.app.Store.PublishedRefs(ctx, site.ID, maxSitemapURLs-len(set.URLs))
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	for _, d := range refs {
		add(docURL(abs, d.ID), later(d.PublishedAt, d.UpdatedAt))
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	if err := xml.NewEncoder(&buf).Encode(set); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}

// addServiceURLs lists the 办事服务 section and every published service
// item (政府网站发展指引: 办事指南 must be easy to find); the section itself
// only when the site has an item to show.
func (h handlers) addServiceURLs(r *http.Request, siteID int64, abs string, set *urlset) error {
	const batch = 500 // the store's largest page
	for off := 0; len(set.URLs) < maxSitemapURLs; off += batch {
		items, _, err := h.app.Store.ServiceItems(r.Context(), store.ServiceItemFilter{SiteID: siteID, PublishedOnly: true,
			Limit: batch, Offset: off})
		if err != nil {
			return err
		}
		if off == 0 && len(items) > 0 {
			set.URLs = append(set.URLs, sitemapURL{Loc: abs + "/service/"})
		}
		for _, it := range items {
			if len(set.URLs) >= maxSitemapURLs {
				break
			}
			set.URLs = append(set.URLs, sitemapURL{Loc: serviceURL(abs, it.Code), LastMod: it.UpdatedAt.In(china).Format("2006-01-02")})
		}
		if len(items) < batch {
			break
		}
	}
	return nil
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// robotsShow lets every crawler in except into the back office, and points
// to the sitemaps: this site's, and on the bare host also those of the
// sub-sites served under /s/{code}/ on any host.
func (h handlers) robotsShow(w http.ResponseWriter, r *http.Request) {
	_, base, err := siteOf(r)
	if err != nil {
		h.app.Fail(w, r, web.ErrNotFound)
		return
	}
	var buf bytes.Buffer
	buf.WriteString("User-agent: *\nAllow: /\nDisallow: /admin/\n\n")
	abs := absBase(r, base)
	buf.WriteString("Sitemap: " + abs + "/sitemap.xml\n")
	if base == "" {
		root := absBase(r, "")
		for _, s := range h.app.Sites() {
			if s.ParentID != 0 && s.Host == "" {
				buf.WriteString("Sitemap: " + root + "/s/" + s.Code + "/sitemap.xml\n")
			}
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}
