package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/workday"
)

// MessageChange is a staff step the domain accepted (interact.NextMessage),
// to record: the new status, the step's data, its event and audit line.
type MessageChange struct {
	ID      int64
	From    interact.MessageStatus // the status the step was judged on
	To      interact.MessageStatus
	Step    interact.MessageStep
	ActorID int64
	At      time.Time
	Audit   auth.AuditEntry
}

// RecordMessageStep records a route, answer, invalid, restore or merge step
// in one transaction. It fails with ErrConflict when the message is no
// longer in status From (someone else acted first).
func (s *Store) RecordMessageStep(ctx context.Context, ch MessageChange) (Message, error) {
	at := ch.At.UTC().Truncate(time.Second)
	st := ch.Step
	err := s.tx(ctx, func(c conn) error {
		var sets string
		var args []any
		orgID, note := st.OrgID, st.Note
		switch st.Action {
		case interact.ActRoute:
			sets, args = "org_id = ?", []any{st.OrgID}
		case interact.ActAnswer:
			// The answering 科室 is the one routed to unless the step names one.
			sets = "answer = ?, answer_org_id = COALESCE(?, org_id), org_id = COALESCE(org_id, ?), answered_by = ?, answered_at = ?"
			args = []any{st.Answer, nullID(st.OrgID), nullID(st.OrgID), nullID(ch.ActorID), at}
		case interact.ActInvalidate:
			sets, args = "invalid_reason = ?, invalid_note = ?", []any{string(st.Reason), st.Note}
			note = st.Reason.Label() + "：" + st.Note
		case interact.ActRestore:
			sets, args = "invalid_reason = '', invalid_note = ''", nil
		case interact.ActMerge:
			if st.Target == nil {
				return fmt.Errorf("merge without a target")
			}
			// Merging into an answered message closes this one with its
			// answer at once; otherwise the target's answer will (below).
			sets = `merged_into = ?, answer = (SELECT answer FROM messages t WHERE t.id = ?),
				answer_org_id = (SELECT answer_org_id FROM messages t WHERE t.id = ?),
				answered_by = (SELECT answered_by FROM messages t WHERE t.id = ?),
				answered_at = (SELECT answered_at FROM messages t WHERE t.id = ?)`
			args = []any{st.Target.ID, st.Target.ID, st.Target.ID, st.Target.ID, st.Target.ID}
			var code string
			if err := c.queryRow(ctx, `SELECT code FROM messages WHERE id = ?`, st.Target.ID).Scan(&code); err != nil {
				return mapErr(err)
			}
			note = "合并到留言 " + code
		default:
			return fmt.Errorf("store: %s is not a recorded message step", st.Action)
		}
		q := `UPDATE messages SET status = ?, updated_at = ?, ` + sets + ` WHERE id = ? AND status = ?`
		res, err := c.exec(ctx, q, append(append([]any{string(ch.To), at}, args...), ch.ID, string(ch.From))...)
		if err := oneRow(res, err); errors.Is(err, ErrNotFound) {
			return fmt.Errorf("%w: message %d is no longer %s", ErrConflict, ch.ID, ch.From)
		} else if err != nil {
			return err
		}
		if st.Action == interact.ActAnswer {
			// One answer closes the duplicates merged into this message.
			if _, err := c.exec(ctx, `UPDATE messages SET answer = ?, answer_org_id = (SELECT answer_org_id FROM messages t WHERE t.id = ?),
				answered_by = ?, answered_at = ?, updated_at = ? WHERE merged_into = ? AND answered_at IS NULL`,
				st.Answer, ch.ID, nullID(ch.ActorID), at, at, ch.ID); err != nil {
				return err
			}
		}
		if st.Action != interact.ActRoute && st.Action != interact.ActAnswer {
			orgID = 0
		}
		if err := c.messageEvent(ctx, ch.ID, st.Action, ch.ActorID, orgID, note, at); err != nil {
			return err
		}
		return c.appendAudit(ctx, ch.Audit)
	})
	if err != nil {
		return Message{}, err
	}
	return s.Message(ctx, ch.ID)
}

// MessagePublication publishes an answered message: Doc carries what the
// portal shows (title, summary, body built from the texts staff cleared of
// personal data, column, 科室, issuer, written date).
type MessagePublication struct {
	ID      int64
	Step    interact.MessageStep
	Doc     catalog.Document
	ActorID int64
	At      time.Time
	Audit   auth.AuditEntry
}

