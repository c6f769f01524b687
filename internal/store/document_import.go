package store

import (
	"context"
	"strconv"
	"strings"

	"gongkai/internal/catalog"
)

// IndexRef is the little an importer needs to know about an existing
// document: where it lives and what replaces it.
type IndexRef struct {
	ID         int64
	SiteID     int64
	IndexNo    string
	WrittenOn  string
	State      catalog.State
	ReplacedBy int64
}

// importChunk bounds the IN lists of bulk reads (PostgreSQL allows 65535
// parameters, SQLite 32766; 500 keeps both far away).
const importChunk = 500

// IndexRefs looks up documents by 索引号; numbers not found are absent
// from the map.
func (s *Store) IndexRefs(ctx context.Context, indexNos []string) (map[string]IndexRef, error) {
	out := make(map[string]IndexRef, len(indexNos))
	for _, part := range importChunks(indexNos) {
		rows, err := s.query(ctx, `SELECT id, site_id, index_no, written_on, state, COALESCE(replaced_by, 0)
			FROM documents WHERE index_no IN (`+placeholders(len(part))+`)`, anySlice(part)...)
		refs, err := collect(rows, err, func(sc scanner) (IndexRef, error) {
			var r IndexRef
			return r, sc.Scan(&r.ID, &r.SiteID, &r.IndexNo, &r.WrittenOn, &r.State, &r.ReplacedBy)
		})
		if err != nil {
			return nil, err
		}
		for _, r := range refs {
			out[r.IndexNo] = r
		}
	}
	return out, nil
}

// DocumentsByIndexNo reads whole documents (with channels and attachments)
// by 索引号, in bulk, so an import can tell which lines change nothing.
func (s *Store) DocumentsByIndexNo(ctx context.Context, indexNos []string) (map[string]catalog.Document, error) {
	out := make(map[string]catalog.Document, len(indexNos))
	for _, part := range importChunks(indexNos) {
		rows, err := s.query(ctx, `SELECT `+documentCols+` FROM documents WHERE index_no IN (`+placeholders(len(part))+`)`, anySlice(part)...)
		docs, err := collect(rows, err, scanDocument)
		if err != nil {
			return nil, err
		}
		if len(docs) == 0 {
			continue
		}
		byID := make(map[int64]*catalog.Document, len(docs))
		ids := make([]int64, len(docs))
		for i := range docs {
			byID[docs[i].ID], ids[i] = &docs[i], docs[i].ID
		}
		in := `(` + placeholders(len(ids)) + `)`
		rows, err = s.query(ctx, `SELECT document_id, id, channel, date, ref FROM document_channels WHERE document_id IN `+in+` ORDER BY date, id`, anySlice(ids)...)
		if err := scanImportRows(rows, err, func(sc scanner) error {
			var docID int64
			var r catalog.ChannelRecord
			if err := sc.Scan(&docID, &r.ID, &r.Channel, &r.Date, &r.Ref); err != nil {
				return err
			}
			byID[docID].Channels = append(byID[docID].Channels, r)
			return nil
		}); err != nil {
			return nil, err
		}
		rows, err = s.query(ctx, `SELECT `+attachmentCols+` FROM attachments WHERE document_id IN `+in+` ORDER BY id`, anySlice(ids)...)
		atts, err := collect(rows, err, scanAttachment)
		if err != nil {
			return nil, err
		}
		for _, a := range atts {
			byID[a.DocumentID].Attachments = append(byID[a.DocumentID].Attachments, a)
		}
		for _, d := range docs {
			out[d.IndexNo] = d
		}
	}
	return out, nil
}

