package store

import (
	"context"

	"gongkai/internal/catalog"
)

const attachmentCols = `id, document_id, name, stored_as, mime, size, sha256, created_at`

func scanAttachment(sc scanner) (catalog.Attachment, error) {
	var a catalog.Attachment
	return a, mapErr(sc.Scan(&a.ID, &a.DocumentID, &a.Name, &a.StoredAs, &a.MIME, &a.Size, &a.SHA256, &a.CreatedAt))
}

// CreateAttachment records a file already written under the files dir.
func (s *Store) CreateAttachment(ctx context.Context, a catalog.Attachment) (int64, error) {
	return s.insert(ctx, `INSERT INTO attachments (document_id, name, stored_as, mime, size, sha256, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, a.DocumentID, a.Name, a.StoredAs, a.MIME, a.Size, a.SHA256, now())
}

// Attachment reads one attachment.
func (s *Store) Attachment(ctx context.Context, id int64) (catalog.Attachment, error) {
	return scanAttachment(s.queryRow(ctx, `SELECT `+attachmentCols+` FROM attachments WHERE id = ?`, id))
}

// Attachments lists a document's attachments in upload order.
func (s *Store) Attachments(ctx context.Context, docID int64) ([]catalog.Attachment, error) {
	rows, err := s.query(ctx, `SELECT `+attachmentCols+` FROM attachments WHERE document_id = ? ORDER BY id`, docID)
	return collect(rows, err, scanAttachment)
}

// DeleteAttachment removes an attachment's record; the caller removes the file.
func (s *Store) DeleteAttachment(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM attachments WHERE id = ?`, id)
	return oneRow(res, err)
}
