package demo_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/demo"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

var now = time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)

func allDocs(t *testing.T, s *store.Store, siteID int64) []catalog.Document {
	t.Helper()
	var out []catalog.Document
	for off := 0; ; off += 500 {
		docs, total, err := s.Documents(context.Background(), store.DocumentFilter{SiteID: siteID, Limit: 500, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, docs...)
		if len(out) >= total || len(docs) == 0 {
			return out
		}
	}
}

func TestCreate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		start := time.Now()
		sum, err := demo.Create(ctx, s, now)
		took := time.Since(start)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %+v in %v", s.Dialect(), sum, took)
		site, err := s.Site(ctx, sum.SiteID)
		if err != nil || !site.IsDemo || !catalog.ValidUSCC(site.USCC) {
			t.Fatalf("site %+v, %v: want a demo site with a valid USCC", site, err)
		}
		docs := allDocs(t, s, sum.SiteID)
		if len(docs) < 300 || len(docs) != sum.Documents {
			t.Fatalf("%d documents stored, summary says %d; want ≥ 300", len(docs), sum.Documents)
		}
		indexRE := regexp.MustCompile(`^` + site.USCC + `/(\d{4})-\d{5}$`)
		seen := map[string]bool{}
		perColumn := map[int64]int{}
		years := map[int]bool{}
		byID := map[int64]catalog.Document{}
		late := 0
		for _, d := range docs {
			byID[d.ID] = d
			if d.State != catalog.StatePublished || d.PublishedAt.IsZero() {
				t.Errorf("%q is %s", d.Title, d.State)
			}
			m := indexRE.FindStringSubmatch(d.IndexNo)
			if m == nil || m[1] != d.WrittenOn[:4] {
				t.Errorf("索引号 %q of %q (written %s) is malformed", d.IndexNo, d.Title, d.WrittenOn)
			}
			if seen[d.IndexNo] {
				t.Errorf("索引号 %s is used twice", d.IndexNo)
			}
			seen[d.IndexNo] = true
			if fe := d.Validate(); len(fe) > 0 {
				t.Errorf("%q does not validate: %v", d.Title, fe)
			}
			if d.WrittenOn > d.PublishedAt.Format("2006-01-02") || d.Summary == "" || d.BodyHTML == "" {
				t.Errorf("%q: written %s, published %v, summary %q", d.Title, d.WrittenOn, d.PublishedAt, d.Summary)
			}
			perColumn[d.ColumnID]++
			years[d.PublishedAt.Year()] = true
			if d.LateWorkdays > 0 {
				late++
			}
		}
		for _, y := range []int{2023, 2024, 2025} {
			if !years[y] {
				t.Errorf("no document published in %d", y)
			}
		}
		if late == 0 || late != sum.Late {
			t.Errorf("%d late documents (summary %d), want some for the 条例第二十六条 flag", late, sum.Late)
		}
		cols, err := s.Columns(ctx, sum.SiteID)
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[catalog.ColumnKind]bool{}
		for _, c := range cols {
			kinds[c.Kind] = true
			if c.OrgID == 0 {
				t.Errorf("column %s has no responsible org", c.Name)
			}
			if perColumn[c.ID] == 0 && c.Kind != catalog.KindInteraction {
				t.Errorf("column %s (%s) is empty", c.Name, c.Slug)
			}
		}
		for _, k := range catalog.ColumnKinds {
			if !kinds[k] {
				t.Errorf("no column of kind %s", k)
			}
		}
		checkNormative(t, s, docs, byID, sum)
	})
}

func checkNormative(t *testing.T, s *store.Store, docs []catalog.Document, byID map[int64]catalog.Document, sum demo.Summary) {
	t.Helper()
	normative, superseded, replaced := 0, 0, 0
	for _, d := range docs {
		if d.Genre != catalog.GenreNormative {
			continue
		}
		normative++
		if !d.Validity.Superseded() {
			continue
		}
		superseded++
		if d.ValidityOn == "" {
			t.Errorf("%q is %s without a date", d.Title, d.Validity)
		}
		if d.ReplacedBy != 0 {
			repl, ok := byID[d.ReplacedBy]
			if !ok || repl.State != catalog.StatePublished || repl.WrittenOn < d.WrittenOn {
				t.Errorf("%q is replaced by %d (%+v), not a later published document", d.Title, d.ReplacedBy, repl.Title)
			}
			replaced++
		}
	}
	if normative < 10 || normative != sum.Normative || superseded != sum.Superseded {
		t.Errorf("normative %d (summary %d), superseded %d (summary %d)", normative, sum.Normative, superseded, sum.Superseded)
	}
	if replaced < 2 {
		t.Errorf("%d repealed or amended documents point to their replacement, want ≥ 2", replaced)
	}
	withChannels := 0
	for _, d := range docs[:60] {
		full, err := s.Document(context.Background(), d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(full.Channels) > 0 {
			withChannels++
		}
	}
	if withChannels == 0 || sum.Channels < 50 {
		t.Errorf("%d of 60 documents have channel records, %d in all", withChannels, sum.Channels)
	}
}

// fingerprint lists what a reader sees of every document, in order.
func fingerprint(t *testing.T, s *store.Store, siteID int64) []string {
	var out []string
	for _, d := range allDocs(t, s, siteID) {
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s|%s|%d|%s", d.IndexNo, d.Title, d.DocNo, d.WrittenOn,
			d.PublishedAt.UTC().Format(time.RFC3339), d.Validity, d.LateWorkdays, d.Summary))
	}
	slices.Sort(out)
	return out
}

func TestCreateIsDeterministic(t *testing.T) {
	ctx := context.Background()
	var runs [][]string
	for i := 0; i < 2; i++ {
		s := storetest.Open(t, store.SQLite)
		sum, err := demo.Create(ctx, s, now)
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, fingerprint(t, s, sum.SiteID))
	}
	if !slices.Equal(runs[0], runs[1]) {
		for i := range min(len(runs[0]), len(runs[1])) {
			if runs[0][i] != runs[1][i] {
				t.Fatalf("runs differ at %d:\n%s\n%s", i, runs[0][i], runs[1][i])
			}
		}
		t.Fatalf("runs differ in length: %d vs %d", len(runs[0]), len(runs[1]))
	}
}

func TestCreateStopsAtNow(t *testing.T) {
	s := storetest.Open(t, store.SQLite)
	cut := time.Date(2024, 6, 30, 16, 0, 0, 0, time.UTC)
	sum, err := demo.Create(context.Background(), s, cut)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range allDocs(t, s, sum.SiteID) {
		if d.PublishedAt.After(cut) {
			t.Errorf("%q published %v, after now %v", d.Title, d.PublishedAt, cut)
		}
	}
}
