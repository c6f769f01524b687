package monitor

import (
	"context"
	"math"
	"strconv"
	"strings"

	"gongkai/internal/store"
)

// The indicator-style score (website-rules §1.2): any veto item hit makes
// the site 不合格 with no further scoring; otherwise deductions come off
// 100 points, each indicator capped at its own points (扣完为止), and
// below the pass line (60) is 不合格.

// Veto item statuses.
const (
	VetoHit      = "否决"
	VetoPass     = "未发现"
	VetoReview   = "待人工核实"
	VetoWatching = "监测中"
	VetoNotWatch = "未监测"
)

// VetoItem is one of the six 单项否决 items.
type VetoItem struct {
	No     int
	Name   string
	Status string
	Detail string
}

// Deduction is one scored indicator.
type Deduction struct {
	Name   string
	Count  int
	Points float64 // deducted, at most Cap
	Cap    float64
}

// Score is a site's result.
type Score struct {
	Vetoes     []VetoItem
	Deductions []Deduction
	Points     float64 // 100 minus the deductions
	Vetoed     bool
	Passed     bool
}

// Verdict is the Chinese conclusion.
func (s Score) Verdict() string {
	switch {
	case s.Vetoed:
		return "不合格（触发单项否决）"
	case !s.Passed:
		return "不合格（低于合格分数线）"
	}
	return "合格"
}

// ScoreInput is what the score is computed from.
type ScoreInput struct {
	Findings        []store.MonitorFinding // the site's open findings
	ProbeTotal      int                    // home-page probes in the window
	ProbeFailed     int
	MessagesChecked bool // the message board exists, so item 5 is monitored
	// Services is the site's 办事指南 tally for item 6 and the 服务实用
	// deduction; nil when the guides are not monitored.
	Services *ServiceTally
}

// ServiceTally counts a site's published 办事指南 by their missing key
// elements (website-rules §1.3 item 6; ServiceItem.Missing lists the ten).
type ServiceTally struct {
	Items      int // published service items
	Incomplete int // missing at least Settings.ServiceMissing elements: counted towards the veto
	Gaps       int // missing at least one element: the 服务实用 deduction
}

// ComputeScore applies the model to a site's open findings.
func ComputeScore(in ScoreInput, s Settings) Score {
	n := map[string]int{}
	for _, f := range in.Findings {
		n[f.Kind]++
	}
	linkCount := n["link_4xx"] + n["link_5xx"] + n["link_timeout"] + n["link_dns"] + n["link_error"]
	avail := EvaluateAvailability(in.ProbeTotal, in.ProbeFailed, s)
	var sc Score
	veto := func(no int, name string, hit bool, otherwise, detail string) {
		st := otherwise
		if hit {
			st, sc.Vetoed = VetoHit, true
		}
		sc.Vetoes = append(sc.Vetoes, VetoItem{No: no, Name: name, Status: st, Detail: detail})
	}
	item1 := VetoPass
	if n["sensitive"] > 0 {
		item1 = VetoReview
	}
	veto(1, "安全、泄密事故等严重问题", false, item1, countText("敏感词", n["sensitive"]))
	item2 := VetoPass
	if !avail.Enough {
		item2 = VetoWatching
	}
	veto(2, "站点无法访问", n["site_unreachable"] > 0, item2, probeText(avail))
	veto(3, "首页不更新", n["homepage_stale"] > 0, VetoPass, "")
	veto(4, "栏目不更新", n["veto_stale"]+n["veto_should_update"]+n["veto_blank"] > 0, VetoPass,
		countText("超期未更新栏目", n["column_stale"])+countText("空白栏目", n["column_blank"]))
	item5 := VetoPass
	if !in.MessagesChecked {
		item5 = VetoNotWatch
	}
	veto(5, "互动回应差", n["message_unanswered"] > 0, item5, countText("超期未回应留言", n["message_unanswered"]))
	item6, hit6, detail6 := serviceVeto(in.Services, s)
	veto(6, "服务不实用", hit6, item6, detail6)

	deduct := func(name string, count int, per, limit float64) {
		sc.Deductions = append(sc.Deductions, Deduction{Name: name, Count: count, Points: math.Min(float64(count)*per, limit), Cap: limit})
	}
	deduct("链接可用性（错链、断链）", linkCount, s.PerBrokenLink, s.CapBrokenLinks)
	probePct := 0
	if !avail.Unreachable && avail.Total > 0 {
		probePct = int(math.Ceil(avail.Ratio * 100))
	}
	deduct("首页可用性（拨测失败率，每1%）", probePct, s.PerProbePct, s.CapProbe)
	deduct("栏目更新（超期、空白栏目）", n["column_stale"]+n["column_blank"], s.PerStale, s.CapStale)
	deduct("内容准确（错别字）", n["typo"], s.PerTypo, s.CapTypo)
	deduct("目录数据（元数据缺失、日期失真、附件、废止关联、文件库）",
		n["metadata_missing"]+n["date_order"]+n["attachment_broken"]+n["repeal_dangling"]+n["register_mismatch"], s.PerDataIssue, s.CapDataIssues)
	deduct("依申请公开办理（超期未答复）", n["application_overdue"], s.PerOverdue, s.CapOverdue)
	gaps := 0
	if in.Services != nil {
		gaps = in.Services.Gaps
	}
	deduct("服务实用（办事指南要素不全）", gaps, s.PerServiceGap, s.CapServiceGaps)
	sc.Points = 100
	for _, d := range sc.Deductions {
		sc.Points -= d.Points
	}
	sc.Points = math.Max(math.Round(sc.Points*10)/10, 0)
	sc.Passed = !sc.Vetoed && sc.Points >= s.PassScore
	return sc
}