// PublishMessage creates the published document of a message in one
// transaction with the message's update: the document gets its 索引号 like
// any publication, goes into the search index in the same transaction
// (createDocument), and its review history records the publishing staff
// member's 保密审查 declaration. So a 留言选登 is in its column's list, its
// feed and the site search at once. ErrConflict when already published.
func (s *Store) PublishMessage(ctx context.Context, p MessagePublication) (Message, error) {
	at := p.At.UTC().Truncate(time.Second)
	err := s.tx(ctx, func(c conn) error {
		var status string
		var doc *int64
		if err := c.queryRow(ctx, `SELECT status, document_id FROM messages WHERE id = ?`, p.ID).Scan(&status, &doc); err != nil {
			return mapErr(err)
		}
		if interact.MessageStatus(status) != interact.StatusAnswered || doc != nil {
			return fmt.Errorf("%w: message %d cannot be published now", ErrConflict, p.ID)
		}
		d := p.Doc
		d.State, d.PublishedAt, d.AuthorID = catalog.StatePublished, at, p.ActorID
		if d.Validity == "" {
			d.Validity = catalog.Valid
		}
		if d.Genre == "" {
			d.Genre = catalog.GenreOther
		}
		no, err := c.nextIndexNo(ctx, d)
		if err != nil {
			return err
		}
		d.IndexNo = no
		id, err := c.createDocument(ctx, d)
		if err != nil {
			return err
		}
		if _, err := c.exec(ctx, `INSERT INTO document_reviews (document_id, user_id, action, from_state, to_state, reason, secrecy_checked, at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, p.ActorID, string(catalog.ActFinalApprove), string(catalog.StateDraft),
			string(catalog.StatePublished), "留言选登", p.Step.SecrecyChecked, at); err != nil {
			return err
		}
		if _, err := c.exec(ctx, `UPDATE messages SET pub_title = ?, pub_question = ?, pub_answer = ?, document_id = ?,
			published_at = ?, updated_at = ? WHERE id = ?`, p.Step.PubTitle, p.Step.PubQuestion, p.Step.PubAnswer, id, at, at, p.ID); err != nil {
			return err
		}
		if err := c.messageEvent(ctx, p.ID, interact.ActPublish, p.ActorID, 0, "索引号 "+no, at); err != nil {
			return err
		}
		p.Audit.Target = fmt.Sprintf("message:%d", p.ID)
		p.Audit.Detail = fmt.Sprintf("document:%d %s", id, no)
		return c.appendAudit(ctx, p.Audit)
	})
	if err != nil {
		return Message{}, err
	}
	return s.Message(ctx, p.ID)
}

// UnpublishMessage takes a 留言选登 off the portal: its document is
// withdrawn (撤稿, through Transition, which also removes it from the search
// index), then the message is marked unpublished. A document already
// withdrawn in the document pages is not an error.
func (s *Store) UnpublishMessage(ctx context.Context, id int64, reason string, actorID int64, at time.Time, audit auth.AuditEntry) (Message, error) {
	m, err := s.Message(ctx, id)
	if err != nil {
		return m, err
	}
	if !m.Published() {
		return m, fmt.Errorf("%w: message %d is not published", ErrConflict, id)
	}
	_, err = s.Transition(ctx, m.DocumentID, catalog.StatePublished, catalog.StateWithdrawn,
		catalog.Decision{Action: catalog.ActWithdraw, Reason: reason, ActorID: actorID, Now: at}, 0, audit)
	if err != nil && !errors.Is(err, ErrConflict) {
		return m, err
	}
	t := at.UTC().Truncate(time.Second)
	err = s.tx(ctx, func(c conn) error {
		if _, err := c.exec(ctx, `UPDATE messages SET document_id = NULL, published_at = NULL, updated_at = ? WHERE id = ?`, t, id); err != nil {
			return err
		}
		return c.messageEvent(ctx, id, interact.ActUnpublish, actorID, 0, reason, t)
	})
	if err != nil {
		return m, err
	}
	return s.Message(ctx, id)
}

// MessageEvent is one line of a message's history.
type MessageEvent struct {
	ID       int64
	Action   interact.MessageAction
	UserID   int64
	UserName string
	OrgID    int64
	Note     string
	At       time.Time
}

// MessageEvents lists a message's history, oldest first.
func (s *Store) MessageEvents(ctx context.Context, id int64) ([]MessageEvent, error) {
	rows, err := s.query(ctx, `SELECT e.id, e.action, e.user_id, COALESCE(u.display_name, ''), e.org_id, e.note, e.at
		FROM message_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.message_id = ? ORDER BY e.id`, id)
	return collect(rows, err, func(sc scanner) (MessageEvent, error) {
		var e MessageEvent
		var a string
		var uid, org *int64
		err := sc.Scan(&e.ID, &a, &uid, &e.UserName, &org, &e.Note, &e.At)
		e.Action, e.UserID, e.OrgID = interact.MessageAction(a), deref(uid), deref(org)
		return e, err
	})
}

// RecordMessageNotice adds a reminder or escalation event once per key
// (the background job runs every minute); created reports whether it is new.
func (s *Store) RecordMessageNotice(ctx context.Context, id int64, a interact.MessageAction, key string, at time.Time) (bool, error) {
	var n int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM message_events WHERE message_id = ? AND action = ? AND note = ?`,
		id, string(a), key).Scan(&n); err != nil {
		return false, mapErr(err)
	}
	if n > 0 {
		return false, nil
	}
	return true, s.conn.messageEvent(ctx, id, a, 0, 0, key, at)
}

// SetMessageDue stores the reply deadline of a message received while the
// calendar did not cover its dates, once it does (the background job).
func (s *Store) SetMessageDue(ctx context.Context, id int64, due workday.Date) error {
	res, err := s.execQuiet(ctx, `UPDATE messages SET due_on = ? WHERE id = ? AND due_on = ''`, due.String(), id)
	return oneRow(res, err)
}