// ImportDocuments writes a batch of already published documents in one
// transaction. A document with ID 0 is created (getting the next 索引号 of
// its site when it has none); one with an ID is overwritten with the import's
// content, metadata and publication date (its state is kept). Attachments
// with ID 0 are recorded, those with an ID are kept, and any other record of
// an updated document is dropped: the import file is the source. The site's
// 索引号 serial is moved past every imported number carrying its own USCC, so
// numbers handed out later never collide. It returns the IDs in batch order.
func (s *Store) ImportDocuments(ctx context.Context, docs []catalog.Document) ([]int64, error) {
	ids := make([]int64, len(docs))
	err := s.tx(ctx, func(c conn) error {
		// Serials first, so a document of this batch without a 索引号 is
		// numbered past the imported ones.
		if err := c.bumpImportedSerials(ctx, docs); err != nil {
			return err
		}
		for i, d := range docs {
			var err error
			if d.ID == 0 {
				if d.IndexNo == "" {
					if d.IndexNo, err = c.nextIndexNo(ctx, d); err != nil {
						return err
					}
				}
				d.ID, err = c.createDocument(ctx, d)
			} else {
				err = c.overwriteDocument(ctx, d)
			}
			if err != nil {
				return err
			}
			ids[i] = d.ID
			if err := c.syncAttachments(ctx, d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// bumpImportedSerials moves each site's serial past the highest number
// among docs that carries the site's own USCC.
func (c conn) bumpImportedSerials(ctx context.Context, docs []catalog.Document) error {
	usccs := map[int64]string{}
	serials := map[[2]int64]int{} // (site, year) → highest imported serial
	for _, d := range docs {
		uscc, ok := usccs[d.SiteID]
		if !ok {
			if err := c.queryRow(ctx, `SELECT uscc FROM sites WHERE id = ?`, d.SiteID).Scan(&uscc); err != nil {
				return mapErr(err)
			}
			usccs[d.SiteID] = uscc
		}
		if year, n, ok := ownSerial(uscc, d.IndexNo); ok {
			k := [2]int64{d.SiteID, int64(year)}
			serials[k] = max(serials[k], n)
		}
	}
	for k, n := range serials {
		if err := c.bumpSerialTo(ctx, k[0], int(k[1]), n); err != nil {
			return err
		}
	}
	return nil
}

// BumpIndexSerial makes sure the next 索引号 serial handed out for (site,
// year) is above n, e.g. after documents were imported with their numbers.
func (s *Store) BumpIndexSerial(ctx context.Context, siteID int64, year, n int) error {
	return s.tx(ctx, func(c conn) error { return c.bumpSerialTo(ctx, siteID, year, n) })
}

// bumpSerialTo raises the stored serial to n when it is lower. It reads
// first so that a number already past n is not advanced (bumpSerial always
// hands out one more number).
func (c conn) bumpSerialTo(ctx context.Context, siteID int64, year, n int) error {
	var last int
	err := mapErr(c.queryRow(ctx, `SELECT last FROM index_serials WHERE site_id = ? AND year = ?`, siteID, year).Scan(&last))
	if err != nil && err != ErrNotFound {
		return err
	}
	if err == nil && last >= n {
		return nil
	}
	_, err = c.bumpSerial(ctx, siteID, year, n-1)
	return err
}

// ownSerial parses {uscc}/{YYYY}-{N}; other agencies' or legacy numbers
// do not touch this site's counter.
func ownSerial(uscc, indexNo string) (year, n int, ok bool) {
	rest, found := strings.CutPrefix(indexNo, uscc+"/")
	if uscc == "" || !found {
		return 0, 0, false
	}
	y, serial, found := strings.Cut(rest, "-")
	if !found || len(y) != 4 {
		return 0, 0, false
	}
	year, err1 := strconv.Atoi(y)
	n, err2 := strconv.Atoi(serial)
	return year, n, err1 == nil && err2 == nil && n > 0
}

func (c conn) overwriteDocument(ctx context.Context, d catalog.Document) error {
	res, err := c.exec(ctx, `UPDATE documents SET column_id=?, org_id=?, title=?, summary=?, body_html=?, doc_no=?,
		topic=?, issuer=?, genre=?, written_on=?, changed_on=?, validity=?, validity_on=?, published_at=?,
		late_workdays=?, updated_at=? WHERE id=?`,
		d.ColumnID, nullID(d.OrgID), d.Title, d.Summary, d.BodyHTML, d.DocNo, d.Topic, d.Issuer, string(d.Genre),
		d.WrittenOn, d.ChangedOn, string(d.Validity), d.ValidityOn, nullTime(d.PublishedAt), d.LateWorkdays, now(), d.ID)
	if err := oneRow(res, err); err != nil {
		return err
	}
	if err := c.replaceChannels(ctx, d.ID, d.Channels); err != nil {
		return err
	}
	return c.syncSearch(ctx, d.ID)
}

func (c conn) syncAttachments(ctx context.Context, d catalog.Document) error {
	keep := make([]any, 0, len(d.Attachments)+1)
	keep = append(keep, d.ID)
	t := now()
	for _, a := range d.Attachments {
		if a.ID != 0 {
			keep = append(keep, a.ID)
			continue
		}
		id, err := c.insert(ctx, `INSERT INTO attachments (document_id, name, stored_as, mime, size, sha256, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, d.ID, a.Name, a.StoredAs, a.MIME, a.Size, a.SHA256, t)
		if err != nil {
			return err
		}
		keep = append(keep, id)
	}
	if len(keep) == 1 {
		_, err := c.exec(ctx, `DELETE FROM attachments WHERE document_id = ?`, d.ID)
		return err
	}
	_, err := c.exec(ctx, `DELETE FROM attachments WHERE document_id = ? AND id NOT IN (`+placeholders(len(keep)-1)+`)`, keep...)
	return err
}

// SetReplacements points documents (keys) to the documents that amended or
// repealed them (values; 0 clears the link), in one transaction, and reports
// how many links changed.
func (s *Store) SetReplacements(ctx context.Context, links map[int64]int64) (int, error) {
	changed := 0
	err := s.tx(ctx, func(c conn) error {
		t := now()
		for id, by := range links {
			res, err := c.exec(ctx, `UPDATE documents SET replaced_by = ?, updated_at = ? WHERE id = ? AND COALESCE(replaced_by, 0) <> ?`,
				nullID(by), t, id, by)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err == nil && n > 0 {
				changed++
			}
		}
		return nil
	})
	return changed, err
}

func importChunks(xs []string) [][]string {
	var out [][]string
	for len(xs) > 0 {
		n := min(len(xs), importChunk)
		out = append(out, xs[:n])
		xs = xs[n:]
	}
	return out
}

// scanImportRows calls fn for every row and closes rows.
func scanImportRows(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close() error
}, err error, fn func(scanner) error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return mapErr(rows.Err())
}
