package monitor

import (
	"strings"
	"testing"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

var now = time.Date(2025, 6, 16, 10, 0, 0, 0, china)

func daysAgo(n int) time.Time { return now.AddDate(0, 0, -n) }

func TestFreshnessWindowsAndVetoCounts(t *testing.T) {
	s := DefaultSettings()
	cols := []catalog.Column{
		{ID: 1, Name: "动态要闻", Kind: catalog.KindNews},
		{ID: 2, Name: "部门动态", Kind: catalog.KindNews, ParentID: 1},
		{ID: 3, Name: "通知公告", Kind: catalog.KindNotice},
		{ID: 4, Name: "政策文件", Kind: catalog.KindPolicy},
		{ID: 5, Name: "人事信息", Kind: catalog.KindPersonnel},
		{ID: 6, Name: "机构职能", Kind: catalog.KindCatalogue},
		{ID: 7, Name: "专题", Kind: catalog.KindSpecial},
		{ID: 8, Name: "旧专题", Kind: catalog.KindSpecial, Archived: true},
		{ID: 9, Name: "县区动态", Kind: catalog.KindNews},
		{ID: 10, Name: "外部系统栏目", Kind: catalog.KindService},
	}
	act := map[int64]store.ColumnActivity{
		2: {Published: 3, Last: daysAgo(10)},  // the parent shows it too
		3: {Published: 9, Last: daysAgo(184)}, // 6 months is 183 days: stale
		4: {Published: 2, Last: daysAgo(181)}, // 3 days left: due
		5: {Published: 1, Last: daysAgo(100)},
		6: {Published: 1, Last: daysAgo(900)}, // no window
		9: {Published: 4, Last: daysAgo(15)},  // stale by one day
	}
	thirty := 30
	rules := map[int64]store.MonitorColumnRule{5: {ColumnID: 5, WindowDays: &thirty}, 10: {ColumnID: 10, ExemptBlank: true}}
	f := EvaluateFreshness(cols, act, rules, s, now)
	want := map[int64]ColumnState{1: StateFresh, 2: StateFresh, 3: StateStale, 4: StateDue, 5: StateStale, 6: StateUnchecked,
		7: StateBlank, 8: StateArchived, 9: StateStale, 10: StateUnchecked}
	for _, c := range f.Columns {
		if c.State != want[c.Column.ID] {
			t.Errorf("%s: %s (days left %d), want %s", c.Column.Name, c.State, c.DaysLeft, want[c.Column.ID])
		}
	}
	if f.Columns[0].Published != 3 || !f.Columns[0].Last.Equal(daysAgo(10)) {
		t.Errorf("parent does not show its child: %+v", f.Columns[0])
	}
	if c := f.Columns[3]; c.DaysLeft != 3 {
		t.Errorf("政策文件 days left %d, want 3", c.DaysLeft)
	}
	if !f.Columns[4].Overridden || f.Columns[4].Window != 30 {
		t.Errorf("per-column window not applied: %+v", f.Columns[4])
	}
	// ① 通知公告 + 县区动态 = 2; ② those two, 人事信息 and the blank 专题 = 4; ③ 1.
	if f.StaleCount != 2 || f.ShouldUpdate != 4 || f.BlankCount != 1 || f.Vetoed() {
		t.Errorf("counters %d/%d/%d vetoed %v", f.StaleCount, f.ShouldUpdate, f.BlankCount, f.Vetoed())
	}
	if f.HomeStale || !f.HomeLast.Equal(daysAgo(10)) {
		t.Errorf("home: stale %v last %v (机构职能 is not on the home page)", f.HomeStale, f.HomeLast)
	}
	// The thresholds are settings: "累计超过(含)" means a count equal to the
	// threshold is a veto.
	s.StaleVeto, s.ShouldVeto, s.BlankVeto = 2, 4, 1
	if f := EvaluateFreshness(cols, act, rules, s, now); !f.StaleVeto || !f.ShouldVeto || !f.BlankVeto {
		t.Errorf("counts equal to the thresholds do not veto: %+v", f)
	}
	s = DefaultSettings()
	s.FirstLevelOnly = true
	cols[2].ParentID = 1 // 通知公告 under a news column: not first level
	if f := EvaluateFreshness(cols, act, rules, s, now); f.StaleCount != 1 {
		t.Errorf("first-level-only count %d, want 1", f.StaleCount)
	}
	// The window's last day is still fresh, the day after is not; a
	// column 14 days into its 14 is due tomorrow.
	if f := EvaluateFreshness(cols, act, rules, DefaultSettings(), now.AddDate(0, 0, 4)); f.HomeStale || f.Columns[1].State != StateDue || f.Columns[1].DaysLeft != 1 {
		t.Errorf("home page updated 14 days ago: stale %v, 部门动态 %s", f.HomeStale, f.Columns[1].State)
	}
	if f := EvaluateFreshness(cols, act, rules, DefaultSettings(), now.AddDate(0, 0, 5)); !f.HomeStale {
		t.Error("home page last updated 15 days ago is not stale")
	}
	if f := EvaluateFreshness(cols[:1], nil, nil, DefaultSettings(), now); !f.HomeStale {
		t.Error("a home page without any dated item is not stale")
	}
}

func TestAvailabilityRule(t *testing.T) {
	s := DefaultSettings() // 7 days × 20 probes, ≥ 5 %
	for _, c := range []struct {
		total, failed       int
		enough, unreachable bool
	}{
		{140, 7, true, true},    // exactly 5 %: 超过(含)
		{140, 6, true, false},   // 4.3 %
		{168, 9, true, true},    // hourly for a week, 5.4 %
		{100, 50, false, false}, // not a week of monitoring yet
		{0, 0, false, false},
	} {
		a := EvaluateAvailability(c.total, c.failed, s)
		if a.Enough != c.enough || a.Unreachable != c.unreachable {
			t.Errorf("%d/%d: %+v", c.failed, c.total, a)
		}
	}
}

func TestScore(t *testing.T) {
	s := DefaultSettings()
	fs := func(kinds ...string) []store.MonitorFinding {
		var out []store.MonitorFinding
		for _, k := range kinds {
			out = append(out, store.MonitorFinding{Kind: k})
		}
		return out
	}
	sc := ComputeScore(ScoreInput{Findings: fs("link_4xx", "link_dns", "column_stale", "typo", "typo", "metadata_missing"),
		ProbeTotal: 140, ProbeFailed: 3, MessagesChecked: true}, s)
	// 100 − 2×0.5 − 3 (2.1 % → 3 points) − 2 − 2×1 − 0.5 = 91.5
	if sc.Points != 91.5 || !sc.Passed || sc.Vetoed || sc.Verdict() != "合格" {
		t.Errorf("score %+v", sc)
	}
	var links []string
	for range 40 {
		links = append(links, "link_5xx")
	}
	if sc := ComputeScore(ScoreInput{Findings: fs(links...)}, s); sc.Points != 90 {
		t.Errorf("deduction not capped at its indicator's points: %v", sc.Points)
	}
	sc = ComputeScore(ScoreInput{Findings: fs("veto_blank", "sensitive")}, s)
	if !sc.Vetoed || sc.Passed || !strings.Contains(sc.Verdict(), "单项否决") || sc.Vetoes[3].Status != VetoHit ||
		sc.Vetoes[0].Status != VetoReview || sc.Vetoes[4].Status != VetoNotWatch || sc.Vetoes[1].Status != VetoWatching {
		t.Errorf("veto: %+v", sc.Vetoes)
	}
	s.PassScore = 95
	if sc := ComputeScore(ScoreInput{Findings: fs("column_stale", "column_blank", "column_blank")}, s); sc.Passed || sc.Verdict() != "不合格（低于合格分数线）" {
		t.Errorf("below the pass mark: %+v", sc)
	}
}

func TestScannerAndWordList(t *testing.T) {
	words, errs := ParseWords("# 注释\n先行有效→现行有效\n行政事业型 -> 行政事业性\n!博彩\n现行→现行有效\n错\n无箭头的行\n!博彩\n")
	if len(words) != 3 || len(errs) != 3 {
		t.Fatalf("words %+v errs %v", words, errs)
	}
	for i, want := range []string{"第5行", "第6行", "第7行"} {
		if !strings.HasPrefix(errs[i], want) {
			t.Errorf("error %d: %s", i, errs[i])
		}
	}
	sc := NewScanner(words)
	hits := sc.Scan("按照行政事业型单位要求，先行有效文件清单如下；严禁博彩。现行有效的文件不在此列。")
	var got []string
	for _, h := range hits {
		got = append(got, h.Word.Text)
	}
	if strings.Join(got, ",") != "行政事业型,先行有效,博彩" {
		t.Errorf("hits %v", got)
	}
	if !strings.Contains(hits[1].Context, "先行有效文件清单") {
		t.Errorf("context %q", hits[1].Context)
	}
	// Overlapping words are all found; the shipped list parses cleanly.
	ov := NewScanner([]Word{{Text: "营商坏境"}, {Text: "坏境"}, {Text: "商坏"}})
	if n := len(ov.Scan("优化营商坏境")); n != 3 {
		t.Errorf("overlapping hits %d, want 3", n)
	}
	shipped, errs := ParseWords(DefaultWords())
	if len(errs) != 0 || len(shipped) < 50 {
		t.Errorf("shipped list: %d words, errors %v", len(shipped), errs)
	}
	if got := PlainText("<p>经清理，<strong>先</strong>行有效</p><p>第二段</p>"); !strings.Contains(got, "先行有效") || strings.Contains(got, "有效第二段") {
		t.Errorf("plain text %q", got)
	}
}

func TestDataRules(t *testing.T) {
	d := catalog.Document{ID: 1, Title: "办法", IndexNo: "x/2025-00001", Summary: "概述", WrittenOn: "2025-06-10", Issuer: "局", Topic: "综合政务",
		Genre: catalog.GenreNormative, DocNo: "示经信规〔2025〕1号", PublishedAt: time.Date(2025, 6, 9, 20, 0, 0, 0, time.UTC), State: catalog.StatePublished}
	if miss := MissingMetadata(d); len(miss) != 0 {
		t.Errorf("complete document missing %v", miss)
	}
	// 20:00 UTC on the 9th is the 10th in China: not before the 成文日期.
	if PublishedBeforeWritten(d) {
		t.Error("publication on the 成文 day in China time reported as earlier")
	}
	d.PublishedAt = time.Date(2025, 6, 9, 1, 0, 0, 0, time.UTC)
	if !PublishedBeforeWritten(d) {
		t.Error("publication the day before the 成文日期 not reported")
	}
	d.DocNo, d.Summary = "", " "
	if got := strings.Join(MissingMetadata(d), "、"); got != "内容概述、文号" {
		t.Errorf("missing %s", got)
	}
	d.Validity, d.ReplacedBy = catalog.Repealed, 0
	if p := RepealProblem(d, nil); p != "" {
		t.Errorf("a plain repeal needs no replacement: %s", p)
	}
	d.Validity = catalog.Amended
	if p := RepealProblem(d, nil); !strings.Contains(p, "未关联") {
		t.Errorf("amended without the amending document: %q", p)
	}
	d.ReplacedBy = 2
	older := catalog.Document{ID: 2, Title: "旧的", WrittenOn: "2024-01-01", State: catalog.StatePublished}
	if p := RepealProblem(d, &older); !strings.Contains(p, "早于") {
		t.Errorf("older replacement: %q", p)
	}
	if p := RepealProblem(d, nil); !strings.Contains(p, "不存在") {
		t.Errorf("missing replacement: %q", p)
	}
	newer := catalog.Document{ID: 2, Title: "新的", WrittenOn: "2025-07-01", State: catalog.StatePublished}
	if p := RepealProblem(d, &newer); p != "" {
		t.Errorf("sound chain: %q", p)
	}
	for _, c := range []struct {
		d    catalog.Document
		want bool
	}{
		{catalog.Document{State: catalog.StateWithdrawn, Validity: catalog.Valid}, true},
		{catalog.Document{State: catalog.StatePublished, Validity: catalog.Repealed}, true},
		{catalog.Document{State: catalog.StatePublished, Validity: catalog.Repealed, ValidityOn: "2025-01-01"}, false},
		{catalog.Document{State: catalog.StatePublished, Validity: catalog.Valid, ReplacedBy: 3}, true},
		{catalog.Document{State: catalog.StatePublished, Validity: catalog.Valid}, false},
	} {
		if got := RegisterProblem(c.d) != ""; got != c.want {
			t.Errorf("%+v: problem %v, want %v", c.d, got, c.want)
		}
	}
}

func TestCharts(t *testing.T) {
	c := NewLineChart("t", "趋势", []string{"06-14", "06-15", "06-16"}, []float64{100, 50, 0}, 0, 100, 60, "合格线", 640, 220)
	if c.Points != "44,12 336,102 628,192" || len(c.Dots) != 3 || c.Threshold != 84 || c.Empty {
		t.Errorf("line chart %+v", c)
	}
	b := NewBarChart("b", "发布", []string{"办公室", "规划科"}, []float64{10, 5}, []bool{false, true}, 640)
	if b.Bars[0].Width != 430 || b.Bars[1].Width != 215 || !b.Bars[1].Highlighted || b.Height != 60 {
		t.Errorf("bar chart %+v", b)
	}
	if e := NewBarChart("b", "发布", nil, nil, nil, 640); !e.Empty {
		t.Error("empty bar chart not marked empty")
	}
}

func TestSettingsFields(t *testing.T) {
	s := DefaultSettings()
	fields := s.Fields()
	if len(fields) < 30 || fields[0].Name != "site_url" || fields[1].Value != "14" {
		t.Fatalf("fields %+v", fields[:2])
	}
	for name, v := range map[string]string{"news_days": "0", "unreachable_pct": "x", "site_url": "www.example.gov.cn", "nosuch": "1"} {
		if err := s.Set(name, v); err == nil {
			t.Errorf("%s=%s accepted", name, v)
		}
	}
	if err := s.Set("check_external", ""); err != nil || s.CheckExternal {
		t.Errorf("unchecked box: %v %v", err, s.CheckExternal)
	}
	if err := s.Set("watched", "示例县经信局 https://a.example.gov.cn/\n\nhttps://b.example.gov.cn"); err != nil {
		t.Fatal(err)
	}
	if w := s.WatchedSites(); len(w) != 2 || w[0].Name != "示例县经信局" || w[1].Name != "b.example.gov.cn" {
		t.Errorf("watched %+v", w)
	}
	if s.WindowFor(catalog.KindPlan) != 365 || s.WindowFor(catalog.KindInteraction) != 0 {
		t.Error("kind windows")
	}
}
