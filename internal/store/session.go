package store

import (
	"context"
	"time"

	"gongkai/internal/auth"
)

// CreateSession stores a new session under the token's hash.
func (s *Store) CreateSession(ctx context.Context, se auth.Session) error {
	_, err := s.execQuiet(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, last_seen) VALUES (?, ?, ?, ?)`,
		se.TokenHash, se.UserID, se.CreatedAt.UTC(), se.LastSeen.UTC())
	return err
}

// Session reads a session by token hash.
func (s *Store) Session(ctx context.Context, tokenHash string) (auth.Session, error) {
	var se auth.Session
	err := s.queryRow(ctx, `SELECT token_hash, user_id, created_at, last_seen FROM sessions WHERE token_hash = ?`, tokenHash).
		Scan(&se.TokenHash, &se.UserID, &se.CreatedAt, &se.LastSeen)
	return se, mapErr(err)
}

// TouchSession moves the idle clock forward.
func (s *Store) TouchSession(ctx context.Context, tokenHash string, at time.Time) error {
	_, err := s.execQuiet(ctx, `UPDATE sessions SET last_seen = ? WHERE token_hash = ?`, at.UTC(), tokenHash)
	return err
}

// DeleteSession signs a session out.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	_, err := s.execQuiet(ctx, `DELETE FROM sessions WHERE token_hash = ?`, tokenHash)
	return err
}

// DeleteIdleSessions removes sessions idle since before cutoff.
func (s *Store) DeleteIdleSessions(ctx context.Context, cutoff time.Time) error {
	_, err := s.execQuiet(ctx, `DELETE FROM sessions WHERE last_seen < ?`, cutoff.UTC())
	return err
}
