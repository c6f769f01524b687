package store

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/interact"
	"gongkai/internal/secret"
	"gongkai/internal/workday"
)

// fieldMessageName binds a message writer's name into its ciphertexts, so it
// cannot be moved into another column and decrypt there.
const fieldMessageName secret.Field = "message_name"

// Message is a 留言 as stored, with the writer's personal data decrypted.
type Message struct {
	ID            int64
	SiteID        int64
	Code          string // the tracking code the citizen was given
	Kind          interact.MessageKind
	Title, Body   string
	Name, Phone   string // personal data: shown masked to staff
	Email         string
	Public        bool // the citizen agreed to publication
	CitizenID     int64
	Status        interact.MessageStatus
	OrgID         int64
	ReceivedAt    time.Time
	ReceivedOn    workday.Date
	DueOn         workday.Date
	Answer        string
	AnswerOrgID   int64
	AnsweredBy    int64
	AnsweredAt    time.Time
	InvalidReason interact.InvalidReason
	InvalidNote   string
	MergedInto    int64
	PubTitle      string
	PubQuestion   string
	PubAnswer     string
	DocumentID    int64
	PublishedAt   time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Published reports whether the question and answer are on the portal.
func (m Message) Published() bool { return m.DocumentID != 0 && !m.PublishedAt.IsZero() }

// Answered reports whether the citizen has an answer (their own, or the one
// of the message their duplicate was merged into).
func (m Message) Answered() bool { return !m.AnsweredAt.IsZero() }

// State is what the domain rules need.
func (m Message) State() interact.MessageState {
	return interact.MessageState{ID: m.ID, Status: m.Status, OrgID: m.OrgID, Public: m.Public, Published: m.Published()}
}

// ReplyOrg is the 科室 that answered (or, before, the one handling it).
func (m Message) ReplyOrg() int64 {
	if m.AnswerOrgID != 0 {
		return m.AnswerOrgID
	}
	return m.OrgID
}

const messageCols = `id, site_id, code, kind, title, body, name_enc, phone_enc, email_enc, public, citizen_id, status,
	org_id, received_at, received_on, due_on, answer, answer_org_id, answered_by, answered_at, invalid_reason,
	invalid_note, merged_into, pub_title, pub_question, pub_answer, document_id, published_at, created_at, updated_at`

func (s *Store) scanMessage(sc scanner) (Message, error) {
	var m Message
	var nameEnc, phoneEnc, emailEnc, kind, status, recvOn, dueOn, reason string
	var citizen, org, ansOrg, ansBy, merged, doc *int64
	var answeredAt, publishedAt nullableTime
	err := mapErr(sc.Scan(&m.ID, &m.SiteID, &m.Code, &kind, &m.Title, &m.Body, &nameEnc, &phoneEnc, &emailEnc, &m.Public,
		&citizen, &status, &org, &m.ReceivedAt, &recvOn, &dueOn, &m.Answer, &ansOrg, &ansBy, &answeredAt, &reason,
		&m.InvalidNote, &merged, &m.PubTitle, &m.PubQuestion, &m.PubAnswer, &doc, &publishedAt, &m.CreatedAt, &m.UpdatedAt))
	if err != nil {
		return m, err
	}
	m.Kind, m.Status, m.InvalidReason = interact.MessageKind(kind), interact.MessageStatus(status), interact.InvalidReason(reason)
	m.CitizenID, m.OrgID, m.AnswerOrgID, m.AnsweredBy, m.MergedInto, m.DocumentID = deref(citizen), deref(org), deref(ansOrg), deref(ansBy), deref(merged), deref(doc)
	m.AnsweredAt, m.PublishedAt = answeredAt.t, publishedAt.t
	m.ReceivedOn, _ = workday.ParseDate(recvOn)
	if dueOn != "" {
		m.DueOn, _ = workday.ParseDate(dueOn)
	}
	kr, err := s.Keyring()
	if err != nil {
		return m, err
	}
	if m.Name, err = kr.Open(fieldMessageName, nameEnc); err != nil {
		return m, err
	}
	if m.Phone, err = kr.Open(secret.FieldPhone, phoneEnc); err != nil {
		return m, err
	}
	m.Email, err = kr.Open(secret.FieldEmail, emailEnc)
	return m, err
}

// NewMessageRecord is a citizen's submission as the store records it.
type NewMessageRecord struct {
	SiteID     int64
	Message    interact.NewMessage
	CitizenID  int64 // the signed-in citizen account, 0 for none
	ReceivedAt time.Time
	DueOn      workday.Date // computed by interact.MessageDue
	Audit      auth.AuditEntry
}

// CreateMessage stores a submission with a fresh tracking code, its
// "received" event and the audit line, in one transaction. The name, phone
// and e-mail are stored only sealed; the phone's blind index finds the
// writer's other messages (duplicates) without decrypting.
func (s *Store) CreateMessage(ctx context.Context, n NewMessageRecord) (Message, error) {
	kr, err := s.Keyring()
	if err != nil {
		return Message{}, err
	}
	nm := n.Message
	name, err := kr.Seal(fieldMessageName, strings.TrimSpace(nm.Name))
	if err != nil {
		return Message{}, err
	}
	phone, err := kr.Seal(secret.FieldPhone, strings.TrimSpace(nm.Phone))
	if err != nil {
		return Message{}, err
	}
	email, err := kr.Seal(secret.FieldEmail, strings.TrimSpace(nm.Email))
	if err != nil {
		return Message{}, err
	}
	at := n.ReceivedAt.UTC().Truncate(time.Second)
	recvOn := workday.FromTime(n.ReceivedAt.In(china))
	var id int64
	for attempt := 0; ; attempt++ {
		code := NewMessageCode()
		err = s.tx(ctx, func(c conn) error {
			id, err = c.insert(ctx, `INSERT INTO messages (site_id, code, kind, title, body, name_enc, phone_enc, phone_bidx,
				email_enc, public, citizen_id, status, received_at, received_on, due_on, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				n.SiteID, code, string(nm.Kind), strings.TrimSpace(nm.Title), strings.TrimSpace(nm.Body), name, phone,
				kr.Blind(secret.FieldPhone, nm.Phone), email, nm.Public, nullID(n.CitizenID), string(interact.StatusNew),
				at, recvOn.String(), dateOrEmpty(n.DueOn), at, at)
			if err != nil {
				return err
			}
			if err := c.messageEvent(ctx, id, interact.ActReceive, 0, 0, "", at); err != nil {
				return err
			}
			n.Audit.Target = fmt.Sprintf("message:%d", id)
			return c.appendAudit(ctx, n.Audit)
		})
		// A code collision (60 random bits) is astronomically rare; retry.
		if err == nil || attempt >= 3 || !strings.Contains(err.Error(), "code") {
			break
		}
	}
	if err != nil {
		return Message{}, err
	}
	return s.Message(ctx, id)
}

func dateOrEmpty(d workday.Date) string {
	if d == (workday.Date{}) {
		return ""
	}
	return d.String()
}

func (c conn) messageEvent(ctx context.Context, id int64, a interact.MessageAction, userID, orgID int64, note string, at time.Time) error {
	_, err := c.execQuiet(ctx, `INSERT INTO message_events (message_id, action, user_id, org_id, note, at) VALUES (?, ?, ?, ?, ?, ?)`,
		id, string(a), nullID(userID), nullID(orgID), note, at.UTC())
	return err
}

// codeAlphabet leaves out 0/O, 1/I/L and U, so a code read out over the
// phone or copied by hand is not mistaken.
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ"

// NewMessageCode is a tracking code: "LY-" and three groups of four
// characters (≈ 58 random bits, so codes cannot be guessed: a private
// message is read with its code alone).
func NewMessageCode() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	var sb strings.Builder
	sb.WriteString("LY")
	for i, x := range b {
		if i%4 == 0 {
			sb.WriteByte('-')
		}
		sb.WriteByte(codeAlphabet[int(x)%len(codeAlphabet)])
	}
	return sb.String()
}

// NormalizeMessageCode reads a code as typed: case, spaces and dashes do
// not matter, and a code typed without the "LY" prefix is still found.
func NormalizeMessageCode(s string) string {
	s = strings.ToUpper(strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' || r == '　' || r == '－' {
			return -1
		}
		return r
	}, s))
	s = strings.TrimPrefix(s, "LY")
	if len(s) != 12 {
		return ""
	}
	return "LY-" + s[0:4] + "-" + s[4:8] + "-" + s[8:12]
}

// Message reads one message.
func (s *Store) Message(ctx context.Context, id int64) (Message, error) {
	return s.scanMessage(s.queryRow(ctx, `SELECT `+messageCols+` FROM messages WHERE id = ?`, id))
}

// MessageByCode finds a message of a site by its tracking code.
func (s *Store) MessageByCode(ctx context.Context, siteID int64, code string) (Message, error) {
	code = NormalizeMessageCode(code)
	if code == "" {
		return Message{}, ErrNotFound
	}
	return s.scanMessage(s.queryRow(ctx, `SELECT `+messageCols+` FROM messages WHERE site_id = ? AND code = ?`, siteID, code))
}
