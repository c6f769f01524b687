package store

import (
	"context"
	"errors"
	"fmt"

	"gongkai/internal/catalog"
)

// Reads the back office needs beyond the per-table ones: its dashboard and
// review pages.

// LateDocuments lists published documents that went online later than the
// 20 working days of 条例第二十六条, newest first.
func (s *Store) LateDocuments(ctx context.Context, limit int) ([]catalog.Document, error) {
	rows, err := s.query(ctx, fmt.Sprintf(`SELECT %s FROM documents WHERE state = ? AND late_workdays > 0
		ORDER BY published_at DESC, id DESC LIMIT %d`, documentCols, pageLimit(limit, 20)), string(catalog.StatePublished))
	return collect(rows, err, scanDocument)
}

// LastReasons returns, for each of docIDs that has one, the reason given
// with its latest review step act (e.g. why it was sent back).
func (s *Store) LastReasons(ctx context.Context, docIDs []int64, act catalog.Action) (map[int64]string, error) {
	out := map[int64]string{}
	if len(docIDs) == 0 {
		return out, nil
	}
	args := append([]any{string(act)}, anySlice(docIDs)...)
	rows, err := s.query(ctx, `SELECT document_id, reason FROM document_reviews WHERE action = ? AND document_id IN (`+
		placeholders(len(docIDs))+`) ORDER BY id`, args...)
	type pair struct {
		id     int64
		reason string
	}
	pairs, err := collect(rows, err, func(sc scanner) (pair, error) {
		var p pair
		return p, sc.Scan(&p.id, &p.reason)
	})
	for _, p := range pairs { // ordered by id: the latest wins
		out[p.id] = p.reason
	}
	return out, err
}

// LastReviewer is who last performed act on the document, or 0.
func (s *Store) LastReviewer(ctx context.Context, docID int64, act catalog.Action) (int64, error) {
	var id int64
	err := mapErr(s.queryRow(ctx, `SELECT user_id FROM document_reviews WHERE document_id = ? AND action = ?
		ORDER BY id DESC LIMIT 1`, docID, string(act)).Scan(&id))
	if errors.Is(err, ErrNotFound) {
		return 0, nil
	}
	return id, err
}

// AuditActions lists the distinct actions in the audit log, for the
// viewer's filter.
func (s *Store) AuditActions(ctx context.Context) ([]string, error) {
	rows, err := s.query(ctx, `SELECT DISTINCT action FROM audit_log ORDER BY action`)
	return collect(rows, err, func(sc scanner) (string, error) {
		var a string
		return a, sc.Scan(&a)
	})
}
