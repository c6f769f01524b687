package store_test

import (
	"context"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestNormativeRegister(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		pub := func(title string, genre catalog.Genre, at time.Time, v catalog.Validity, vOn string) int64 {
			d := f.draft(title)
			d.Genre, d.DocNo, d.State, d.PublishedAt, d.Validity, d.ValidityOn = genre, "示经信规〔2023〕1号", catalog.StatePublished, at, v, vOn
			id, err := s.CreateDocument(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		cst := time.FixedZone("CST", 8*3600)
		pub("2022年规范性文件，2023年废止", catalog.GenreNormative, time.Date(2022, 5, 1, 9, 0, 0, 0, cst), catalog.Repealed, "2023-06-30")
		pub("2023年规范性文件一", catalog.GenreNormative, time.Date(2023, 3, 1, 9, 0, 0, 0, cst), catalog.Valid, "")
		pub("2023年规范性文件二，2024年废止", catalog.GenreNormative, time.Date(2023, 12, 31, 20, 0, 0, 0, cst), catalog.Repealed, "2024-02-01")
		pub("2024年规范性文件", catalog.GenreNormative, time.Date(2024, 1, 1, 0, 30, 0, 0, cst), catalog.Valid, "")
		pub("普通通知", catalog.GenreOther, time.Date(2023, 3, 1, 9, 0, 0, 0, cst), catalog.Valid, "")
		pub("2023年规章", catalog.GenreRule, time.Date(2023, 7, 1, 9, 0, 0, 0, cst), catalog.Valid, "")

		want := map[int][2]store.RegisterCounts{
			2023: {{Genre: catalog.GenreRule, Issued: 1, InForce: 1}, {Genre: catalog.GenreNormative, Issued: 2, Repealed: 1, InForce: 2}},
			2024: {{Genre: catalog.GenreRule, InForce: 1}, {Genre: catalog.GenreNormative, Issued: 1, Repealed: 1, InForce: 2}},
		}
		for year, w := range want {
			got, err := s.NormativeRegister(ctx, f.site.ID, year)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0] != w[0] || got[1] != w[1] {
				t.Errorf("%d: got %+v, want %+v", year, got, w)
			}
		}
		docs, err := s.InForce(ctx, f.site.ID)
		if err != nil || len(docs) != 3 {
			t.Fatalf("in force now: %d %v", len(docs), err)
		}
	})
}
