package store

import (
	"context"
	"time"
)

// AssistantTurn is one question to the assistant and how it was answered,
// kept for staff review. It holds no personal data: the question is
// redacted before it is stored, and no address or session is kept.
type AssistantTurn struct {
	ID         int64
	SiteID     int64
	At         time.Time
	Question   string
	Kind       string // faq | documents | flow | refusal
	Confident  bool
	Confidence float64
	Citations  string // cited document ids, space-separated
	Generated  bool   // the wording came from the language model
}

// LogAssistantTurn records a turn. It is bookkeeping, not content: page
// caches stay valid.
func (s *Store) LogAssistantTurn(ctx context.Context, t AssistantTurn) error {
	_, err := s.execQuiet(ctx, `INSERT INTO assistant_log (site_id, at, question, kind, confident, confidence, citations, generated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, t.SiteID, t.At.UTC(), t.Question, t.Kind, t.Confident, t.Confidence, t.Citations, t.Generated)
	return err
}

// AssistantFilter selects from the log.
type AssistantFilter struct {
	SiteID      int64
	RefusedOnly bool
	Limit       int
	Offset      int
}

// AssistantTurns lists the log, newest first, and the total.
func (s *Store) AssistantTurns(ctx context.Context, f AssistantFilter) ([]AssistantTurn, int, error) {
	where := ` WHERE site_id = ?`
	args := []any{f.SiteID}
	if f.RefusedOnly {
		where += ` AND confident = FALSE`
	}
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM assistant_log`+where, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	rows, err := s.query(ctx, `SELECT id, site_id, at, question, kind, confident, confidence, citations, generated
		FROM assistant_log`+where+` ORDER BY id DESC LIMIT ? OFFSET ?`, append(args, pageLimit(f.Limit, 50), max(f.Offset, 0))...)
	turns, err := collect(rows, err, func(sc scanner) (AssistantTurn, error) {
		var t AssistantTurn
		return t, sc.Scan(&t.ID, &t.SiteID, &t.At, &t.Question, &t.Kind, &t.Confident, &t.Confidence, &t.Citations, &t.Generated)
	})
	return turns, total, err
}
