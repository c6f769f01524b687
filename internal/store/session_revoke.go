package store

import "context"

// DeleteUserSessions signs a user out everywhere: after a password reset or
// when the account is disabled, old sessions must not live on.
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64) error {
	_, err := s.exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID)
	return err
}
