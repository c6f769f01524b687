package store_test

import (
	"context"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestPublicationCountsFor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		cst := time.FixedZone("CST", 8*3600)
		pub := func(at time.Time, state catalog.State, late int, ch ...catalog.ChannelRecord) {
			d := f.draft("信息")
			d.State, d.PublishedAt, d.Channels, d.LateWorkdays = state, at, ch, late
			if _, err := s.CreateDocument(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		wx := func(day string) catalog.ChannelRecord {
			return catalog.ChannelRecord{Channel: catalog.ChannelWeChat, Date: day}
		}
		pub(time.Date(2025, 1, 1, 0, 30, 0, 0, cst), catalog.StatePublished, 0, wx("2025-01-01"))                  // 2025 in China time
		pub(time.Date(2025, 6, 1, 9, 0, 0, 0, cst), catalog.StateWithdrawn, 3, wx("2025-06-02"), wx("2026-01-02")) // withdrawn still counts
		pub(time.Date(2024, 12, 31, 23, 0, 0, 0, cst), catalog.StatePublished, 0, wx("2025-01-03"))                // 2024 document, 2025 repost
		pub(time.Date(2025, 7, 1, 9, 0, 0, 0, cst), catalog.StateDraft, 0)                                         // never published
		got, err := s.PublicationCountsFor(ctx, f.site.ID, 2025)
		if err != nil {
			t.Fatal(err)
		}
		if got.Website != 2 || got.Channels[catalog.ChannelWeChat] != 3 || got.Channels[catalog.ChannelNewspaper] != 0 ||
			got.Late != 1 || got.Total() != 5 {
			t.Fatalf("2025: %+v", got)
		}
	})
}
