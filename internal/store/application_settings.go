package store

import (
	"context"
	"encoding/json"
	"fmt"

	"gongkai/internal/disclosure"
)

// settingDisclosure is the settings key holding the agency's
// disclosure.Settings (the PRACTICE and UNCONFIRMED rules) as JSON.
const settingDisclosure = "disclosure.settings"

// DisclosureSettings returns the agency's 依申请公开 settings: the stored
// ones, else disclosure.DefaultSettings.
func (s *Store) DisclosureSettings(ctx context.Context) (disclosure.Settings, error) {
	v, ok, err := s.Setting(ctx, settingDisclosure)
	if err != nil || !ok {
		return disclosure.DefaultSettings(), err
	}
	set := disclosure.DefaultSettings()
	if err := json.Unmarshal([]byte(v), &set); err != nil {
		return set, fmt.Errorf("setting %s: %w", settingDisclosure, err)
	}
	return set, nil
}

// SaveDisclosureSettings validates and stores the settings. Open cases'
// due dates depend on them (the fee pause), so callers run
// RecomputeDueDates afterwards.
func (s *Store) SaveDisclosureSettings(ctx context.Context, set disclosure.Settings) error {
	if err := set.Validate(); err != nil {
		return err
	}
	b, err := json.Marshal(set)
	if err != nil {
		return err
	}
	if err := s.SetSetting(ctx, settingDisclosure, string(b)); err != nil {
		return err
	}
	s.forgetCalendar()
	return nil
}

// rules returns the calendar and settings a case is judged by, cached
// between content writes (see cachedCalendar).
func (s *Store) rules(ctx context.Context) (rules, error) {
	a := &s.apps
	a.mu.Lock()
	gen := s.Generation()
	if a.set != nil && !a.calDirty && a.setGen == gen {
		set := *a.set
		a.mu.Unlock()
		cal, err := s.cachedCalendar(ctx)
		return rules{cal: cal, set: set}, err
	}
	a.mu.Unlock()
	set, err := s.DisclosureSettings(ctx)
	if err != nil {
		return rules{}, err
	}
	cal, err := s.cachedCalendar(ctx)
	if err != nil {
		return rules{}, err
	}
	a.mu.Lock()
	a.set, a.setGen = &set, gen
	a.mu.Unlock()
	return rules{cal: cal, set: set}, nil
}
