package store

import (
	"context"
	"time"
)

// FlagLateUnknown marks a publication whose lateness under 条例第二十六条
// could not be computed because the calendar did not cover a year between
// the 成文/变更 date and the publication date. The lateness is filled in
// when the calendar gains that year, never guessed.
const FlagLateUnknown = "late_unknown"

// DocumentFlag is an open question about a document for the back office.
type DocumentFlag struct {
	ID         int64
	DocumentID int64
	Title      string // the document's title, for lists
	Kind       string
	Detail     string
	CreatedAt  time.Time
	ResolvedAt time.Time
}

// FlagDocument raises a flag of kind on a document.
func (s *Store) FlagDocument(ctx context.Context, docID int64, kind, detail string) (int64, error) {
	return s.insert(ctx, `INSERT INTO document_flags (document_id, kind, detail, created_at) VALUES (?, ?, ?, ?)`,
		docID, kind, detail, now())
}

// OpenFlags lists the unresolved flags of kind, oldest first.
func (s *Store) OpenFlags(ctx context.Context, kind string) ([]DocumentFlag, error) {
	rows, err := s.query(ctx, `SELECT f.id, f.document_id, d.title, f.kind, f.detail, f.created_at
		FROM document_flags f JOIN documents d ON d.id = f.document_id
		WHERE f.kind = ? AND f.resolved_at IS NULL ORDER BY f.id`, kind)
	return collect(rows, err, func(sc scanner) (DocumentFlag, error) {
		var f DocumentFlag
		return f, sc.Scan(&f.ID, &f.DocumentID, &f.Title, &f.Kind, &f.Detail, &f.CreatedAt)
	})
}

// ResolveLateFlag closes a FlagLateUnknown flag with the lateness now
// computed, storing it on the document in the same transaction.
func (s *Store) ResolveLateFlag(ctx context.Context, flagID int64, lateWorkdays int) error {
	return s.tx(ctx, func(c conn) error {
		var docID int64
		if err := c.queryRow(ctx, `SELECT document_id FROM document_flags WHERE id = ? AND resolved_at IS NULL`, flagID).Scan(&docID); err != nil {
			return mapErr(err)
		}
		res, err := c.exec(ctx, `UPDATE documents SET late_workdays = ? WHERE id = ?`, lateWorkdays, docID)
		if err := oneRow(res, err); err != nil {
			return err
		}
		res, err = c.exec(ctx, `UPDATE document_flags SET resolved_at = ? WHERE id = ?`, now(), flagID)
		return oneRow(res, err)
	})
}
