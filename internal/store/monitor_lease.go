package store

import (
	"context"
	"time"
)

// AcquireLease takes the lease name for holder until now+ttl when it is
// free, expired, or already holder's. It reports whether holder has it.
// Instances sharing one database use it so a check runs on one of them at
// a time; the single statement is atomic on both engines (an upsert whose
// update only happens when the current lease has run out).
func (s *Store) AcquireLease(ctx context.Context, name, holder string, ttl time.Duration, now time.Time) (bool, error) {
	now = now.UTC()
	res, err := s.execQuiet(ctx, `INSERT INTO monitor_leases (name, holder, expires_at) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
		WHERE monitor_leases.expires_at < ? OR monitor_leases.holder = excluded.holder`,
		name, holder, now.Add(ttl), now)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// RenewLease extends holder's lease; false when holder no longer has it
// (it expired and another instance took it).
func (s *Store) RenewLease(ctx context.Context, name, holder string, ttl time.Duration, now time.Time) (bool, error) {
	res, err := s.execQuiet(ctx, `UPDATE monitor_leases SET expires_at = ? WHERE name = ? AND holder = ?`,
		now.UTC().Add(ttl), name, holder)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// ReleaseLease gives holder's lease up so another instance need not wait
// for it to expire.
func (s *Store) ReleaseLease(ctx context.Context, name, holder string) error {
	_, err := s.execQuiet(ctx, `DELETE FROM monitor_leases WHERE name = ? AND holder = ?`, name, holder)
	return err
}
