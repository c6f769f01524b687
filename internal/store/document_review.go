package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
)

// Review is one entry of a document's review history.
type Review struct {
	ID             int64
	DocumentID     int64
	UserID         int64
	UserName       string
	Action         catalog.Action
	From, To       catalog.State
	Reason         string
	SecrecyChecked bool
	At             time.Time
}

// Transition moves a document from state from to state to, as decided by
// d, recording the review and the audit entry in the same transaction. When
// the document goes online for the first time it gets its 索引号, which never
// changes afterwards. It fails with ErrConflict when the document is no
// longer in state from (someone else acted first).
func (s *Store) Transition(ctx context.Context, docID int64, from, to catalog.State, d catalog.Decision, lateWorkdays int, audit auth.AuditEntry) (catalog.Document, error) {
	err := s.tx(ctx, func(c conn) error {
		doc, err := scanDocument(c.queryRow(ctx, `SELECT `+documentCols+` FROM documents WHERE id = ?`, docID))
		if err != nil {
			return err
		}
		if doc.State != from {
			return fmt.Errorf("%w: document %d is %s, not %s", ErrConflict, docID, doc.State, from)
		}
		// The decision's clock stamps the publication, so the 条例第二十六条
		// lateness computed by the caller and published_at agree.
		t := now()
		if !d.Now.IsZero() {
			t = d.Now.UTC().Truncate(time.Second)
		}
		sets := []string{"state = ?", "updated_at = ?"}
		args := []any{string(to), t}
		switch to {
		case catalog.StatePublished, catalog.StateScheduled:
			if doc.IndexNo == "" {
				no, err := c.nextIndexNo(ctx, doc)
				if err != nil {
					return err
				}
				sets, args = append(sets, "index_no = ?"), append(args, no)
			}
			if to == catalog.StateScheduled {
				sets, args = append(sets, "scheduled_at = ?"), append(args, d.PublishAt.UTC())
			} else {
				sets, args = append(sets, "published_at = ?", "late_workdays = ?"), append(args, t, lateWorkdays)
			}
		}
		args = append(args, docID)
		if _, err := c.exec(ctx, `UPDATE documents SET `+strings.Join(sets, ", ")+` WHERE id = ?`, args...); err != nil {
			return err
		}
		// Publication adds the document to the search index, withdrawal
		// removes it, in this same transaction.
		if err := c.syncSearch(ctx, docID); err != nil {
			return err
		}
		if _, err := c.exec(ctx, `INSERT INTO document_reviews (document_id, user_id, action, from_state, to_state, reason, secrecy_checked, at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, docID, d.ActorID, string(d.Action), string(from), string(to), d.Reason, d.SecrecyChecked, t); err != nil {
			return err
		}
		return c.appendAudit(ctx, audit)
	})
	if err != nil {
		return catalog.Document{}, err
	}
	return s.Document(ctx, docID)
}

// nextIndexNo hands out the next 索引号 of the document's site for the year
// of its 生成日期 (成文日期), website-rules §4.6: {USCC}/{YYYY}-{NNNNN}.
func (c conn) nextIndexNo(ctx context.Context, doc catalog.Document) (string, error) {
	var uscc string
	if err := c.queryRow(ctx, `SELECT uscc FROM sites WHERE id = ?`, doc.SiteID).Scan(&uscc); err != nil {
		return "", mapErr(err)
	}
	year := time.Now().In(china).Year()
	if y, err := strconv.Atoi(strings.SplitN(doc.WrittenOn, "-", 2)[0]); err == nil && y > 1900 {
		year = y
	}
	serial, err := c.bumpSerial(ctx, doc.SiteID, year, 0)
	if err != nil {
		return "", err
	}
	return catalog.FormatIndexNo(uscc, year, serial), nil
}

// bumpSerial returns the next serial for (site, year), never lower than
// atLeast+1 so imported numbers are never handed out again.
func (c conn) bumpSerial(ctx context.Context, siteID int64, year, atLeast int) (int, error) {
	var last int
	err := c.queryRow(ctx, `INSERT INTO index_serials (site_id, year, last) VALUES (?, ?, ?)
		ON CONFLICT (site_id, year) DO UPDATE SET last = CASE WHEN index_serials.last + 1 > excluded.last
		THEN index_serials.last + 1 ELSE excluded.last END RETURNING last`, siteID, year, max(atLeast, 0)+1).Scan(&last)
	return last, mapErr(err)
}

// Reviews lists a document's review history, oldest first.
func (s *Store) Reviews(ctx context.Context, docID int64) ([]Review, error) {
	rows, err := s.query(ctx, `SELECT r.id, r.document_id, r.user_id, u.display_name, r.action, r.from_state, r.to_state,
		r.reason, r.secrecy_checked, r.at FROM document_reviews r JOIN users u ON u.id = r.user_id
		WHERE r.document_id = ? ORDER BY r.id`, docID)
	return collect(rows, err, func(sc scanner) (Review, error) {
		var r Review
		return r, sc.Scan(&r.ID, &r.DocumentID, &r.UserID, &r.UserName, &r.Action, &r.From, &r.To, &r.Reason, &r.SecrecyChecked, &r.At)
	})
}

// FirstReviewer is who passed the document's latest 初审, or 0.
func (s *Store) FirstReviewer(ctx context.Context, docID int64) (int64, error) {
	var id int64
	err := mapErr(s.queryRow(ctx, `SELECT user_id FROM document_reviews WHERE document_id = ? AND action = ?
		ORDER BY id DESC LIMIT 1`, docID, string(catalog.ActFirstApprove)).Scan(&id))
	if err == ErrNotFound {
		return 0, nil
	}
	return id, err
}

// DueScheduled lists scheduled documents whose time has come.
func (s *Store) DueScheduled(ctx context.Context, at time.Time) ([]catalog.Document, error) {
	rows, err := s.query(ctx, `SELECT `+documentCols+` FROM documents WHERE state = ? AND scheduled_at <= ? ORDER BY scheduled_at`,
		string(catalog.StateScheduled), at.UTC())
	return collect(rows, err, scanDocument)
}

// SetValidity records that a document was amended, repealed or expired
// (or is valid again), pointing to the document that replaced it.
func (s *Store) SetValidity(ctx context.Context, docID int64, v catalog.Validity, on string, replacedBy int64, audit auth.AuditEntry) error {
	return s.tx(ctx, func(c conn) error {
		res, err := c.exec(ctx, `UPDATE documents SET validity = ?, validity_on = ?, replaced_by = ?, updated_at = ? WHERE id = ?`,
			string(v), on, nullID(replacedBy), now(), docID)
		if err := oneRow(res, err); err != nil {
			return err
		}
		if err := c.syncSearch(ctx, docID); err != nil { // repealed/expired are demoted and labelled
			return err
		}
		return c.appendAudit(ctx, audit)
	})
}
