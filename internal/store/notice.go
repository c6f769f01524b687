package store

import (
	"context"
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/workday"
)

// Notice is a 告知书 as issued: its rendered text is kept as it was sent,
// never re-rendered from a template that may have changed since, together
// with the service record (how and when it was delivered).
type Notice struct {
	ID            int64
	ApplicationID int64
	EventSeq      int // the case event it belongs to; 0 for none
	Kind          disclosure.NoticeKind
	Title         string
	BodyHTML      string // sanitised HTML rendered from the template
	IssuedOn      workday.Date
	DeliveredVia  string       // 邮寄, 电子邮件, 当面送达, 网上查询…; "" until served
	DeliveredOn   workday.Date // zero until served
	DeliveryRef   string       // e.g. the postal tracking number
	CreatedBy     int64
	CreatedAt     time.Time
}

// Delivered reports whether the service of the notice was recorded.
func (n Notice) Delivered() bool { return n.DeliveredVia != "" }

const noticeCols = `id, application_id, event_seq, kind, title, body_html, issued_on, delivered_via, delivered_on, delivery_ref, created_by, created_at`

func scanNotice(sc scanner) (Notice, error) {
	var n Notice
	var issued, delivered string
	var by *int64
	err := sc.Scan(&n.ID, &n.ApplicationID, &n.EventSeq, &n.Kind, &n.Title, &n.BodyHTML, &issued, &n.DeliveredVia, &delivered,
		&n.DeliveryRef, &by, &n.CreatedAt)
	if err != nil {
		return n, mapErr(err)
	}
	if by != nil {
		n.CreatedBy = *by
	}
	if n.IssuedOn, err = parseDateCol(issued); err == nil {
		n.DeliveredOn, err = parseDateCol(delivered)
	}
	return n, err
}

// CreateNotice stores an issued notice.
func (s *Store) CreateNotice(ctx context.Context, n Notice) (int64, error) {
	return s.conn.createNotice(ctx, n)
}

func (c conn) createNotice(ctx context.Context, n Notice) (int64, error) {
	return c.appInsert(ctx, `INSERT INTO notices (application_id, event_seq, kind, title, body_html, issued_on, delivered_via,
		delivered_on, delivery_ref, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		n.ApplicationID, n.EventSeq, string(n.Kind), n.Title, n.BodyHTML, dateCol(n.IssuedOn), n.DeliveredVia, dateCol(n.DeliveredOn),
		n.DeliveryRef, nullID(n.CreatedBy), now())
}

// Notice reads one notice.
func (s *Store) Notice(ctx context.Context, id int64) (Notice, error) {
	return scanNotice(s.queryRow(ctx, `SELECT `+noticeCols+` FROM notices WHERE id = ?`, id))
}

// Notices lists an application's notices in the order they were issued.
func (s *Store) Notices(ctx context.Context, applicationID int64) ([]Notice, error) {
	rows, err := s.query(ctx, `SELECT `+noticeCols+` FROM notices WHERE application_id = ? ORDER BY id`, applicationID)
	return collect(rows, err, scanNotice)
}

// RecordNoticeDelivery records how and when a notice was served. The
// record is written once: a notice already served cannot be re-dated
// (ErrConflict), because the service date starts the applicant's remedy
// periods.
func (s *Store) RecordNoticeDelivery(ctx context.Context, id int64, via string, on workday.Date, ref string) error {
	res, err := s.execQuiet(ctx, `UPDATE notices SET delivered_via = ?, delivered_on = ?, delivery_ref = ?
		WHERE id = ? AND delivered_via = ''`, via, dateCol(on), ref, id)
	if err := oneRow(res, err); err == ErrNotFound {
		if _, err := s.Notice(ctx, id); err != nil {
			return err
		}
		return ErrConflict
	} else if err != nil {
		return err
	}
	return nil
}
