package public

import (
	"bytes"
	"io"
	"net/http"

	"github.com/gorilla/feeds"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// feedItems is how many documents a column feed carries.
const feedItems = 20

// feedRSS and feedAtom publish a column's newest documents, so the
// city/province library and readers can harvest them (website-rules §4.4,
// implementation requirement 3).
func (h handlers) feedRSS(w http.ResponseWriter, r *http.Request) {
	h.feed(w, r, "application/rss+xml; charset=utf-8", (*feeds.Feed).WriteRss)
}

func (h handlers) feedAtom(w http.ResponseWriter, r *http.Request) {
	h.feed(w, r, "application/atom+xml; charset=utf-8", (*feeds.Feed).WriteAtom)
}

func (h handlers) feed(w http.ResponseWriter, r *http.Request, contentType string, write func(*feeds.Feed, io.Writer) error) {
	f, err := h.buildFeed(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := write(f, &buf); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", contentType)
	_, _ = w.Write(buf.Bytes())
}

func (h handlers) buildFeed(r *http.Request) (*feeds.Feed, error) {
	site, base, tree, err := h.siteColumns(r)
	if err != nil {
		return nil, err
	}
	col, ok := tree.bySlug(r.PathValue("slug"))
	if !ok {
		return nil, web.ErrNotFound
	}
	docs, _, err := h.app.Store.DocumentList(r.Context(), store.DocumentFilter{SiteID: site.ID,
		ColumnIDs: tree.subtree(col.ID), States: []catalog.State{catalog.StatePublished}, Limit: feedItems})
	if err != nil {
		return nil, err
	}
	abs := absBase(r, base)
	desc := col.Description
	if desc == "" {
		desc = site.Name + "“" + col.Name + "”栏目最新信息"
	}
	f := &feeds.Feed{Title: site.Name + " - " + col.Name, Link: &feeds.Link{Href: columnURL(abs, col)},
		Description: desc, Author: &feeds.Author{Name: site.Name}, Created: site.CreatedAt.In(china)}
	for _, d := range docs {
		// Dates in Beijing time (+08:00), as the pages show them.
		pub := d.PublishedAt.In(china)
		if pub.After(f.Updated) {
			f.Updated = pub
		}
		link := docURL(abs, d.ID)
		id := link
		if d.IndexNo != "" {
			id = indexNoURL(abs, d.IndexNo) // permanent: the 索引号 never changes
		}
		summary := d.Summary
		if summary == "" {
			summary = d.Title
		}
		f.Add(&feeds.Item{Title: d.Title, Link: &feeds.Link{Href: link}, Description: summary,
			Id: id, IsPermaLink: "true", Created: pub, Updated: pub})
	}
	if f.Updated.IsZero() {
		f.Updated = f.Created
	}
	return f, nil
}
