package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"gongkai/internal/secret"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestCitizenAccountAndSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		gen := s.Generation()
		id, err := s.CreateCitizen(ctx, store.Citizen{Username: "13800138000", PasswordHash: "h"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateCitizen(ctx, store.Citizen{Username: "13800138000", PasswordHash: "x"}); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("duplicate username: %v, want ErrConflict", err)
		}
		c, err := s.CitizenByName(ctx, "13800138000")
		if err != nil || c.ID != id || c.Prefs != "{}" || c.PasswordHash != "h" || c.CreatedAt.IsZero() {
			t.Fatalf("CitizenByName = %+v, %v", c, err)
		}
		if _, err := s.CitizenByName(ctx, "someone@example.cn"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown username: %v", err)
		}
		// Personal data is encrypted at rest: no column of the row holds
		// the phone number, or any run of its digits.
		var row string
		if err := s.DB().QueryRowContext(ctx, `SELECT username_bidx || '|' || username_enc FROM citizens`).Scan(&row); err != nil {
			t.Fatal(err)
		}
		kr, err := s.Keyring()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(row, "13800138000") || strings.Contains(row, "0013") || !strings.HasPrefix(row, kr.Primary().ID+":") {
			t.Fatalf("the citizens row holds %q", row)
		}

		if err := s.SetCitizenPrefs(ctx, id, `{"theme":"dark"}`); err != nil {
			t.Fatal(err)
		}
		until := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
		if err := s.RecordCitizenLogin(ctx, id, 3, until); err != nil {
			t.Fatal(err)
		}
		c, err = s.Citizen(ctx, id)
		if err != nil || c.Prefs != `{"theme":"dark"}` || c.FailedLogins != 3 || !c.LockedUntil.Equal(until) {
			t.Fatalf("after updates: %+v, %v", c, err)
		}
		if !c.Locked(until.Add(-time.Minute)) || c.Locked(until) {
			t.Fatal("Locked misreads the lockout window")
		}
		if err := s.SetCitizenPrefs(ctx, id+100, "{}"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("prefs of a missing account: %v", err)
		}

		at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		if err := s.CreateCitizenSession(ctx, store.CitizenSession{TokenHash: "t1", CitizenID: id, CreatedAt: at, LastSeen: at}); err != nil {
			t.Fatal(err)
		}
		if err := s.TouchCitizenSession(ctx, "t1", at.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		se, err := s.CitizenSession(ctx, "t1")
		if err != nil || se.CitizenID != id || !se.LastSeen.Equal(at.Add(time.Hour)) {
			t.Fatalf("session = %+v, %v", se, err)
		}
		if err := s.DeleteIdleCitizenSessions(ctx, at.Add(30*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CitizenSession(ctx, "t1"); err != nil {
			t.Fatalf("a session seen after the cutoff was removed: %v", err)
		}
		if err := s.DeleteIdleCitizenSessions(ctx, at.Add(2*time.Hour)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CitizenSession(ctx, "t1"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("idle session kept: %v", err)
		}
		// Accounts and sessions are not content: cached public pages stay valid.
		if s.Generation() != gen {
			t.Fatalf("citizen writes moved the content generation %d → %d", gen, s.Generation())
		}

		// A new primary key: the account is still found and still taken
		// before RotateKeys moves it, and after the old key is removed.
		k, _ := secret.GenerateKey()
		both, _ := secret.NewKeyring(k, kr.Primary())
		s.SetKeyring(both)
		if c, err := s.CitizenByName(ctx, "13800138000"); err != nil || c.ID != id {
			t.Fatalf("lookup under two keys: %+v, %v", c, err)
		}
		if _, err := s.CreateCitizen(ctx, store.Citizen{Username: "13800138000", PasswordHash: "x"}); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("duplicate under a new key: %v, want ErrConflict", err)
		}
		if _, err := s.RotateKeys(ctx, 10); err != nil {
			t.Fatal(err)
		}
		only, _ := secret.NewKeyring(k)
		s.SetKeyring(only)
		if c, err := s.CitizenByName(ctx, "13800138000"); err != nil || c.ID != id || c.Username != "13800138000" {
			t.Fatalf("lookup after rotation: %+v, %v", c, err)
		}
	})
}
