package store

import (
	"context"
	"time"

	"gongkai/internal/auth"
)

const userCols = `id, username, display_name, role, COALESCE(org_id, 0), password_hash, failed_logins, locked_until, disabled, created_at`

func scanUser(sc scanner) (auth.User, error) {
	var u auth.User
	var locked nullableTime
	err := sc.Scan(&u.ID, &u.Username, &u.DisplayName, &u.Role, &u.OrgID, &u.PasswordHash, &u.FailedLogins, &locked, &u.Disabled, &u.CreatedAt)
	u.LockedUntil = locked.t
	return u, mapErr(err)
}

// CreateUser stores a staff account; ErrConflict when the username is taken.
func (s *Store) CreateUser(ctx context.Context, u auth.User) (int64, error) {
	return s.insert(ctx, `INSERT INTO users (username, display_name, role, org_id, password_hash, disabled, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, u.Username, u.DisplayName, string(u.Role), nullID(u.OrgID), u.PasswordHash, u.Disabled, now())
}

// UpdateUser changes name, role, org and the disabled flag.
func (s *Store) UpdateUser(ctx context.Context, u auth.User) error {
	res, err := s.exec(ctx, `UPDATE users SET display_name=?, role=?, org_id=?, disabled=? WHERE id=?`,
		u.DisplayName, string(u.Role), nullID(u.OrgID), u.Disabled, u.ID)
	return oneRow(res, err)
}

// SetPassword replaces the hash and clears any lockout.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string) error {
	res, err := s.exec(ctx, `UPDATE users SET password_hash=?, failed_logins=0, locked_until=NULL WHERE id=?`, hash, userID)
	return oneRow(res, err)
}

// RecordLogin stores the outcome of a sign-in attempt: the failure count and
// lock expiry (both zero after a success).
func (s *Store) RecordLogin(ctx context.Context, userID int64, failures int, lockedUntil time.Time) error {
	_, err := s.execQuiet(ctx, `UPDATE users SET failed_logins=?, locked_until=? WHERE id=?`, failures, nullTime(lockedUntil), userID)
	return err
}

// User reads one account.
func (s *Store) User(ctx context.Context, id int64) (auth.User, error) {
	return scanUser(s.queryRow(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, id))
}

// UserByName reads an account by username.
func (s *Store) UserByName(ctx context.Context, username string) (auth.User, error) {
	return scanUser(s.queryRow(ctx, `SELECT `+userCols+` FROM users WHERE username = ?`, username))
}

// Users lists every account by username.
func (s *Store) Users(ctx context.Context) ([]auth.User, error) {
	rows, err := s.query(ctx, `SELECT `+userCols+` FROM users ORDER BY username`)
	return collect(rows, err, scanUser)
}

// CountUsers tells whether any account exists yet.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	return n, mapErr(s.queryRow(ctx, `SELECT COUNT(*) FROM users`).Scan(&n))
}
