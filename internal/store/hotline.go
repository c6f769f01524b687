package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gongkai/internal/interact"
	"gongkai/internal/secret"
)

// fieldCallerName binds callers' names into their ciphertexts (the secret
// package's fields cover phones, e-mails, addresses and ID numbers).
const fieldCallerName secret.Field = "caller_name"

// The hotline's and proposals' ciphertexts join key rotation
// (application_secret.go walks encryptedColumns).
func init() {
	encryptedColumns = append(encryptedColumns,
		struct {
			table, col, bidx string
			field            secret.Field
		}{"hotline_cases", "caller_name_enc", "", fieldCallerName},
		struct {
			table, col, bidx string
			field            secret.Field
		}{"hotline_cases", "caller_phone_enc", "caller_phone_bidx", secret.FieldPhone},
		struct {
			table, col, bidx string
			field            secret.Field
		}{"proposals", "proposer_phone_enc", "", secret.FieldPhone},
		struct {
			table, col, bidx string
			field            secret.Field
		}{"proposal_cohandlers", "email_enc", "", secret.FieldEmail},
	)
}

const hotlineCols = `id, site_id, channel, ticket_no, kind, caller_kind, caller_name_enc, caller_phone_enc, subject, content,
	org_id, handling, result, received_at, closed_at, created_at, updated_at`

func scanHotline(kr *secret.Keyring) func(scanner) (interact.HotlineCase, error) {
	return func(sc scanner) (interact.HotlineCase, error) {
		var c interact.HotlineCase
		var name, phone string
		var closed nullableTime
		err := sc.Scan(&c.ID, &c.SiteID, &c.Channel, &c.TicketNo, &c.Kind, &c.CallerKind, &name, &phone, &c.Subject,
			&c.Content, &c.OrgID, &c.Handling, &c.Result, &c.ReceivedAt, &closed, &c.CreatedAt, &c.UpdatedAt)
		if err != nil {
			return c, mapErr(err)
		}
		c.ClosedAt = closed.t
		if c.CallerName, err = kr.Open(fieldCallerName, name); err != nil {
			return c, err
		}
		c.CallerPhone, err = kr.Open(secret.FieldPhone, phone)
		return c, err
	}
}

// sealedHotline is a case's personal data as stored.
type sealedHotline struct{ name, phone, phoneBidx string }

func sealHotline(kr *secret.Keyring, c interact.HotlineCase) (sealedHotline, error) {
	var s sealedHotline
	var err error
	if s.name, err = kr.Seal(fieldCallerName, strings.TrimSpace(c.CallerName)); err != nil {
		return s, err
	}
	if s.phone, err = kr.Seal(secret.FieldPhone, c.CallerPhone); err != nil {
		return s, err
	}
	if c.CallerPhone != "" {
		s.phoneBidx = kr.Blind(secret.FieldPhone, c.CallerPhone)
	}
	return s, nil
}

// CreateHotlineCase logs a call, letter or ticket.
func (s *Store) CreateHotlineCase(ctx context.Context, c interact.HotlineCase) (int64, error) {
	kr, err := s.Keyring()
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.tx(ctx, func(cn conn) error {
		var err error
		id, err = cn.createHotline(ctx, kr, c)
		return err
	})
	return id, err
}

func (c conn) createHotline(ctx context.Context, kr *secret.Keyring, h interact.HotlineCase) (int64, error) {
	sealed, err := sealHotline(kr, h)
	if err != nil {
		return 0, err
	}
	t := now()
	return c.insert(ctx, `INSERT INTO hotline_cases (site_id, channel, ticket_no, kind, caller_kind, caller_name_enc,
		caller_phone_enc, caller_phone_bidx, subject, content, org_id, handling, result, received_at, closed_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		h.SiteID, string(h.Channel), strings.TrimSpace(h.TicketNo), string(h.Kind), string(h.CallerKind), sealed.name,
		sealed.phone, sealed.phoneBidx, h.Subject, h.Content, h.OrgID, h.Handling, string(h.Result),
		h.ReceivedAt.UTC(), nullTime(h.ClosedAt), t, t)
}

// UpdateHotlineCase changes a logged case (its site never changes).
func (s *Store) UpdateHotlineCase(ctx context.Context, h interact.HotlineCase) error {
	kr, err := s.Keyring()
	if err != nil {
		return err
	}
	return s.tx(ctx, func(c conn) error { return c.updateHotline(ctx, kr, h) })
}

func (c conn) updateHotline(ctx context.Context, kr *secret.Keyring, h interact.HotlineCase) error {
	sealed, err := sealHotline(kr, h)
	if err != nil {
		return err
	}
	res, err := c.exec(ctx, `UPDATE hotline_cases SET channel=?, ticket_no=?, kind=?, caller_kind=?, caller_name_enc=?,
		caller_phone_enc=?, caller_phone_bidx=?, subject=?, content=?, org_id=?, handling=?, result=?, received_at=?,
		closed_at=?, updated_at=? WHERE id=?`,
		string(h.Channel), strings.TrimSpace(h.TicketNo), string(h.Kind), string(h.CallerKind), sealed.name, sealed.phone,
		sealed.phoneBidx, h.Subject, h.Content, h.OrgID, h.Handling, string(h.Result), h.ReceivedAt.UTC(),
		nullTime(h.ClosedAt), now(), h.ID)
	return oneRow(res, err)
}

// HotlineCase reads one case with the caller's data decrypted.
func (s *Store) HotlineCase(ctx context.Context, id int64) (interact.HotlineCase, error) {
	kr, err := s.Keyring()
	if err != nil {
		return interact.HotlineCase{}, err
	}
	return scanHotline(kr)(s.queryRow(ctx, `SELECT `+hotlineCols+` FROM hotline_cases WHERE id = ?`, id))
}

// HotlineFilter selects cases for the log and the statistics.
type HotlineFilter struct {
	SiteID  int64
	Year    int // received in this year (China time); 0 = any
	Channel interact.HotlineChannel
	Kind    interact.HotlineKind
	OrgID   int64
	Open    bool // only cases still being handled
	Limit   int  // 0 = all (statistics)
	Offset  int
}

func (f HotlineFilter) where() (string, []any) {
	conds, args := []string{"site_id = ?"}, []any{f.SiteID}
	if f.Year != 0 {
		conds, args = append(conds, "received_at >= ? AND received_at < ?"), append(args, yearStart(f.Year), yearStart(f.Year+1))
	}
	if f.Channel != "" {
		conds, args = append(conds, "channel = ?"), append(args, string(f.Channel))
	}
	if f.Kind != "" {
		conds, args = append(conds, "kind = ?"), append(args, string(f.Kind))
	}
	if f.OrgID != 0 {
		conds, args = append(conds, "org_id = ?"), append(args, f.OrgID)
	}
	if f.Open {
		conds, args = append(conds, "result = ?"), append(args, string(interact.ResultOpen))
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// HotlineCases lists cases newest first, with the total matching f.
func (s *Store) HotlineCases(ctx context.Context, f HotlineFilter) ([]interact.HotlineCase, int, error) {
	kr, err := s.Keyring()
	if err != nil {
		return nil, 0, err
	}
	where, args := f.where()
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM hotline_cases`+where, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	q := `SELECT ` + hotlineCols + ` FROM hotline_cases` + where + ` ORDER BY received_at DESC, id DESC`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, max(f.Offset, 0))
	}
	rows, err := s.query(ctx, q, args...)
	cs, err := collect(rows, err, scanHotline(kr))
	return cs, total, err
}

// HotlineImportResult says what an import did.
type HotlineImportResult struct {
	Created, Updated int
}

// ImportHotlineCases stores the cases of one 12345 export in one
// transaction: a ticket number already stored for the site updates that
// case (a later export carries the closing), a new one is created. Running
// the same file twice therefore changes nothing the second time, and an
// error leaves nothing half-imported.
func (s *Store) ImportHotlineCases(ctx context.Context, siteID int64, cases []interact.HotlineCase) (HotlineImportResult, error) {
	kr, err := s.Keyring()
	if err != nil {
		return HotlineImportResult{}, err
	}
	var r HotlineImportResult
	err = s.tx(ctx, func(c conn) error {
		r = HotlineImportResult{}
		for _, h := range cases {
			h.SiteID = siteID
			if strings.TrimSpace(h.TicketNo) == "" {
				return fmt.Errorf("store: imported case without a ticket number")
			}
			var id int64
			err := c.queryRow(ctx, `SELECT id FROM hotline_cases WHERE site_id = ? AND ticket_no = ?`, siteID, strings.TrimSpace(h.TicketNo)).Scan(&id)
			switch err = mapErr(err); {
			case err == nil:
				h.ID = id
				if err := c.updateHotline(ctx, kr, h); err != nil {
					return err
				}
				r.Updated++
			case errors.Is(err, ErrNotFound):
				if _, err := c.createHotline(ctx, kr, h); err != nil {
					return err
				}
				r.Created++
			default:
				return err
			}
		}
		return nil
	})
	return r, err
}
