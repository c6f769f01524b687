package store

import (
	"context"
	"time"
)

// Citizen is a member of the public with a portal account, kept only so
// their reading settings follow them between devices.
type Citizen struct {
	ID           int64
	Username     string // phone number or e-mail address: personal data, never logged
	PasswordHash string
	Prefs        string // JSON object of the settings that differ from the defaults
	FailedLogins int
	LockedUntil  time.Time
	CreatedAt    time.Time
}

// Locked reports whether the account is inside a lockout window at now.
func (c Citizen) Locked(now time.Time) bool { return now.Before(c.LockedUntil) }

// CitizenSession is a signed-in citizen's session; only the token's hash is
// stored.
type CitizenSession struct {
	TokenHash string
	CitizenID int64
	CreatedAt time.Time
	LastSeen  time.Time
}

const citizenCols = `id, username, password_hash, prefs, failed_logins, locked_until, created_at`

func scanCitizen(sc scanner) (Citizen, error) {
	var c Citizen
	var locked nullableTime
	err := sc.Scan(&c.ID, &c.Username, &c.PasswordHash, &c.Prefs, &c.FailedLogins, &locked, &c.CreatedAt)
	c.LockedUntil = locked.t
	return c, mapErr(err)
}

// Citizen accounts and sessions change nothing the public sees, so their
// writes go through execQuiet and keep the page cache.

// CreateCitizen stores a new account; ErrConflict when the username is taken.
func (s *Store) CreateCitizen(ctx context.Context, c Citizen) (int64, error) {
	if c.Prefs == "" {
		c.Prefs = "{}"
	}
	var id int64
	err := s.queryRow(ctx, `INSERT INTO citizens (username, password_hash, prefs, created_at) VALUES (?, ?, ?, ?) RETURNING id`,
		c.Username, c.PasswordHash, c.Prefs, now()).Scan(&id)
	return id, mapErr(err)
}

// Citizen reads one account.
func (s *Store) Citizen(ctx context.Context, id int64) (Citizen, error) {
	return scanCitizen(s.queryRow(ctx, `SELECT `+citizenCols+` FROM citizens WHERE id = ?`, id))
}

// CitizenByName reads an account by its username.
func (s *Store) CitizenByName(ctx context.Context, username string) (Citizen, error) {
	return scanCitizen(s.queryRow(ctx, `SELECT `+citizenCols+` FROM citizens WHERE username = ?`, username))
}

// RecordCitizenLogin stores the outcome of a sign-in attempt: the failure
// count and lock expiry (both zero after a success).
func (s *Store) RecordCitizenLogin(ctx context.Context, id int64, failures int, lockedUntil time.Time) error {
	res, err := s.execQuiet(ctx, `UPDATE citizens SET failed_logins = ?, locked_until = ? WHERE id = ?`,
		failures, nullTime(lockedUntil), id)
	return oneRow(res, err)
}

// SetCitizenPrefs replaces the account's reading settings.
func (s *Store) SetCitizenPrefs(ctx context.Context, id int64, prefsJSON string) error {
	res, err := s.execQuiet(ctx, `UPDATE citizens SET prefs = ? WHERE id = ?`, prefsJSON, id)
	return oneRow(res, err)
}

// CreateCitizenSession stores a new session under the token's hash.
func (s *Store) CreateCitizenSession(ctx context.Context, se CitizenSession) error {
	_, err := s.execQuiet(ctx, `INSERT INTO citizen_sessions (token_hash, citizen_id, created_at, last_seen) VALUES (?, ?, ?, ?)`,
		se.TokenHash, se.CitizenID, se.CreatedAt.UTC(), se.LastSeen.UTC())
	return err
}

// CitizenSession reads a session by token hash.
func (s *Store) CitizenSession(ctx context.Context, tokenHash string) (CitizenSession, error) {
	var se CitizenSession
	err := s.queryRow(ctx, `SELECT token_hash, citizen_id, created_at, last_seen FROM citizen_sessions WHERE token_hash = ?`, tokenHash).
		Scan(&se.TokenHash, &se.CitizenID, &se.CreatedAt, &se.LastSeen)
	return se, mapErr(err)
}

// TouchCitizenSession moves the idle clock forward.
func (s *Store) TouchCitizenSession(ctx context.Context, tokenHash string, at time.Time) error {
	_, err := s.execQuiet(ctx, `UPDATE citizen_sessions SET last_seen = ? WHERE token_hash = ?`, at.UTC(), tokenHash)
	return err
}

// DeleteCitizenSession signs a session out.
func (s *Store) DeleteCitizenSession(ctx context.Context, tokenHash string) error {
	_, err := s.execQuiet(ctx, `DELETE FROM citizen_sessions WHERE token_hash = ?`, tokenHash)
	return err
}

// DeleteIdleCitizenSessions removes sessions idle since before cutoff.
func (s *Store) DeleteIdleCitizenSessions(ctx context.Context, cutoff time.Time) error {
	_, err := s.execQuiet(ctx, `DELETE FROM citizen_sessions WHERE last_seen < ?`, cutoff.UTC())
	return err
}
