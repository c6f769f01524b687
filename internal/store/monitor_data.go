package store

import (
	"context"
	"fmt"

	"gongkai/internal/catalog"
)

// Reads of the monitors' content checks. They page by ID so a check over a
// large site holds one batch in memory at a time.

// MonitorDocuments lists up to limit of a site's published documents with ID
// greater than afterID, in ID order; with bodies when withBody is set.
func (s *Store) MonitorDocuments(ctx context.Context, siteID, afterID int64, limit int, withBody bool) ([]catalog.Document, error) {
	cols, scan := documentHeadCols, scanDocumentHead
	if withBody {
		cols, scan = documentCols, scanDocument
	}
	rows, err := s.query(ctx, fmt.Sprintf(`SELECT %s FROM documents WHERE site_id = ? AND state = ? AND id > ?
		ORDER BY id LIMIT %d`, cols, pageLimit(limit, 200)), siteID, string(catalog.StatePublished), afterID)
	return collect(rows, err, scan)
}

// MonitorAttachments lists up to limit attachments of a site's
// published documents with ID greater than afterID, in ID order.
func (s *Store) MonitorAttachments(ctx context.Context, siteID, afterID int64, limit int) ([]catalog.Attachment, error) {
	rows, err := s.query(ctx, fmt.Sprintf(`SELECT a.id, a.document_id, a.name, a.stored_as, a.mime, a.size, a.sha256, a.created_at
		FROM attachments a JOIN documents d ON d.id = a.document_id
		WHERE d.site_id = ? AND d.state = ? AND a.id > ? ORDER BY a.id LIMIT %d`, pageLimit(limit, 200)),
		siteID, string(catalog.StatePublished), afterID)
	return collect(rows, err, scanAttachment)
}

// RegisterDocuments lists a site's rules and normative documents that ever
// went online (published or withdrawn since), without bodies, for checking
// the register against them.
func (s *Store) RegisterDocuments(ctx context.Context, siteID int64) ([]catalog.Document, error) {
	rows, err := s.query(ctx, `SELECT `+documentHeadCols+` FROM documents WHERE site_id = ? AND genre IN (?, ?)
		AND state IN (?, ?) ORDER BY id`, siteID, string(catalog.GenreRule), string(catalog.GenreNormative),
		string(catalog.StatePublished), string(catalog.StateWithdrawn))
	return collect(rows, err, scanDocumentHead)
}

// DocumentHeads reads the documents with the given IDs, without bodies, by ID.
func (s *Store) DocumentHeads(ctx context.Context, ids []int64) (map[int64]catalog.Document, error) {
	out := make(map[int64]catalog.Document, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), 400)
		rows, err := s.query(ctx, `SELECT `+documentHeadCols+` FROM documents WHERE id IN (`+placeholders(n)+`)`, anySlice(ids[:n])...)
		docs, err := collect(rows, err, scanDocumentHead)
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			out[d.ID] = d
		}
		ids = ids[n:]
	}
	return out, nil
}
