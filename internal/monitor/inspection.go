package monitor

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// Inspection is a site's inspection report: what the dashboard shows and
// the printable and XLSX reports hold.
type Inspection struct {
	Site      catalog.Site
	At        time.Time
	Score     Score
	Freshness Freshness
	Columns   []ColumnRow
	Checks    []CheckRow
	Findings  []store.MonitorFinding // the site's open findings, most serious first
	Trend     []store.MonitorScore
	Chart     LineChart
}

// ColumnRow is a column's status with its responsible 科室.
type ColumnRow struct {
	ColumnStatus
	Org string
}

// CheckRow is a check's latest run and its open findings for the site.
type CheckRow struct {
	Name, Title, Every string
	Last               store.MonitorRun
	Ran                bool
	Open, Vetoes       int
}

// trendDays is how far back the dashboard's chart looks.
const trendDays = 90

// BuildInspection gathers a site's report at env.Now().
func BuildInspection(ctx context.Context, env *Env, siteID int64) (Inspection, error) {
	var in Inspection
	site, err := env.Store.Site(ctx, siteID)
	if err != nil {
		return in, err
	}
	now := env.Now()
	in.Site, in.At = site, now
	if in.Freshness, err = SiteFreshness(ctx, env.Store, siteID, env.Settings, now); err != nil {
		return in, err
	}
	orgs, err := orgNames(ctx, env.Store, siteID)
	if err != nil {
		return in, err
	}
	for _, c := range in.Freshness.Columns {
		in.Columns = append(in.Columns, ColumnRow{ColumnStatus: c, Org: orgs[c.Column.OrgID]})
	}
	open, err := env.Store.AllOpenFindings(ctx, "")
	if err != nil {
		return in, err
	}
	if in.Score, err = SiteScore(ctx, env, siteID, open); err != nil {
		return in, err
	}
	for _, f := range open {
		if f.SiteID == siteID {
			in.Findings = append(in.Findings, f)
		}
	}
	sortFindings(in.Findings)
	last, err := env.Store.LastMonitorRuns(ctx)
	if err != nil {
		return in, err
	}
	for _, c := range Checks() {
		row := CheckRow{Name: c.Name(), Title: c.Title(), Every: ScheduleLabel(c)}
		row.Last, row.Ran = last[c.Name()]
		for _, f := range in.Findings {
			if f.Check == c.Name() {
				row.Open++
				if f.Severity == SevVeto {
					row.Vetoes++
				}
			}
		}
		in.Checks = append(in.Checks, row)
	}
	if in.Trend, err = env.Store.MonitorScores(ctx, siteID, day(now.AddDate(0, 0, -trendDays))); err != nil {
		return in, err
	}
	labels := make([]string, len(in.Trend))
	values := make([]float64, len(in.Trend))
	for i, s := range in.Trend {
		labels[i], values[i] = s.Day[5:], s.Score
	}
	in.Chart = NewLineChart("trend", fmt.Sprintf("近%d天得分趋势", trendDays), labels, values, 0, 100, env.Settings.PassScore, "合格线", 640, 220)
	return in, nil
}

func orgNames(ctx context.Context, st *store.Store, siteID int64) (map[int64]string, error) {
	orgs, err := st.Orgs(ctx, siteID)
	names := map[int64]string{0: "未指定"}
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	return names, err
}

// sortFindings orders findings veto first, then deductions, warnings and
// information, each by check and key (stable for reports).
func sortFindings(fs []store.MonitorFinding) {
	rank := map[string]int{SevVeto: 0, SevDeduct: 1, SevWarn: 2, SevInfo: 3}
	slices.SortStableFunc(fs, func(a, b store.MonitorFinding) int {
		return cmp.Or(cmp.Compare(rank[a.Severity], rank[b.Severity]), strings.Compare(a.Check, b.Check), strings.Compare(a.Key, b.Key))
	})
}

// EveryLabel is a schedule period in Chinese.
func EveryLabel(d time.Duration) string {
	if d >= 24*time.Hour && d%(24*time.Hour) == 0 {
		return "每" + itoa(int(d/(24*time.Hour))) + "天"
	}
	if d%time.Hour == 0 {
		return "每" + itoa(int(d/time.Hour)) + "小时"
	}
	return "每" + itoa(int(d/time.Minute)) + "分钟"
}

// ScheduleLabel is a check's schedule in Chinese, with its time of day.
func ScheduleLabel(c Check) string {
	s := EveryLabel(c.Every())
	if o, ok := c.(Offsetter); ok {
		s += fmt.Sprintf("（%02d:%02d）", int(o.Offset().Hours()), int(o.Offset().Minutes())%60)
	}
	return s
}

// SeverityLabel is a severity in Chinese.
func SeverityLabel(s string) string {
	switch s {
	case SevVeto:
		return "单项否决"
	case SevDeduct:
		return "扣分"
	case SevWarn:
		return "提醒"
	}
	return "信息"
}
