package store_test

import (
	"context"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestImportDocuments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		pub := time.Date(2024, 3, 5, 1, 0, 0, 0, time.UTC)
		doc := func(index, title string) catalog.Document {
			d := f.draft(title)
			d.AuthorID, d.IndexNo, d.State, d.PublishedAt, d.WrittenOn = 0, index, catalog.StatePublished, pub, "2024-03-01"
			return d
		}
		a := doc("11420200MB1234567X/2024-00040", "导入的第一份")
		a.Attachments = []catalog.Attachment{{Name: "a.pdf", StoredAs: "2024/03/a.pdf", MIME: "application/pdf", Size: 3, SHA256: "aa"}}
		b := doc("000014349/2024-00099", "其他机构代码的索引号") // another agency's code: no bump
		c := doc("", "没有索引号")
		ids, err := s.ImportDocuments(ctx, []catalog.Document{a, b, c})
		if err != nil || len(ids) != 3 {
			t.Fatalf("ids %v, %v", ids, err)
		}
		got, err := s.Document(ctx, ids[2])
		if err != nil || got.IndexNo != "11420200MB1234567X/2024-00041" || got.State != catalog.StatePublished {
			t.Fatalf("generated %q (%s), %v: want the serial bumped past the imported 00040", got.IndexNo, got.State, err)
		}
		// Bumping below the current serial changes nothing; above moves it.
		if err := s.BumpIndexSerial(ctx, f.site.ID, 2024, 10); err != nil {
			t.Fatal(err)
		}
		if err := s.BumpIndexSerial(ctx, f.site.ID, 2024, 60); err != nil {
			t.Fatal(err)
		}
		d, _ := s.ImportDocuments(ctx, []catalog.Document{doc("", "又一份")})
		if got, _ := s.Document(ctx, d[0]); got.IndexNo != "11420200MB1234567X/2024-00061" {
			t.Errorf("after bump to 60: %q", got.IndexNo)
		}

		byNo, err := s.DocumentsByIndexNo(ctx, []string{a.IndexNo, b.IndexNo, "none"})
		if err != nil || len(byNo) != 2 || len(byNo[a.IndexNo].Attachments) != 1 || len(byNo[a.IndexNo].Channels) != 1 {
			t.Fatalf("DocumentsByIndexNo: %d found, %+v, %v", len(byNo), byNo[a.IndexNo], err)
		}
		// Overwrite: the kept attachment stays, a new one is added, the
		// state stays as it was.
		upd := byNo[a.IndexNo]
		upd.Title, upd.Validity, upd.ValidityOn = "导入的第一份（更新）", catalog.Repealed, "2024-06-01"
		upd.Attachments = append(upd.Attachments, catalog.Attachment{Name: "b.pdf", StoredAs: "2024/03/b.pdf", MIME: "application/pdf", Size: 4, SHA256: "bb"})
		upd.Channels = nil
		if _, err := s.ImportDocuments(ctx, []catalog.Document{upd}); err != nil {
			t.Fatal(err)
		}
		after, _ := s.Document(ctx, ids[0])
		if after.Title != upd.Title || after.Validity != catalog.Repealed || len(after.Attachments) != 2 ||
			after.Attachments[0].ID != upd.Attachments[0].ID || len(after.Channels) != 0 || !after.PublishedAt.Equal(pub) {
			t.Fatalf("after overwrite %+v", after)
		}
		// Dropping an attachment from the list deletes its record.
		after.Attachments = after.Attachments[1:]
		if _, err := s.ImportDocuments(ctx, []catalog.Document{after}); err != nil {
			t.Fatal(err)
		}
		if atts, _ := s.Attachments(ctx, ids[0]); len(atts) != 1 || atts[0].Name != "b.pdf" {
			t.Errorf("attachments %+v", atts)
		}

		refs, err := s.IndexRefs(ctx, []string{a.IndexNo, "x"})
		if err != nil || len(refs) != 1 || refs[a.IndexNo].ID != ids[0] || refs[a.IndexNo].SiteID != f.site.ID {
			t.Fatalf("IndexRefs %+v, %v", refs, err)
		}
		n, err := s.SetReplacements(ctx, map[int64]int64{ids[0]: ids[1]})
		if err != nil || n != 1 {
			t.Fatalf("SetReplacements: %d, %v", n, err)
		}
		if n, _ := s.SetReplacements(ctx, map[int64]int64{ids[0]: ids[1]}); n != 0 {
			t.Errorf("setting the same link again changed %d", n)
		}
		if n, _ := s.SetReplacements(ctx, map[int64]int64{ids[0]: 0}); n != 1 {
			t.Errorf("clearing the link changed %d", n)
		}
		if got, _ := s.Document(ctx, ids[0]); got.ReplacedBy != 0 {
			t.Errorf("replaced_by %d after clearing", got.ReplacedBy)
		}
	})
}
