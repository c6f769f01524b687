package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"
)

// User is a staff account.
type User struct {
	ID           int64
	Username     string
	DisplayName  string
	Role         Role
	OrgID        int64
	PasswordHash string
	FailedLogins int
	LockedUntil  time.Time
	Disabled     bool
	CreatedAt    time.Time
}

// Locked reports whether the account is inside a lockout window at now.
func (u User) Locked(now time.Time) bool { return now.Before(u.LockedUntil) }

// AfterFailure returns the failure count and lock expiry after one more
// wrong password: the fifth failure locks the account for 15 minutes.
func (u User) AfterFailure(now time.Time) (int, time.Time) {
	n := u.FailedLogins + 1
	if n >= MaxFailures {
		return 0, now.Add(LockoutFor)
	}
	return n, u.LockedUntil
}

// Session is a signed-in staff member's session.
type Session struct {
	TokenHash string
	UserID    int64
	CreatedAt time.Time
	LastSeen  time.Time
}

// Idle reports whether the session has passed the idle timeout at now.
func (s Session) Idle(now time.Time, timeout time.Duration) bool {
	return now.Sub(s.LastSeen) > timeout
}

// NewToken returns a random session token and the hash stored for it; the
// token itself is only ever in the cookie.
func NewToken() (token, hash string) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken is how a cookie token is looked up.
func HashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// AuditEntry is one line of the append-only audit log.
type AuditEntry struct {
	ID         int64
	At         time.Time
	UserID     int64
	Username   string
	Action     string
	Target     string
	Detail     string
	RemoteAddr string
}
