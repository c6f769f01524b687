package store

import (
	"context"
	"fmt"
	"strings"

	"gongkai/internal/catalog"
)

// documentHeadCols are a document's columns but its body: list pages never
// show the body, so they need not read it. COALESCE turns the NULL-able
// references into the zero values catalog.Document uses for "none".
const documentHeadCols = `id, site_id, column_id, COALESCE(org_id, 0), COALESCE(author_id, 0), title, summary,
	doc_no, COALESCE(index_no, ''), topic, issuer, genre, written_on, changed_on, validity, validity_on,
	COALESCE(replaced_by, 0), state, scheduled_at, published_at, late_workdays, created_at, updated_at`

// documentCols are all of a document's columns. The body comes last so one
// scan function serves both lists.
const documentCols = documentHeadCols + `, body_html`

func scanDocument(sc scanner) (catalog.Document, error) { return scanDocumentRow(sc, true) }

func scanDocumentHead(sc scanner) (catalog.Document, error) { return scanDocumentRow(sc, false) }

// scanDocumentRow reads a row of documentHeadCols, or of documentCols when
// withBody is set.
func scanDocumentRow(sc scanner, withBody bool) (catalog.Document, error) {
	var d catalog.Document
	var sched, pub nullableTime
	dest := make([]any, 0, 24)
	dest = append(dest, &d.ID, &d.SiteID, &d.ColumnID, &d.OrgID, &d.AuthorID, &d.Title, &d.Summary,
		&d.DocNo, &d.IndexNo, &d.Topic, &d.Issuer, &d.Genre, &d.WrittenOn, &d.ChangedOn, &d.Validity, &d.ValidityOn,
		&d.ReplacedBy, &d.State, &sched, &pub, &d.LateWorkdays, &d.CreatedAt, &d.UpdatedAt)
	if withBody {
		dest = append(dest, &d.BodyHTML)
	}
	err := sc.Scan(dest...)
	d.ScheduledAt, d.PublishedAt = sched.t, pub.t
	return d, mapErr(err)
}

// CreateDocument stores a new document with its channel records.
func (s *Store) CreateDocument(ctx context.Context, d catalog.Document) (int64, error) {
	var id int64
	err := s.tx(ctx, func(c conn) error {
		var err error
		id, err = c.createDocument(ctx, d)
		return err
	})
	return id, err
}

