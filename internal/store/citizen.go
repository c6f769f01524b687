package store

import (
	"context"
	"errors"
	"time"

	"gongkai/internal/secret"
)

// Citizen is a member of the public with a portal account, kept only so
// their reading settings follow them between devices.
type Citizen struct {
	ID           int64
	Username     string // phone number or e-mail address: personal data, encrypted at rest, never logged
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

// fieldCitizenUsername binds citizens' usernames into their ciphertexts
// and blind indexes. A username is a phone number or an e-mail address, so
// it has a field of its own rather than secret.FieldPhone or FieldEmail:
// one field per column lets RotateKeys re-seal it like the others.
const fieldCitizenUsername secret.Field = "citizen_username"

const citizenCols = `id, username_enc, password_hash, prefs, failed_logins, locked_until, created_at`

// scanCitizen reads a row and decrypts the username. Personal data is
// encrypted at rest (website rules: ID numbers, phones, addresses), so the
// table holds only username_enc and its blind index.
func (s *Store) scanCitizen(sc scanner) (Citizen, error) {
	var c Citizen
	var locked nullableTime
	var enc string
	if err := mapErr(sc.Scan(&c.ID, &enc, &c.PasswordHash, &c.Prefs, &c.FailedLogins, &locked, &c.CreatedAt)); err != nil {
		return c, err
	}
	c.LockedUntil = locked.t
	kr, err := s.Keyring()
	if err != nil {
		return c, err
	}
	c.Username, err = kr.Open(fieldCitizenUsername, enc)
	return c, err
}

// citizenIndexes returns the blind indexes of username under every key of
// the ring, so an account not yet moved by RotateKeys is still found.
func (s *Store) citizenIndexes(username string) ([]any, error) {
	kr, err := s.Keyring()
	if err != nil {
		return nil, err
	}
	idx := kr.BlindAll(fieldCitizenUsername, username)
	if len(idx) == 0 {
		return nil, ErrNotFound
	}
	return anySlice(idx), nil
}

// Citizen accounts and sessions change nothing the public sees, so their
// writes go through execQuiet and keep the page cache.

// CreateCitizen stores a new account; ErrConflict when the username is taken.
// The username is stored only sealed, with its blind index under the
// primary key (UNIQUE); an account indexed under an older key during a
// rotation is found by the lookup before the insert.
func (s *Store) CreateCitizen(ctx context.Context, c Citizen) (int64, error) {
	kr, err := s.Keyring()
	if err != nil {
		return 0, err
	}
	if c.Prefs == "" {
		c.Prefs = "{}"
	}
	switch _, err := s.CitizenByName(ctx, c.Username); {
	case err == nil:
		return 0, ErrConflict
	case !errors.Is(err, ErrNotFound):
		return 0, err
	}
	enc, err := kr.Seal(fieldCitizenUsername, c.Username)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.queryRow(ctx, `INSERT INTO citizens (username_bidx, username_enc, password_hash, prefs, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`,
		kr.Blind(fieldCitizenUsername, c.Username), enc, c.PasswordHash, c.Prefs, now()).Scan(&id)
	return id, mapErr(err)
}

// Citizen reads one account.
func (s *Store) Citizen(ctx context.Context, id int64) (Citizen, error) {
	return s.scanCitizen(s.queryRow(ctx, `SELECT `+citizenCols+` FROM citizens WHERE id = ?`, id))
}

// CitizenByName reads an account by its username, through the blind index.
func (s *Store) CitizenByName(ctx context.Context, username string) (Citizen, error) {
	idx, err := s.citizenIndexes(username)
	if err != nil {
		return Citizen{}, err
	}
	return s.scanCitizen(s.queryRow(ctx, `SELECT `+citizenCols+` FROM citizens WHERE username_bidx IN (`+placeholders(len(idx))+`)`, idx...))
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
