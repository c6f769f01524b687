package store

import (
	"context"
	"fmt"
	"time"

	"gongkai/internal/catalog"
)

// RepostUpstreamItem creates our repost of an item — a draft document d
// going through the review workflow like any other (先审后发, website-rules
// §2.5) — and links it to the item, in one transaction. It fails with
// ErrConflict when the item already has a repost that was not withdrawn.
func (s *Store) RepostUpstreamItem(ctx context.Context, itemID int64, d catalog.Document, by int64, at time.Time) (int64, error) {
	var docID int64
	err := s.tx(ctx, func(c conn) error {
		var current int64
		var state string
		err := c.queryRow(ctx, `SELECT COALESCE(u.document_id, 0), COALESCE(d.state, '') FROM upstream_items u
			LEFT JOIN documents d ON d.id = u.document_id WHERE u.id = ?`, itemID).Scan(&current, &state)
		if err != nil {
			return mapErr(err)
		}
		if current != 0 && state != string(catalog.StateWithdrawn) {
			return fmt.Errorf("%w: item %d is already reposted as document %d", ErrConflict, itemID, current)
		}
		d.State = catalog.StateDraft
		if docID, err = c.createDocument(ctx, d); err != nil {
			return err
		}
		_, err = c.exec(ctx, `UPDATE upstream_items SET document_id = ?, reposted_by = ?, reposted_at = ?, dismissed = ?,
			proof_url = '', proof_at = NULL, proof_by = '' WHERE id = ?`, docID, by, at.UTC(), false, itemID)
		return err
	})
	return docID, err
}

// RecordRepostProofs keeps the proof of every repost that went online
// since the last pass: our address (urlOf gives it from the site and
// document), when it was published and who reposted it. It runs from the
// background job; the proof stays when the document is later withdrawn,
// since it was online on that date. It returns how many it recorded.
func (s *Store) RecordRepostProofs(ctx context.Context, urlOf func(siteID, docID int64) string) (int, error) {
	rows, err := s.query(ctx, `SELECT u.id, d.site_id, d.id, d.published_at, COALESCE(us.display_name, '')
		FROM upstream_items u JOIN documents d ON d.id = u.document_id LEFT JOIN users us ON us.id = u.reposted_by
		WHERE u.proof_at IS NULL AND d.state = ? AND d.published_at IS NOT NULL`, string(catalog.StatePublished))
	type proof struct {
		item, site, doc int64
		at              time.Time
		by              string
	}
	proofs, err := collect(rows, err, func(sc scanner) (proof, error) {
		var p proof
		var at nullableTime
		err := sc.Scan(&p.item, &p.site, &p.doc, &at, &p.by)
		p.at = at.t
		return p, err
	})
	if err != nil {
		return 0, err
	}
	for _, p := range proofs {
		if _, err := s.exec(ctx, `UPDATE upstream_items SET proof_url = ?, proof_at = ?, proof_by = ? WHERE id = ? AND proof_at IS NULL`,
			urlOf(p.site, p.doc), p.at.UTC(), p.by, p.item); err != nil {
			return 0, err
		}
	}
	return len(proofs), nil
}

// RepostReport lists a site's required items due in month (YYYY-MM), by
// due date, for the monthly report; the caller judges each on its date.
func (s *Store) RepostReport(ctx context.Context, siteID int64, month string) ([]UpstreamItem, error) {
	rows, err := s.query(ctx, `SELECT `+upstreamItemCols+upstreamItemFrom+` WHERE u.site_id = ? AND u.required = ?
		AND u.duplicate_of IS NULL AND u.due_on >= ? AND u.due_on <= ? ORDER BY u.due_on, u.id`,
		siteID, true, month+"-01", month+"-31")
	return collect(rows, err, scanUpstreamItem)
}
