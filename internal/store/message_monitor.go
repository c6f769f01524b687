package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/interact"
	"gongkai/internal/workday"
)

// LateMessages lists the valid messages (not invalid, not merged into
// another) received in [since, before) that were not answered within 3
// months of receipt — still open, or answered after the line. This is
// 互动回应差 (website-rules §1.3 item 5 ②): the monitor's interaction check
// reads it through monitor.MessageSource.
func (s *Store) LateMessages(ctx context.Context, since, before time.Time) ([]Message, error) {
	rows, err := s.query(ctx, `SELECT `+messageCols+` FROM messages WHERE status NOT IN (?, ?)
		AND received_at >= ? AND received_at < ? ORDER BY received_at, id`,
		string(interact.StatusInvalid), string(interact.StatusMerged), since.UTC(), before.UTC())
	all, err := collect(rows, err, s.scanMessage)
	if err != nil {
		return nil, err
	}
	var out []Message
	for _, m := range all {
		if m.AnsweredAt.IsZero() || m.AnsweredAt.After(interact.VetoLineAt(m.ReceivedAt)) {
			out = append(out, m)
		}
	}
	return out, nil
}

// MessageCounts are a year's numbers of the board for the annual report's
// narrative and the statistics page (issue 8 §5).
type MessageCounts struct {
	Received  int // everything submitted
	Invalid   int // spam, abuse… (with a reason): not counted against the agency
	Merged    int // duplicates merged into another message
	Valid     int // 有效留言: Received − Invalid − Merged
	Answered  int // valid and answered
	OnTime    int // answered by the reply deadline
	Late      int // answered later than 3 months after receipt, or open past that line
	Open      int // valid and not yet answered
	Published int // answered and published (选登) now or before
}

// MessageCounts counts the messages of siteID (0: every site) received in
// year; on time is judged against each message's stored due date.
func (s *Store) MessageCounts(ctx context.Context, siteID int64, year int, now time.Time) (MessageCounts, error) {
	var c MessageCounts
	q := `SELECT status, received_at, due_on, answered_at, published_at, document_id FROM messages WHERE received_at >= ? AND received_at < ?`
	args := []any{yearStart(year), yearStart(year + 1)}
	if siteID != 0 {
		q += ` AND site_id = ?`
		args = append(args, siteID)
	}
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var status, due string
		var recv time.Time
		var answered, published nullableTime
		var doc *int64
		if err := rows.Scan(&status, &recv, &due, &answered, &published, &doc); err != nil {
			return c, err
		}
		c.Received++
		st := interact.MessageStatus(status)
		switch {
		case st == interact.StatusInvalid:
			c.Invalid++
			continue
		case st == interact.StatusMerged:
			c.Merged++
			continue
		}
		c.Valid++
		line := interact.VetoLineAt(recv)
		if answered.t.IsZero() {
			c.Open++
			if now.After(line) {
				c.Late++
			}
			continue
		}
		c.Answered++
		if d, err := workday.ParseDate(due); err == nil && interact.AnsweredOnTime(workday.FromTime(answered.t.In(china)), d) {
			c.OnTime++
		}
		if answered.t.After(line) {
			c.Late++
		}
		if doc != nil || !published.t.IsZero() {
			c.Published++
		}
	}
	return c, rows.Err()
}

// Settings keys of the board's time limits (interact.MessageSettings).
const (
	SettingMessageReplyDays    = "message.reply_days"
	SettingMessageRemindDays   = "message.remind_days"
	SettingMessageEscalateDays = "message.escalate_days"
)

// MessageSettings reads the board's time limits, defaults where unset.
func (s *Store) MessageSettings(ctx context.Context) (interact.MessageSettings, error) {
	set := interact.DefaultMessageSettings()
	for _, f := range []struct {
		key string
		dst *int
	}{{SettingMessageReplyDays, &set.ReplyDays}, {SettingMessageRemindDays, &set.RemindDays}, {SettingMessageEscalateDays, &set.EscalateDays}} {
		v, ok, err := s.Setting(ctx, f.key)
		if err != nil {
			return set, err
		}
		if n, err := strconv.Atoi(strings.TrimSpace(v)); ok && err == nil {
			*f.dst = n
		}
	}
	return set, nil
}

// SaveMessageSettings stores validated time limits.
func (s *Store) SaveMessageSettings(ctx context.Context, set interact.MessageSettings) error {
	for key, n := range map[string]int{SettingMessageReplyDays: set.ReplyDays, SettingMessageRemindDays: set.RemindDays,
		SettingMessageEscalateDays: set.EscalateDays} {
		if err := s.SetSetting(ctx, key, strconv.Itoa(n)); err != nil {
			return err
		}
	}
	return nil
}