func (c conn) createDocument(ctx context.Context, d catalog.Document) (int64, error) {
	t := now()
	if d.State == "" {
		d.State = catalog.StateDraft
	}
	id, err := c.insert(ctx, `INSERT INTO documents (site_id, column_id, org_id, author_id, title, summary, body_html,
		doc_no, index_no, topic, issuer, genre, written_on, changed_on, validity, validity_on, replaced_by, state,
		scheduled_at, published_at, late_workdays, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.SiteID, d.ColumnID, nullID(d.OrgID), nullID(d.AuthorID), d.Title, d.Summary, d.BodyHTML,
		d.DocNo, nullString(d.IndexNo), d.Topic, d.Issuer, string(d.Genre), d.WrittenOn, d.ChangedOn,
		string(d.Validity), d.ValidityOn, nullID(d.ReplacedBy), string(d.State), nullTime(d.ScheduledAt),
		nullTime(d.PublishedAt), d.LateWorkdays, t, t)
	if err != nil {
		return 0, err
	}
	if err := c.replaceChannels(ctx, id, d.Channels); err != nil {
		return 0, err
	}
	if d.State == catalog.StatePublished { // imports arrive published; index them in this transaction
		d.ID = id
		return id, c.indexDocumentRow(ctx, d)
	}
	return id, nil
}

// UpdateDocument changes a document's content and metadata. The 索引号,
// state and validity are not touched: they have their own methods.
func (s *Store) UpdateDocument(ctx context.Context, d catalog.Document) error {
	return s.tx(ctx, func(c conn) error {
		if err := c.updateDocument(ctx, d); err != nil {
			return err
		}
		if err := c.replaceChannels(ctx, d.ID, d.Channels); err != nil {
			return err
		}
		return c.syncSearch(ctx, d.ID)
	})
}

func (c conn) updateDocument(ctx context.Context, d catalog.Document) error {
	res, err := c.exec(ctx, `UPDATE documents SET column_id=?, org_id=?, title=?, summary=?, body_html=?, doc_no=?,
		topic=?, issuer=?, genre=?, written_on=?, changed_on=?, updated_at=? WHERE id=?`,
		d.ColumnID, nullID(d.OrgID), d.Title, d.Summary, d.BodyHTML, d.DocNo, d.Topic, d.Issuer,
		string(d.Genre), d.WrittenOn, d.ChangedOn, now(), d.ID)
	return oneRow(res, err)
}

func (c conn) replaceChannels(ctx context.Context, docID int64, chs []catalog.ChannelRecord) error {
	if _, err := c.exec(ctx, `DELETE FROM document_channels WHERE document_id = ?`, docID); err != nil {
		return err
	}
	for _, ch := range chs {
		if _, err := c.exec(ctx, `INSERT INTO document_channels (document_id, channel, date, ref) VALUES (?, ?, ?, ?)`,
			docID, string(ch.Channel), ch.Date, ch.Ref); err != nil {
			return err
		}
	}
	return nil
}

// Document reads one document with its channels and attachments.
func (s *Store) Document(ctx context.Context, id int64) (catalog.Document, error) {
	d, err := scanDocument(s.queryRow(ctx, `SELECT `+documentCols+` FROM documents WHERE id = ?`, id))
	if err != nil {
		return d, err
	}
	return s.withParts(ctx, d)
}

// DocumentByIndexNo reads a document by its 索引号.
func (s *Store) DocumentByIndexNo(ctx context.Context, indexNo string) (catalog.Document, error) {
	d, err := scanDocument(s.queryRow(ctx, `SELECT `+documentCols+` FROM documents WHERE index_no = ?`, indexNo))
	if err != nil {
		return d, err
	}
	return s.withParts(ctx, d)
}

func (s *Store) withParts(ctx context.Context, d catalog.Document) (catalog.Document, error) {
	rows, err := s.query(ctx, `SELECT id, channel, date, ref FROM document_channels WHERE document_id = ? ORDER BY date, id`, d.ID)
	d.Channels, err = collect(rows, err, func(sc scanner) (catalog.ChannelRecord, error) {
		var r catalog.ChannelRecord
		return r, sc.Scan(&r.ID, &r.Channel, &r.Date, &r.Ref)
	})
	if err != nil {
		return d, err
	}
	d.Attachments, err = s.Attachments(ctx, d.ID)
	return d, err
}

// DocumentFilter selects documents. Zero fields do not filter.
type DocumentFilter struct {
	SiteID    int64
	ColumnIDs []int64
	OrgID     int64
	AuthorID  int64
	States    []catalog.State
	Topic     string
	Issuer    string
	Year      int // year of publication
	Validity  catalog.Validity
	Genre     catalog.Genre
	Title     string // substring of the title
	Limit     int
	Offset    int
}

func (f DocumentFilter) where() (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) { conds = append(conds, cond); args = append(args, a...) }
	if f.SiteID != 0 {
		add("site_id = ?", f.SiteID)
	}
	if len(f.ColumnIDs) > 0 {
		add("column_id IN ("+placeholders(len(f.ColumnIDs))+")", anySlice(f.ColumnIDs)...)
	}
	if f.OrgID != 0 {
		add("org_id = ?", f.OrgID)
	}
	if f.AuthorID != 0 {
		add("author_id = ?", f.AuthorID)
	}
	if len(f.States) > 0 {
		states := make([]any, len(f.States))
		for i, st := range f.States {
			states[i] = string(st)
		}
		add("state IN ("+placeholders(len(f.States))+")", states...)
	}
	if f.Topic != "" {
		add("topic = ?", f.Topic)
	}
	if f.Issuer != "" {
		add("issuer = ?", f.Issuer)
	}
	if f.Year != 0 {
		add("published_at >= ? AND published_at < ?", yearStart(f.Year), yearStart(f.Year+1))
	}
	if f.Validity != "" {
		add("validity = ?", string(f.Validity))
	}
	if f.Genre != "" {
		add("genre = ?", string(f.Genre))
	}
	if f.Title != "" {
		add("title LIKE ?", "%"+escapeLike(f.Title)+"%")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Documents lists documents newest first (by publication, then creation) and
// the total number matching, for pagination.
func (s *Store) Documents(ctx context.Context, f DocumentFilter) ([]catalog.Document, int, error) {
	return s.documentPage(ctx, f, documentCols, scanDocument)
}

// documentPage is one page of the documents f selects, read as cols with
// scan, and the total matching. Documents and DocumentList differ only in
// whether they read the body.
func (s *Store) documentPage(ctx context.Context, f DocumentFilter, cols string,
	scan func(scanner) (catalog.Document, error)) ([]catalog.Document, int, error) {
	where, args := f.where()
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM documents`+where, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	if f.Offset >= total {
		return nil, total, nil // past the end: no need to ask
	}
	q := fmt.Sprintf(`SELECT %s FROM documents%s ORDER BY published_at DESC, id DESC LIMIT %d OFFSET %d`,
		cols, where, pageLimit(f.Limit, 20), max(f.Offset, 0))
	if s.pg {
		q = strings.Replace(q, "published_at DESC", "published_at DESC NULLS LAST", 1)
	}
	rows, err := s.query(ctx, q, args...)
	docs, err := collect(rows, err, scan)
	return docs, total, err
}

// Topics lists the distinct 主题分类 of a site's published documents.
func (s *Store) Topics(ctx context.Context, siteID int64) ([]string, error) {
	return s.publishedValues(ctx, siteID, "topic")
}

// publishedValues lists the distinct non-empty values of a text column over
// a site's published documents, in order, for the 公开目录 filters. column
// is always one of this package's constants, never user input.
func (s *Store) publishedValues(ctx context.Context, siteID int64, column string) ([]string, error) {
	rows, err := s.query(ctx, `SELECT DISTINCT `+column+` FROM documents WHERE site_id = ? AND state = ? AND `+
		column+` <> '' ORDER BY `+column, siteID, string(catalog.StatePublished))
	return collect(rows, err, func(sc scanner) (string, error) {
		var v string
		return v, sc.Scan(&v)
	})
}

// PublishedYears lists the years in which a site published documents, newest first.
func (s *Store) PublishedYears(ctx context.Context, siteID int64) ([]int, error) {
	rows, err := s.query(ctx, `SELECT published_at FROM documents WHERE site_id = ? AND state = ? AND published_at IS NOT NULL`,
		siteID, string(catalog.StatePublished))
	times, err := collect(rows, err, func(sc scanner) (nullableTime, error) {
		var t nullableTime
		return t, sc.Scan(&t)
	})
	if err != nil {
		return nil, err
	}
	seen := map[int]bool{}
	var years []int
	for _, t := range times {
		y := t.t.In(china).Year()
		if !seen[y] {
			seen[y] = true
			years = append(years, y)
		}
	}
	sortDesc(years)
	return years, nil
}
