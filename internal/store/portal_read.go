package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"gongkai/internal/catalog"
)

// Reads for the public portal. List pages never need a document's body, so
// these queries leave it out: a column page of 20 items then reads a few
// hundred bytes per row instead of whole articles.

// DocumentHead reads one document without its body, channels or attachments
// (for example the replacing document a repealed one links to).
func (s *Store) DocumentHead(ctx context.Context, id int64) (catalog.Document, error) {
	return scanDocumentHead(s.queryRow(ctx, `SELECT `+documentHeadCols+` FROM documents WHERE id = ?`, id))
}

// DocumentList is Documents without the bodies: the same filter, order and
// total, for listing pages.
func (s *Store) DocumentList(ctx context.Context, f DocumentFilter) ([]catalog.Document, int, error) {
	return s.documentPage(ctx, f, documentHeadCols, scanDocumentHead)
}

// latestChunk bounds the number of columns per statement (SQLite allows at
// most 500 terms in a compound SELECT).
const latestChunk = 100

// LatestPublished returns, for each of the columns, its n newest published
// documents (without bodies), newest first. It answers in one statement per
// 100 columns, each column's part walking the (column_id, state,
// published_at) index, so the home page costs the same however many
// documents a column holds.
func (s *Store) LatestPublished(ctx context.Context, columnIDs []int64, n int) (map[int64][]catalog.Document, error) {
	out := make(map[int64][]catalog.Document, len(columnIDs))
	if n <= 0 {
		return out, nil
	}
	for chunk := range slices.Chunk(columnIDs, latestChunk) {
		parts := make([]string, len(chunk))
		args := make([]any, 0, 3*len(chunk))
		for i, id := range chunk {
			parts[i] = fmt.Sprintf(`SELECT id FROM (SELECT id FROM documents WHERE column_id = ? AND state = ?
				ORDER BY published_at DESC, id DESC LIMIT ?) AS t%d`, i)
			args = append(args, id, string(catalog.StatePublished), n)
		}
		rows, err := s.query(ctx, `SELECT `+documentHeadCols+` FROM documents WHERE id IN (`+
			strings.Join(parts, " UNION ALL ")+`)`, args...)
		docs, err := collect(rows, err, scanDocumentHead)
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			out[d.ColumnID] = append(out[d.ColumnID], d)
		}
	}
	for id, docs := range out {
		slices.SortFunc(docs, NewestFirst)
		out[id] = docs
	}
	return out, nil
}

// NewestFirst orders documents as every public list does: by publication
// time, then by ID, newest first.
func NewestFirst(a, b catalog.Document) int {
	if c := b.PublishedAt.Compare(a.PublishedAt); c != 0 {
		return c
	}
	return cmp.Compare(b.ID, a.ID)
}

// Issuers lists the distinct 发布机构 of a site's published documents, for
// the 公开目录 filter.
func (s *Store) Issuers(ctx context.Context, siteID int64) ([]string, error) {
	return s.publishedValues(ctx, siteID, "issuer")
}

// ChannelsUsed lists the channels other than the website on which a site's
// published documents also went out, so the 信息公开指南 names only the
// channels the agency really uses (条例第二十三条).
func (s *Store) ChannelsUsed(ctx context.Context, siteID int64) ([]catalog.Channel, error) {
	rows, err := s.query(ctx, `SELECT DISTINCT c.channel FROM document_channels c JOIN documents d ON d.id = c.document_id
		WHERE d.site_id = ? AND d.state = ?`, siteID, string(catalog.StatePublished))
	used, err := collect(rows, err, func(sc scanner) (catalog.Channel, error) {
		var c catalog.Channel
		return c, sc.Scan(&c)
	})
	if err != nil {
		return nil, err
	}
	// Display order is the catalogue's, not the database's.
	var out []catalog.Channel
	for _, c := range catalog.Channels {
		if slices.Contains(used, c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// DocumentRef is the little a sitemap needs of a document.
type DocumentRef struct {
	ID          int64
	PublishedAt time.Time
	UpdatedAt   time.Time
}

// PublishedRefs lists up to limit of a site's published documents, newest
// first.
func (s *Store) PublishedRefs(ctx context.Context, siteID int64, limit int) ([]DocumentRef, error) {
	q := fmt.Sprintf(`SELECT id, published_at, updated_at FROM documents WHERE site_id = ? AND state = ?
		ORDER BY published_at DESC, id DESC LIMIT %d`, max(limit, 0))
	rows, err := s.query(ctx, q, siteID, string(catalog.StatePublished))
	return collect(rows, err, func(sc scanner) (DocumentRef, error) {
		var r DocumentRef
		var pub nullableTime
		err := sc.Scan(&r.ID, &pub, &r.UpdatedAt)
		r.PublishedAt = pub.t
		return r, err
	})
}
