package store

import (
	"context"
	"fmt"

	"gongkai/internal/interact"
)

const concernCols = `id, site_id, kind, topic, channel, responded_on, summary, url, created_at`

func scanConcern(sc scanner) (interact.ConcernResponse, error) {
	var c interact.ConcernResponse
	err := sc.Scan(&c.ID, &c.SiteID, &c.Kind, &c.Topic, &c.Channel, &c.RespondedOn, &c.Summary, &c.URL, &c.CreatedAt)
	return c, mapErr(err)
}

// SaveConcern records (ID 0) or changes a response to a public concern.
func (s *Store) SaveConcern(ctx context.Context, c interact.ConcernResponse) (int64, error) {
	t := now()
	if c.ID == 0 {
		return s.insert(ctx, `INSERT INTO concern_responses (site_id, kind, topic, channel, responded_on, summary, url, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.SiteID, string(c.Kind), c.Topic, c.Channel, c.RespondedOn, c.Summary, c.URL, t, t)
	}
	res, err := s.exec(ctx, `UPDATE concern_responses SET kind=?, topic=?, channel=?, responded_on=?, summary=?, url=?, updated_at=?
		WHERE id=?`, string(c.Kind), c.Topic, c.Channel, c.RespondedOn, c.Summary, c.URL, t, c.ID)
	return c.ID, oneRow(res, err)
}

// Concern reads one response.
func (s *Store) Concern(ctx context.Context, id int64) (interact.ConcernResponse, error) {
	return scanConcern(s.queryRow(ctx, `SELECT `+concernCols+` FROM concern_responses WHERE id = ?`, id))
}

// DeleteConcern removes a response recorded by mistake.
func (s *Store) DeleteConcern(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM concern_responses WHERE id = ?`, id)
	return oneRow(res, err)
}

// Concerns lists a site's responses of one year (0 = all), newest first.
func (s *Store) Concerns(ctx context.Context, siteID int64, year int) ([]interact.ConcernResponse, error) {
	q, args := ` WHERE site_id = ?`, []any{siteID}
	if year != 0 {
		q, args = q+` AND responded_on >= ? AND responded_on < ?`, append(args, fmt.Sprintf("%04d-", year), fmt.Sprintf("%04d-", year+1))
	}
	rows, err := s.query(ctx, `SELECT `+concernCols+` FROM concern_responses`+q+` ORDER BY responded_on DESC, id DESC`, args...)
	return collect(rows, err, scanConcern)
}