// serviceVeto judges item 6 服务不实用 (website-rules §1.3): ① 未提供办事服务;
// ② 办事指南 missing ServiceMissing (4) or more of the ten key element
// categories on ServiceVeto (5) or more items. ① is for people to confirm:
// only sites with external service functions must offer 办事服务.
func serviceVeto(t *ServiceTally, s Settings) (status string, hit bool, detail string) {
	switch {
	case t == nil:
		return VetoNotWatch, false, "办事指南未纳入监测"
	case t.Items == 0:
		return VetoReview, false, "未发布办事服务事项；对外提供服务的网站未提供办事服务即触发否决"
	}
	detail = "已发布办事指南" + itoa(t.Items) + "个；" + countText("要素不全的", t.Gaps) +
		countText("缺失"+itoa(s.ServiceMissing)+"类及以上要素的", t.Incomplete)
	if t.Incomplete >= s.ServiceVeto {
		return VetoHit, true, detail + "达到否决线（" + itoa(s.ServiceVeto) + "个）"
	}
	return VetoPass, false, detail
}

func countText(what string, n int) string {
	if n == 0 {
		return ""
	}
	return what + itoa(n) + "个；"
}

func probeText(a Availability) string {
	if a.Total == 0 {
		return "尚无拨测记录"
	}
	return "拨测" + itoa(a.Total) + "次，失败" + itoa(a.Failed) + "次"
}

// SiteScore computes a site's score from its open findings and probes.
func SiteScore(ctx context.Context, env *Env, siteID int64, open []store.MonitorFinding) (Score, error) {
	in := ScoreInput{MessagesChecked: env.Messages != nil}
	for _, f := range open {
		if f.SiteID == siteID {
			in.Findings = append(in.Findings, f)
		}
	}
	tally, err := SiteServiceTally(ctx, env.Store, siteID, env.Settings)
	if err != nil {
		return Score{}, err
	}
	in.Services = &tally
	if env.SiteURL != "" {
		sites, err := env.Store.Sites(ctx)
		if err != nil {
			return Score{}, err
		}
		url := env.SiteURL + siteBases(sites)[siteID] + "/"
		since := env.Now().AddDate(0, 0, -env.Settings.ProbeWindowDays)
		if in.ProbeTotal, in.ProbeFailed, err = env.Store.ProbeStats(ctx, url, since); err != nil {
			return Score{}, err
		}
	}
	return ComputeScore(in, env.Settings), nil
}

// SaveScores stores today's score of every site, for the trend.
func SaveScores(ctx context.Context, env *Env) error {
	sites, err := env.Store.Sites(ctx)
	if err != nil {
		return err
	}
	open, err := env.Store.AllOpenFindings(ctx, "")
	if err != nil {
		return err
	}
	for _, s := range sites {
		sc, err := SiteScore(ctx, env, s.ID, open)
		if err != nil {
			return err
		}
		m := store.MonitorScore{SiteID: s.ID, Day: day(env.Now()), Score: sc.Points, Passed: sc.Passed}
		for _, v := range sc.Vetoes {
			if v.Status == VetoHit {
				m.Vetoes++
			}
		}
		for _, f := range open {
			if f.SiteID != s.ID {
				continue
			}
			switch {
			case f.Kind == "column_stale":
				m.Stale++
			case f.Kind == "column_blank":
				m.Blank++
			case strings.HasPrefix(f.Kind, "link_"):
				m.BrokenLinks++
			case f.Kind == "typo" || f.Kind == "sensitive":
				m.TextIssues++
			case f.Check == "data":
				m.DataIssues++
			}
		}
		if err := env.Store.SaveMonitorScore(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }
