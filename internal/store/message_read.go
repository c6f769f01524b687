package store

import (
	"context"
	"strings"

	"gongkai/internal/interact"
	"gongkai/internal/secret"
	"gongkai/internal/workday"
)

// MessageFilter selects messages for the staff inbox, the citizen's account
// page and the public list of 留言选登.
type MessageFilter struct {
	SiteID    int64
	Status    interact.MessageStatus // "" for any
	Open      bool                   // only new or routed
	Kind      interact.MessageKind
	OrgID     int64 // routed to (or answered by) this 科室
	CitizenID int64 // a signed-in citizen's own messages
	// Published: only messages whose document is on the portal now (a
	// document withdrawn in the document pages leaves the list too).
	Published bool
	Query     string // words in the title, question or answer (published texts when Published)
	DueBefore string // YYYY-MM-DD: open messages due on or before (overdue filters)
	Limit     int
	Offset    int
}

func (f MessageFilter) where() (string, []any) {
	var conds []string
	var args []any
	add := func(c string, a ...any) { conds, args = append(conds, c), append(args, a...) }
	if f.SiteID != 0 {
		add("m.site_id = ?", f.SiteID)
	}
	if f.Status != "" {
		add("m.status = ?", string(f.Status))
	}
	if f.Open {
		add("m.status IN (?, ?)", string(interact.StatusNew), string(interact.StatusRouted))
	}
	if f.Kind != "" {
		add("m.kind = ?", string(f.Kind))
	}
	if f.OrgID != 0 {
		add("(m.org_id = ? OR m.answer_org_id = ?)", f.OrgID, f.OrgID)
	}
	if f.CitizenID != 0 {
		add("m.citizen_id = ?", f.CitizenID)
	}
	if f.Published {
		add("m.published_at IS NOT NULL AND EXISTS (SELECT 1 FROM documents d WHERE d.id = m.document_id AND d.state = 'published')")
	}
	if f.DueBefore != "" {
		add("m.due_on <> '' AND m.due_on <= ?", f.DueBefore)
	}
	for _, w := range strings.Fields(f.Query) {
		if w = escapeLike(w); w == "" {
			continue
		}
		like := "%" + w + "%"
		if f.Published {
			add("(m.pub_title LIKE ? OR m.pub_question LIKE ? OR m.pub_answer LIKE ?)", like, like, like)
		} else {
			add("(m.title LIKE ? OR m.body LIKE ? OR m.answer LIKE ? OR m.code LIKE ?)", like, like, like, like)
		}
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Messages lists messages, newest first (by publication for the public
// list), with the total the filter matches.
func (s *Store) Messages(ctx context.Context, f MessageFilter) ([]Message, int, error) {
	where, args := f.where()
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM messages m`+where, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	order := " ORDER BY m.received_at DESC, m.id DESC"
	if f.Published {
		order = " ORDER BY m.published_at DESC, m.id DESC"
	}
	cols := "m." + strings.Join(strings.Fields(strings.ReplaceAll(messageCols, ",", " ")), ", m.")
	rows, err := s.query(ctx, `SELECT `+cols+` FROM messages m`+where+order+` LIMIT ? OFFSET ?`,
		append(args, pageLimit(f.Limit, 20), max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, err
	}
	list, err := collect(rows, nil, s.scanMessage)
	return list, total, err
}

// MessagesByPhone lists a site's other messages from the same phone number
// (blind index: no decryption), newest first: the inbox shows them to spot
// duplicates before merging.
func (s *Store) MessagesByPhone(ctx context.Context, siteID int64, phone string, except int64) ([]Message, error) {
	kr, err := s.Keyring()
	if err != nil {
		return nil, err
	}
	idx := kr.BlindAll(secret.FieldPhone, phone)
	if len(idx) == 0 {
		return nil, nil
	}
	rows, err := s.query(ctx, `SELECT `+messageCols+` FROM messages WHERE site_id = ? AND id <> ? AND phone_bidx IN (`+
		placeholders(len(idx))+`) ORDER BY received_at DESC LIMIT 20`, append([]any{siteID, except}, anySlice(idx)...)...)
	return collect(rows, err, s.scanMessage)
}

// MergedInto lists the duplicates merged into message id.
func (s *Store) MergedInto(ctx context.Context, id int64) ([]Message, error) {
	rows, err := s.query(ctx, `SELECT `+messageCols+` FROM messages WHERE merged_into = ? ORDER BY id`, id)
	return collect(rows, err, s.scanMessage)
}

// OpenMessageClocks lists every open message with only what its deadline
// reminders need (ID, code, 科室, received and due dates), in the inbox's
// order. The reminder job reads it every minute, so it neither counts nor
// opens the sealed name, phone and e-mail the way Messages does.
func (s *Store) OpenMessageClocks(ctx context.Context) ([]Message, error) {
	where, args := MessageFilter{Open: true}.where()
	rows, err := s.query(ctx, `SELECT m.id, m.code, m.org_id, m.received_on, m.due_on FROM messages m`+where+
		` ORDER BY m.received_at DESC, m.id DESC`, args...)
	return collect(rows, err, func(sc scanner) (Message, error) {
		var m Message
		var org *int64
		var recvOn, dueOn string
		if err := mapErr(sc.Scan(&m.ID, &m.Code, &org, &recvOn, &dueOn)); err != nil {
			return m, err
		}
		m.OrgID = deref(org)
		m.ReceivedOn, _ = workday.ParseDate(recvOn)
		if dueOn != "" {
			m.DueOn, _ = workday.ParseDate(dueOn)
		}
		return m, nil
	})
}
