package store

import "context"

// NotifyStaff adds in-app notices (the staff notice list the monitor uses).
// A notice whose Key the user already has is not added again, so a
// reminder check that runs twice notifies once.
func (s *Store) NotifyStaff(ctx context.Context, notices []MonitorNotice) error {
	if len(notices) == 0 {
		return nil
	}
	return s.appTx(ctx, func(c conn) error { return c.insertNotices(ctx, notices, now()) })
}
