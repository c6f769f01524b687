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

// feedItems is how many documents a feed carries.
const feedItems = 20

// feedRSS, feedAtom and feedJSON publish a column's newest documents, so
// the city/province library and readers can harvest them (website-rules
// §4.4, implementation requirement 3); the site* variants do the same for
// the whole site (issue 9: feeds per column and for the whole site).
func (h handlers) feedRSS(w http.ResponseWriter, r *http.Request) {
	h.feed(w, r, true, "application/rss+xml; charset=utf-8", (*feeds.Feed).WriteRss)
}

func (h handlers) feedAtom(w http.ResponseWriter, r *http.Request) {
	h.feed(w, r, true, "application/atom+xml; charset=utf-8", (*feeds.Feed).WriteAtom)
}

func (h handlers) feedJSON(w http.ResponseWriter, r *http.Request) {
	h.feed(w, r, true, jsonFeedType, writeJSONFeed)
}

func (h handlers) siteFeedRSS(w http.ResponseWriter, r *http.Request) {
	h.feed(w, r, false, "application/rss+xml; charset=utf-8", (*feeds.Feed).WriteRss)
}

func (h handlers) siteFeedAtom(w http.ResponseWriter, r *http.Request) {
	h.feed(w, r, false, "application/atom+xml; charset=utf-8", (*feeds.Feed).WriteAtom)
}

func (h handlers) siteFeedJSON(w http.ResponseWriter, r *http.Request) {
	h.feed(w, r, false, jsonFeedType, writeJSONFeed)
}

func (h handlers) feed(w http.ResponseWriter, r *http.Request, column bool, contentType string, write func(*feeds.Feed, io.Writer) error) {
	f, err := h.buildFeed(r, column)
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

// buildFeed reads the documents of the column the path names (with its
// sub-columns), or of the whole site when column is false.
func (h handlers) buildFeed(r *http.Request, column bool) (*feeds.Feed, error) {
	site, base, tree, err := h.siteColumns(r)
	if err != nil {
		return nil, err
	}
	abs := absBase(r, base)
	filter := store.DocumentFilter{SiteID: site.ID, States: []catalog.State{catalog.StatePublished}, Limit: feedItems}
	f := &feeds.Feed{Title: site.Name, Link: &feeds.Link{Href: abs + "/"}, Description: site.Name + "最新发布的政府信息",
		Author: &feeds.Author{Name: site.Name}, Created: site.CreatedAt.In(china)}
	if column {
		col, ok := tree.bySlug(r.PathValue("slug"))
		if !ok {
			return nil, web.ErrNotFound
		}
		filter.ColumnIDs = tree.subtree(col.ID)
		f.Title, f.Link.Href = site.Name+" - "+col.Name, columnURL(abs, col)
		f.Description = col.Description
		if f.Description == "" {
			f.Description = site.Name + "“" + col.Name + "”栏目最新信息"
		}
	}
	docs, _, err := h.app.Store.DocumentList(r.Context(), filter)
	if err != nil {
		return nil, err
	}
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
		it := &feeds.Item{Title: d.Title, Link: &feeds.Link{Href: link}, Description: summary,
			Id: id, IsPermaLink: "true", Created: pub, Updated: pub}
		if d.Issuer != "" {
			it.Author = &feeds.Author{Name: d.Issuer}
		}
		f.Add(it)
	}
	if f.Updated.IsZero() {
		f.Updated = f.Created
	}
	return f, nil
}
