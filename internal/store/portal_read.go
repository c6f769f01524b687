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

// documentHeadCols are documentCols without body_html.
const documentHeadCols = `id, site_id, column_id, COALESCE(org_id, 0), COALESCE(author_id, 0), title, summary,
	doc_no, COALESCE(index_no, ''), topic, issuer, genre, written_on, changed_on, validity, validity_on,
	COALESCE(replaced_by, 0), state, scheduled_at, published_at, late_workdays, created_at, updated_at`

func scanDocumentHead(sc scanner) (catalog.Document, error) {
	var d catalog.Document
	var sched, pub nullableTime
	err := sc.Scan(&d.ID, &d.SiteID, &d.ColumnID, &d.OrgID, &d.AuthorID, &d.Title, &d.Summary,
		&d.DocNo, &d.IndexNo, &d.Topic, &d.Issuer, &d.Genre, &d.WrittenOn, &d.ChangedOn, &d.Validity, &d.ValidityOn,
		&d.ReplacedBy, &d.State, &sched, &pub, &d.LateWorkdays, &d.CreatedAt, &d.UpdatedAt)
	d.ScheduledAt, d.PublishedAt = sched.t, pub.t
	return d, mapErr(err)
}

// DocumentHead reads one document without its body, channels or attachments
// (for example the replacing document a repealed one links to).
func (s *Store) DocumentHead(ctx context.Context, id int64) (catalog.Document, error) {
	return scanDocumentHead(s.queryRow(ctx, `SELECT `+documentHeadCols+` FROM documents WHERE id = ?`, id))
}

// DocumentList is Documents without the bodies: the same filter, order and
// total, for listing pages.
func (s *Store) DocumentList(ctx context.Context, f DocumentFilter) ([]catalog.Document, int, error) {
	where, args := f.where()
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM documents`+where, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	limit := f.Limit
	if limit <= 0 || limit > 500 {
		limit = 20
	}
	if f.Offset >= total {
		return nil, total, nil // past the end: no need to ask
	}
	q := fmt.Sprintf(`SELECT %s FROM documents%s ORDER BY published_at DESC, id DESC LIMIT %d OFFSET %d`,
		documentHeadCols, where, limit, max(f.Offset, 0))
	if s.pg {
		q = strings.Replace(q, "published_at DESC", "published_at DESC NULLS LAST", 1)
	}
	rows, err := s.query(ctx, q, args...)
	docs, err := collect(rows, err, scanDocumentHead)
	return docs, total, err
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
	rows, err := s.query(ctx, `SELECT DISTINCT issuer FROM documents WHERE site_id = ? AND state = ? AND issuer <> '' ORDER BY issuer`,
		siteID, string(catalog.StatePublished))
	return collect(rows, err, func(sc scanner) (string, error) {
		var v string
		return v, sc.Scan(&v)
	})
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
