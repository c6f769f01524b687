package store

import (
	"context"
	"time"

	"gongkai/internal/workday"
)

// Calendar sources: seeded from lunar-go, parsed from a pasted 国务院办公厅
// notice, or edited one day at a time by an administrator.
const (
	CalendarOfficial = "official"
	CalendarNotice   = "notice"
	CalendarAdmin    = "admin"
)

// CalendarDay is a stored calendar entry with its provenance.
type CalendarDay struct {
	workday.Day
	Source    string
	UpdatedAt time.Time
}

// Calendar loads the working-day calendar from the database.
func (s *Store) Calendar(ctx context.Context) (*workday.Calendar, error) {
	days, err := s.CalendarDays(ctx, 0)
	if err != nil {
		return nil, err
	}
	years, err := s.CalendarYears(ctx)
	if err != nil {
		return nil, err
	}
	plain := make([]workday.Day, len(days))
	for i, d := range days {
		plain[i] = d.Day
	}
	return workday.New(plain, years), nil
}

// CalendarDays lists stored days, of one year when year != 0.
func (s *Store) CalendarDays(ctx context.Context, year int) ([]CalendarDay, error) {
	q, args := `SELECT day, kind, name, source, updated_at FROM calendar_days`, []any{}
	if year != 0 {
		q += ` WHERE day >= ? AND day < ?`
		args = append(args, workday.NewDate(year, 1, 1).String(), workday.NewDate(year+1, 1, 1).String())
	}
	rows, err := s.query(ctx, q+` ORDER BY day`, args...)
	return collect(rows, err, func(sc scanner) (CalendarDay, error) {
		var d CalendarDay
		var day string
		if err := sc.Scan(&day, &d.Kind, &d.Name, &d.Source, &d.UpdatedAt); err != nil {
			return d, err
		}
		var err error
		d.Date, err = workday.ParseDate(day)
		return d, err
	})
}

// CalendarYears lists the years with official data.
func (s *Store) CalendarYears(ctx context.Context) ([]int, error) {
	rows, err := s.query(ctx, `SELECT year FROM calendar_years ORDER BY year`)
	return collect(rows, err, func(sc scanner) (int, error) {
		var y int
		return y, sc.Scan(&y)
	})
}

// SaveCalendar stores days (replacing what those dates held) and marks
// years as covered, all in one transaction.
func (s *Store) SaveCalendar(ctx context.Context, days []workday.Day, years []int, source string) error {
	t := now()
	return s.tx(ctx, func(c conn) error {
		for _, d := range days {
			if _, err := c.exec(ctx, `INSERT INTO calendar_days (day, kind, name, source, updated_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, source = excluded.source,
				updated_at = excluded.updated_at`, d.Date.String(), string(d.Kind), d.Name, source, t); err != nil {
				return err
			}
		}
		for _, y := range years {
			if _, err := c.exec(ctx, `INSERT INTO calendar_years (year, source, updated_at) VALUES (?, ?, ?)
				ON CONFLICT (year) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at`, y, source, t); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeleteCalendarDay removes an override, so the date follows Mon–Fri again.
func (s *Store) DeleteCalendarDay(ctx context.Context, d workday.Date) error {
	res, err := s.exec(ctx, `DELETE FROM calendar_days WHERE day = ?`, d.String())
	return oneRow(res, err)
}

// SeedCalendar fills an empty calendar from the official data lunar-go
// carries; it does nothing when any year is already stored.
func (s *Store) SeedCalendar(ctx context.Context) error {
	years, err := s.CalendarYears(ctx)
	if err != nil || len(years) > 0 {
		return err
	}
	days, covered := workday.Official()
	return s.SaveCalendar(ctx, days, covered, CalendarOfficial)
}
