package store_test

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/linkage"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestWebhookChanges: after a document's first push was delivered, each
// 有效性 change (also one undone and redone), a change after publication and
// a withdrawal is queued exactly once however many passes run; a change
// before the first push is delivered needs none (that push carries it);
// a document withdrawn before its push went out is never sent nor
// announced as withdrawn.
func TestWebhookChanges(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		at := time.Date(2025, 3, 10, 2, 0, 0, 0, time.UTC)
		mk := func(title string, edit func(*catalog.Document)) int64 {
			d := f.draft(title)
			d.Genre, d.State, d.PublishedAt = catalog.GenreNormative, catalog.StatePublished, at
			if edit != nil {
				edit(&d)
			}
			id, err := s.CreateDocument(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		norm := mk("技改奖补办法", nil)
		late := mk("尚未送达的办法", nil)
		old := mk("已废止的旧办法", func(d *catalog.Document) { d.Validity, d.ValidityOn = catalog.Repealed, "2024-01-01" })
		gone := mk("将撤稿的办法", nil)
		never := mk("未推送即撤稿的办法", nil)
		if n, err := s.EnqueueWebhookDeliveries(ctx, linkage.EventPublish, nil, at); err != nil || n != 5 {
			t.Fatalf("first pushes: %d %v", n, err)
		}
		due, _ := s.DueWebhookDeliveries(ctx, at, 50)
		ids := map[int64]int64{}
		for _, d := range due {
			ids[d.DocumentID] = d.ID
			if d.EventName() != store.WebhookPublished || d.EventLabel() != "发布" {
				t.Fatalf("first push event %q %q", d.EventName(), d.EventLabel())
			}
		}
		for _, doc := range []int64{norm, old, gone} {
			if err := s.RecordWebhookAttempt(ctx, store.WebhookAttempt{DeliveryID: ids[doc], At: at, Target: "https://x/", StatusCode: 202}, at, false); err != nil {
				t.Fatal(err)
			}
		}
		// never: one attempt failed (it may have arrived); late: not tried yet.
		if err := s.RecordWebhookAttempt(ctx, store.WebhookAttempt{DeliveryID: ids[never], At: at, Target: "https://x/", Error: "超时"},
			at.Add(time.Minute), false); err != nil {
			t.Fatal(err)
		}

		// pass queues changes and returns the new keys per document.
		pass := func(want int) map[int64][]string {
			t.Helper()
			before, _, _ := s.WebhookDeliveries(ctx, store.WebhookDeliveryFilter{Limit: 500})
			seen := map[int64]bool{}
			for _, d := range before {
				seen[d.ID] = true
			}
			for i := range 2 { // the second pass finds nothing new
				n, err := s.EnqueueWebhookChanges(ctx, at)
				if err != nil || (i == 0 && n != want) || (i == 1 && n != 0) {
					t.Fatalf("pass %d: %d queued, %v; want %d", i, n, err, map[int]int{0: want}[i])
				}
			}
			after, _, _ := s.WebhookDeliveries(ctx, store.WebhookDeliveryFilter{Limit: 500})
			out := map[int64][]string{}
			for _, d := range after {
				if !seen[d.ID] {
					out[d.DocumentID] = append(out[d.DocumentID], d.Event)
				}
			}
			return out
		}
		// A document pushed already repealed is stated once, explicitly.
		if got := pass(1); !slices.Equal(got[old], []string{"validity:1:已废止|2024-01-01|0"}) {
			t.Fatalf("pushed repealed: %v", got)
		}
		audit := auth.AuditEntry{Action: "document.validity", Target: "test"}
		setValidity := func(doc int64, v catalog.Validity, on string, by int64) {
			t.Helper()
			if err := s.SetValidity(ctx, doc, v, on, by, audit); err != nil {
				t.Fatal(err)
			}
		}
		setValidity(norm, catalog.Repealed, "2025-03-20", old)
		setValidity(late, catalog.Repealed, "2025-03-20", 0) // its first push is not out yet: it carries this
		if got := pass(1); !slices.Equal(got[norm], []string{"validity:1:已废止|2025-03-20|" + strconv.FormatInt(old, 10)}) {
			t.Fatalf("repealed: %v", got)
		}
		setValidity(norm, catalog.Valid, "2025-03-21", 0) // a mistake, undone…
		if got := pass(1); !slices.Equal(got[norm], []string{"validity:2:有效|2025-03-21|0"}) {
			t.Fatalf("undone: %v", got)
		}
		setValidity(norm, catalog.Repealed, "2025-03-20", old) // …and redone: the same state again is a new change
		if got := pass(1); !slices.Equal(got[norm], []string{"validity:3:已废止|2025-03-20|" + strconv.FormatInt(old, 10)}) {
			t.Fatalf("redone: %v", got)
		}

		// A change after publication (变更日期 later than the publication).
		d, _ := s.Document(ctx, gone)
		d.ChangedOn = "2025-03-09" // before publication: nothing to tell
		if err := s.UpdateDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
		pass(0)
		d.ChangedOn = "2025-03-25"
		if err := s.UpdateDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
		if got := pass(1); !slices.Equal(got[gone], []string{"updated:2025-03-25"}) {
			t.Fatalf("changed: %v", got)
		}

		// Withdrawals: announced for what the city may have; unsent pushes stop.
		for _, doc := range []int64{gone, never, late} {
			if _, err := s.Transition(ctx, doc, catalog.StatePublished, catalog.StateWithdrawn,
				catalog.Decision{Action: catalog.ActWithdraw, Reason: "内容有误", Now: at, ActorID: f.reviewer}, 0, audit); err != nil {
				t.Fatal(err)
			}
		}
		got := pass(2)
		if !slices.Equal(got[gone], []string{"withdrawn"}) || !slices.Equal(got[never], []string{"withdrawn"}) || got[late] != nil {
			t.Fatalf("withdrawn: %v", got)
		}
		all, _, _ := s.WebhookDeliveries(ctx, store.WebhookDeliveryFilter{Limit: 500})
		for _, w := range all {
			wantSuperseded := (w.DocumentID == gone && w.EventName() == store.WebhookUpdated) ||
				(w.DocumentID == never && w.EventName() == store.WebhookPublished) || w.DocumentID == late
			if (w.Status == store.DeliverySuperseded) != wantSuperseded {
				t.Errorf("%d %s: status %s", w.DocumentID, w.Event, w.Status)
			}
		}
		due, _ = s.DueWebhookDeliveries(ctx, at.Add(time.Hour), 50)
		var events []string
		for _, w := range due {
			events = append(events, w.EventLabel())
		}
		slices.Sort(events)
		// old's and norm's three validity pushes, two withdrawals.
		if !slices.Equal(events, []string{"撤稿", "撤稿", "有效性变更", "有效性变更", "有效性变更", "有效性变更"}) {
			t.Errorf("due deliveries: %v", events)
		}
	})
}
