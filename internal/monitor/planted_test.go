package monitor_test

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"gongkai/internal/monitor"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestPlantedFaultsExactly runs every check against the real portal serving
// a site with planted faults, and requires exactly those faults: no more
// (no false alarm on the clean pages), no fewer.
func TestPlantedFaultsExactly(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t, store.SQLite)
	p := newPlanted(t, st)
	r := monitor.NewRunner(monitor.Env{Store: st, Now: func() time.Time { return testNow }, Log: slog.New(slog.DiscardHandler),
		FilesDir: p.cfg.FilesDir()})
	slow := "SITE" + p.slowPath
	attURL := fmt.Sprintf("SITE/files/%d/%%E7%%94%%B3%%E6%%8A%%A5%%E8%%A1%%A8.pdf", p.att.ID) // 申报表.pdf
	want := []string{
		"freshness/column_stale/bmdt",
		"freshness/column_blank/ztzl",
		"freshness/column_due/ghjh",
		"links/link_4xx/SITE/doc/999999",
		"links/link_4xx/SITE/col/nonexist/",
		"links/link_4xx/EXT/gone",
		"links/link_5xx/EXT/boom",
		"links/link_dns/http://no-such-host.invalid/",
		"links/link_timeout/" + slow,
		"links/link_4xx/" + attURL,
		"text/typo/关于清理文件的说明",
		"data/metadata_missing/缺少概述的公告",
		"data/date_order/日期颠倒的通知",
		"data/attachment_broken/带附件的通知",
		"data/repeal_dangling/被撤稿文件废止的办法",
		"data/register_mismatch/废止日期未填的办法",
	}
	slices.Sort(want)

	var dry []string
	for _, c := range r.Checks {
		o, err := r.Run(ctx, c.Name(), true)
		if err != nil {
			t.Fatalf("dry run %s: %v", c.Name(), err)
		}
		for _, f := range o.Report.Findings {
			dry = append(dry, p.describe(f))
		}
	}
	slices.Sort(dry)
	if runs, _ := st.MonitorRuns(ctx, "", 50); len(runs) != 0 {
		t.Errorf("dry runs stored %d runs", len(runs))
	}
	if open, _ := st.AllOpenFindings(ctx, ""); len(open) != 0 {
		t.Errorf("dry runs stored %d findings", len(open))
	}
	if !slices.Equal(dry, want) {
		t.Errorf("dry run found\n%s\nwant\n%s", strings.Join(dry, "\n"), strings.Join(want, "\n"))
	}

	for round := range 2 { // a second run changes nothing: the checks are idempotent
		for _, c := range r.Checks {
			if _, err := r.Run(ctx, c.Name(), false); err != nil {
				t.Fatalf("run %s: %v", c.Name(), err)
			}
		}
		open, err := st.AllOpenFindings(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range open {
			got = append(got, p.describe(f))
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: stored\n%s\nwant\n%s", round, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	checkPlantedDetails(t, p)
}

// checkPlantedDetails looks at what the findings say and whom they told.
func checkPlantedDetails(t *testing.T, p *planted) {
	ctx := context.Background()
	st := p.st
	links, err := st.AllOpenFindings(ctx, "links")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range links {
		if f.SiteID != p.site.ID || f.Source == "" {
			t.Errorf("link finding without site or linking page: %+v", f)
		}
		if strings.HasSuffix(f.URL, "/doc/999999") && (f.DocumentID != p.docs["相关链接汇总"] || f.OrgID == 0) {
			t.Errorf("broken link not attributed to the document that links it: %+v", f)
		}
		if strings.Contains(f.URL, "/gone") && !strings.Contains(f.Message, "外部链接") {
			t.Errorf("external link message: %s", f.Message)
		}
	}
	// The 规划科信息员 was told once that 规划计划 is due; 办公室 has no 信息员,
	// so the office heard of the stale and the blank column; and the digest.
	planner, _, err := st.MonitorNotices(ctx, p.planner, 50)
	if err != nil {
		t.Fatal(err)
	}
	if len(planner) != 1 || planner[0].Kind != "column_due" || !strings.Contains(planner[0].Title, "规划计划") {
		t.Errorf("planner notices: %+v", planner)
	}
	office, unread, err := st.MonitorNotices(ctx, p.office, 50)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, n := range office {
		kinds[n.Kind]++
	}
	if kinds["column_stale"] != 1 || kinds["column_blank"] != 1 || kinds["digest"] != 1 || len(office) != 3 || unread != 3 {
		t.Errorf("office notices %v (unread %d)", kinds, unread)
	}
	scores, err := st.MonitorScores(ctx, p.site.ID, "2025-01-01")
	if err != nil || len(scores) != 1 {
		t.Fatalf("scores %v %v", scores, err)
	}
	// 100 − 7 links × 0.5 − 2 columns × 2 − 1 typo − 5 data issues × 0.5.
	if s := scores[0]; s.Score != 89 || !s.Passed || s.Vetoes != 0 || s.BrokenLinks != 7 || s.Stale != 1 || s.Blank != 1 || s.DataIssues != 5 {
		t.Errorf("score %+v", s)
	}
}
