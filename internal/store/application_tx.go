package store

import (
	"context"
	"fmt"
)

// Applications, their events, notices and mail are not public content:
// writing them must not flush the public page cache (Store.Generation), or
// a burst of submissions through the open API would empty the portal's
// cache hundreds of times a second. appTx and appInsert are tx and insert
// without the generation bump.

func (s *Store) appTx(ctx context.Context, fn func(c conn) error) error {
	t, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	c := s.conn // keeps every hook the Store's conn carries
	c.q = t
	if err := fn(c); err != nil {
		_ = t.Rollback()
		return err
	}
	if err := t.Commit(); err != nil {
		return fmt.Errorf("commit: %w", mapErr(err))
	}
	return nil
}

func (c conn) appInsert(ctx context.Context, query string, args ...any) (int64, error) {
	var id int64
	err := c.q.QueryRowContext(ctx, c.rebind(query+" RETURNING id"), args...).Scan(&id)
	return id, mapErr(err)
}
