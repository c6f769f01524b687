package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/secret"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

func TestRotateKeys(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		old, _ := s.Keyring()
		var ids []int64
		for i := range 7 {
			rec, _, err := s.CreateApplication(ctx, f.newApp(person(testID), workday.NewDate(2025, 4, 1+i)))
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, rec.ID)
		}
		if _, err := s.EnqueueMail(ctx, store.Mail{DedupKey: "k", To: "a@example.com", Subject: "s", Body: "b"}); err != nil {
			t.Fatal(err)
		}
		// add-key: the new key becomes primary, the old one stays for reading.
		k, _ := secret.GenerateKey()
		both, _ := secret.NewKeyring(k, old.Primary())
		s.SetKeyring(both)
		usage, err := s.KeyUsage(ctx)
		if err != nil || usage[old.Primary().ID] == 0 || usage[k.ID] != 0 {
			t.Fatalf("usage before %v %v", usage, err)
		}
		// Old rows still read, and the same applicant is still found.
		if a, err := s.ApplicantOf(ctx, ids[0]); err != nil || a.IDNumber != testID {
			t.Fatalf("read under two keys: %+v %v", a, err)
		}
		n, err := s.RotateKeys(ctx, 3) // small batches exercise the paging
		if err != nil || n != 8 {
			t.Fatalf("rotated %d rows: %v", n, err)
		}
		usage, _ = s.KeyUsage(ctx)
		if usage[old.Primary().ID] != 0 || usage[k.ID] == 0 {
			t.Fatalf("usage after %v", usage)
		}
		if n, _ := s.RotateKeys(ctx, 3); n != 0 {
			t.Fatalf("second rotation rewrote %d rows", n)
		}
		// remove-key: only the new key is left; everything still opens.
		only, _ := secret.NewKeyring(k)
		s.SetKeyring(only)
		for _, id := range ids {
			if a, err := s.ApplicantOf(ctx, id); err != nil || a.IDNumber != testID || a.Phone != "13812345678" {
				t.Fatalf("after rotation %d: %+v %v", id, a, err)
			}
		}
		if m, err := s.PendingMail(ctx, timeFar(), 10); err != nil || len(m) != 1 || m[0].To != "a@example.com" {
			t.Fatalf("mail after rotation %+v %v", m, err)
		}
		// The blind index was recomputed: the applicant's month count still works.
		if n, err := s.NthInMonth(ctx, ids[6]); err != nil || n != 7 {
			t.Fatalf("NthInMonth after rotation = %d, %v", n, err)
		}
	})
}

func TestTamperedCiphertextIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		a, _, _ := s.CreateApplication(ctx, f.newApp(person(testID), workday.NewDate(2025, 4, 1)))
		other := person("110105194912310037")
		other.Phone = "13900001111"
		b, _, _ := s.CreateApplication(ctx, f.newApp(other, workday.NewDate(2025, 4, 1)))
		// Swap the phone ciphertext of b into a's ID-number column: the
		// field is authenticated, so this is detected, not shown.
		if _, err := s.DB().ExecContext(ctx, rebind(s, `UPDATE applications SET id_number_enc = (SELECT phone_enc FROM applications WHERE id = ?) WHERE id = ?`), b.ID, a.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Application(ctx, a.ID); !errors.Is(err, secret.ErrTampered) {
			t.Fatalf("swapped ciphertext: %v", err)
		}
		if _, err := s.Application(ctx, b.ID); err != nil {
			t.Fatalf("untouched row: %v", err)
		}
	})
}

func TestRepeatAndFrequentApplicant(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newAppFixture(t, s)
		first, _, _ := s.CreateApplication(ctx, f.newApp(person(testID), workday.NewDate(2025, 4, 1)))
		mustAppend(t, s, first.ID, 1, disclosure.Event{Kind: disclosure.EventReplied, On: workday.NewDate(2025, 4, 10),
			Basis: disclosure.BasisDisclosed})
		stranger, _, _ := s.CreateApplication(ctx, f.newApp(person("110105194912310037"), workday.NewDate(2025, 4, 2)))
		mustAppend(t, s, stranger.ID, 1, disclosure.Event{Kind: disclosure.EventReplied, On: workday.NewDate(2025, 4, 10),
			Basis: disclosure.BasisDisclosed})
		again, _, _ := s.CreateApplication(ctx, f.newApp(person(" 11010519491231002x "), workday.NewDate(2025, 4, 20)))
		matches, err := s.RepeatCandidates(ctx, again.ID)
		if err != nil || len(matches) != 1 || matches[0].ID != first.ID {
			t.Fatalf("repeat candidates %+v %v", matches, err)
		}
		n, err := s.NthInMonth(ctx, again.ID)
		if err != nil || n != 2 {
			t.Fatalf("NthInMonth = %d %v", n, err)
		}
		count, frequent, err := s.FrequentApplicant(ctx, again.ID, workday.NewDate(2025, 4, 20))
		if err != nil || count != 2 || frequent {
			t.Fatalf("frequent = %d %v %v", count, frequent, err)
		}
	})
}

func timeFar() time.Time { return time.Now().Add(24 * time.Hour) }
