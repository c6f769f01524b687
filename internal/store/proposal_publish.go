package store

import (
	"context"
	"fmt"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
)

// PublishProposalReply puts a proposal's reply online as a document of the
// site, in one transaction: the document is created published with its
// 索引号 (so it is in the column's list, the feeds, the 目录 and the search
// index like any other), the review is recorded with the 保密审查
// declaration (国办发〔2014〕46号: the reply and its disclosure are reviewed
// together), the proposal points to it and the audit line is written.
// doc must already have personal data removed (interact.RedactReply). It
// fails with ErrConflict when the reply is already published.
func (s *Store) PublishProposalReply(ctx context.Context, proposalID int64, doc catalog.Document, at time.Time, reviewerID int64, audit auth.AuditEntry) (int64, error) {
	var docID int64
	err := s.tx(ctx, func(c conn) error {
		var existing int64
		if err := c.queryRow(ctx, `SELECT COALESCE(document_id, 0) FROM proposals WHERE id = ?`, proposalID).Scan(&existing); err != nil {
			return mapErr(err)
		}
		if existing != 0 {
			return fmt.Errorf("%w: proposal %d already published as document %d", ErrConflict, proposalID, existing)
		}
		no, err := c.nextIndexNo(ctx, doc)
		if err != nil {
			return err
		}
		t := at.UTC().Truncate(time.Second)
		doc.IndexNo, doc.State, doc.PublishedAt, doc.AuthorID = no, catalog.StatePublished, t, reviewerID
		if doc.Genre == "" {
			doc.Genre = catalog.GenreOther
		}
		if doc.Validity == "" {
			doc.Validity = catalog.Valid
		}
		if docID, err = c.createDocument(ctx, doc); err != nil {
			return err
		}
		if _, err := c.exec(ctx, `INSERT INTO document_reviews (document_id, user_id, action, from_state, to_state, reason, secrecy_checked, at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, docID, reviewerID, string(catalog.ActFinalApprove), string(catalog.StateFirstApproved),
			string(catalog.StatePublished), "建议提案答复与公开同步审查", true, t); err != nil {
			return err
		}
		res, err := c.exec(ctx, `UPDATE proposals SET document_id = ?, updated_at = ? WHERE id = ?`, docID, t, proposalID)
		if err := oneRow(res, err); err != nil {
			return err
		}
		audit.Target = fmt.Sprintf("document:%d", docID)
		return c.appendAudit(ctx, audit)
	})
	return docID, err
}
