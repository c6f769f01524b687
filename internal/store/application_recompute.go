package store

import (
	"context"
	"errors"
	"fmt"

	"gongkai/internal/disclosure"
	"gongkai/internal/workday"
)

// RecomputeResult says what RecomputeDueDates did.
type RecomputeResult struct {
	Checked int   // open applications replayed
	Changed int   // rows whose due date, state or clock changed
	Failed  int   // applications that could not be replayed (see Err)
	Err     error // the first few failures, joined
}

// RecomputeDueDates replays every open application with cal (and the
// stored settings) and stores the due dates that changed: due dates are
// stored when set and recomputed when the calendar changes (architecture
// "Events and state"). It works in batches, each in its own transaction;
// a case that gets a new event meanwhile is left alone, since that event
// stored a due date from the same calendar. A case that cannot be replayed
// (e.g. its year is no longer covered) is counted in Failed and skipped.
func (s *Store) RecomputeDueDates(ctx context.Context, cal *workday.Calendar) (RecomputeResult, error) {
	s.forgetCalendar()
	set, err := s.DisclosureSettings(ctx)
	if err != nil {
		return RecomputeResult{}, err
	}
	var res RecomputeResult
	var errs []error
	var after int64
	for {
		ids, err := s.openIDs(ctx, after, 200)
		if err != nil {
			return res, err
		}
		if len(ids) == 0 {
			break
		}
		after = ids[len(ids)-1]
		err = s.appTx(ctx, func(c conn) error {
			for _, id := range ids {
				changed, err := c.recomputeOne(ctx, id, cal, set)
				res.Checked++
				switch {
				case errors.Is(err, ErrConflict):
				case err != nil && !isDBError(err):
					res.Failed++
					if len(errs) < 5 {
						errs = append(errs, fmt.Errorf("application %d: %w", id, err))
					}
				case err != nil:
					return err
				case changed:
					res.Changed++
				}
			}
			return nil
		})
		if err != nil {
			return res, err
		}
	}
	res.Err = errors.Join(errs...)
	s.forgetCalendar()
	return res, nil
}

// replayError marks a failure of the domain (rules or calendar), as
// opposed to the database.
type replayError struct{ err error }

func (e replayError) Error() string { return e.err.Error() }
func (e replayError) Unwrap() error { return e.err }

func isDBError(err error) bool {
	var re replayError
	return !errors.As(err, &re)
}

func (s *Store) openIDs(ctx context.Context, after int64, n int) ([]int64, error) {
	rows, err := s.query(ctx, `SELECT id FROM applications WHERE closed = ? AND id > ? ORDER BY id LIMIT ?`, false, after, n)
	return collect(rows, err, func(sc scanner) (int64, error) {
		var id int64
		return id, sc.Scan(&id)
	})
}

func (c conn) recomputeOne(ctx context.Context, id int64, cal *workday.Calendar, set disclosure.Settings) (bool, error) {
	var version int
	var state, due string
	var running bool
	if err := mapErr(c.queryRow(ctx, `SELECT version, state, due_on, clock_running FROM applications WHERE id = ?`, id).
		Scan(&version, &state, &due, &running)); err != nil {
		return false, err
	}
	events, err := c.events(ctx, id)
	if err != nil {
		return false, err
	}
	if len(events) != version {
		return false, ErrConflict
	}
	k, err := disclosure.Replay(events, cal, set)
	if err != nil {
		return false, replayError{err}
	}
	if dateCol(k.DueOn) == due && string(k.State) == state && clockRunning(k) == running {
		return false, nil
	}
	return true, c.saveCase(ctx, id, version, k)
}
