package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Queue views of the repost queue.
const (
	QueueNew      = "new"      // neither required nor dismissed nor reposted: to be looked at
	QueueRequired = "required" // required and not yet online
	QueueOverdue  = "overdue"  // required, past the due date, not online
	QueueReposted = "reposted" // our repost is online
	QueueAll      = "all"
)

// UpstreamFilter selects items of the queue.
type UpstreamFilter struct {
	SiteID         int64
	SubscriptionID int64
	View           string // one of the Queue… constants ("" = QueueAll)
	Today          string // YYYY-MM-DD, for QueueOverdue
	Duplicates     bool   // include items recognised as duplicates
	Title          string
	Limit, Offset  int
}

func (f UpstreamFilter) where() (string, []any) {
	conds := []string{"1 = 1"}
	var args []any
	add := func(c string, a ...any) { conds = append(conds, c); args = append(args, a...) }
	if f.SiteID != 0 {
		add("u.site_id = ?", f.SiteID)
	}
	if f.SubscriptionID != 0 {
		add("u.subscription_id = ?", f.SubscriptionID)
	}
	if !f.Duplicates {
		add("u.duplicate_of IS NULL")
	}
	if f.Title != "" {
		add("u.title LIKE ?", "%"+escapeLike(f.Title)+"%")
	}
	switch f.View {
	case QueueNew:
		add("u.required = ? AND u.dismissed = ? AND u.document_id IS NULL", false, false)
	case QueueRequired:
		add("u.required = ? AND u.proof_at IS NULL", true)
	case QueueOverdue:
		add("u.required = ? AND u.proof_at IS NULL AND u.due_on <> '' AND u.due_on < ?", true, f.Today)
	case QueueReposted:
		add("u.proof_at IS NOT NULL")
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// UpstreamItems lists items of the queue and the total matching. Required
// views come by due date (the most urgent first), the others newest first.
func (s *Store) UpstreamItems(ctx context.Context, f UpstreamFilter) ([]UpstreamItem, int, error) {
	where, args := f.where()
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM upstream_items u`+where, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	order := "u.discovered_at DESC, u.id DESC"
	if f.View == QueueRequired || f.View == QueueOverdue {
		order = "u.due_on, u.id"
	}
	q := fmt.Sprintf(`SELECT %s%s%s ORDER BY %s LIMIT %d OFFSET %d`, upstreamItemCols, upstreamItemFrom, where, order,
		pageLimit(f.Limit, 50), max(f.Offset, 0))
	rows, err := s.query(ctx, q, args...)
	items, err := collect(rows, err, scanUpstreamItem)
	return items, total, err
}

// CountOverdueReposts counts a site's required items past their due date
// and not online (the back office's warning).
func (s *Store) CountOverdueReposts(ctx context.Context, siteID int64, today string) (int, error) {
	where, args := UpstreamFilter{SiteID: siteID, View: QueueOverdue, Today: today}.where()
	var n int
	return n, mapErr(s.queryRow(ctx, `SELECT COUNT(*) FROM upstream_items u`+where, args...).Scan(&n))
}

// MarkRepostRequired makes an item a required repost due on dueOn, going
// to columnID by default; by is the staff member who decided. A duplicate
// cannot be marked (its first copy carries the obligation).
func (s *Store) MarkRepostRequired(ctx context.Context, id int64, dueOn string, columnID, by int64, at time.Time) error {
	res, err := s.execQuiet(ctx, `UPDATE upstream_items SET required = ?, required_by = 'staff', rule_id = NULL, due_on = ?,
		column_id = ?, marked_by = ?, marked_at = ?, dismissed = ? WHERE id = ? AND duplicate_of IS NULL`,
		true, dueOn, nullID(columnID), by, at.UTC(), false, id)
	return oneRow(res, err)
}

// DismissUpstreamItem records that an item need not be reposted (or, with
// dismissed false, puts it back in the queue). A required item stops
// being required: staff decided otherwise, and who did is kept.
func (s *Store) DismissUpstreamItem(ctx context.Context, id int64, dismissed bool, by int64, at time.Time) error {
	res, err := s.execQuiet(ctx, `UPDATE upstream_items SET dismissed = ?, required = ?, required_by = '', rule_id = NULL,
		due_on = '', marked_by = ?, marked_at = ? WHERE id = ? AND document_id IS NULL`, dismissed, false, by, at.UTC(), id)
	return oneRow(res, err)
}
