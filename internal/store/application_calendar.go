package store

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/secret"
	"gongkai/internal/workday"
)

// appState is the 依申请公开 side's state on a Store: the personal-data
// keys and a cached working-day calendar, so a submission does not read
// every calendar row (hundreds of submissions a second through the API).
type appState struct {
	keys atomic.Pointer[secret.Keyring]

	mu       sync.Mutex
	cal      *workday.Calendar
	calGen   uint64    // Store.Generation when cal was loaded
	calAt    time.Time // when cal was loaded
	calDirty bool
	set      *disclosure.Settings // cached DisclosureSettings
	setGen   uint64
}

// rules are what a case is judged by: the working-day calendar and the
// agency's settings.
type rules struct {
	cal *workday.Calendar
	set disclosure.Settings
}

// calendarTTL bounds how stale the cached calendar can be when another
// process (gongkai calendar import-notice --save) changed it.
const calendarTTL = time.Minute

// cachedCalendar returns the working-day calendar, reloading it after any
// content write in this process (calendar edits bump Store.Generation) or
// after calendarTTL.
func (s *Store) cachedCalendar(ctx context.Context) (*workday.Calendar, error) {
	a := &s.apps
	a.mu.Lock()
	defer a.mu.Unlock()
	gen := s.Generation()
	if a.cal != nil && !a.calDirty && a.calGen == gen && time.Since(a.calAt) < calendarTTL {
		return a.cal, nil
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	a.cal, a.calGen, a.calAt, a.calDirty = cal, gen, time.Now(), false
	return cal, nil
}

// forgetCalendar drops the cached calendar (RecomputeDueDates).
func (s *Store) forgetCalendar() {
	s.apps.mu.Lock()
	s.apps.calDirty = true
	s.apps.mu.Unlock()
}
