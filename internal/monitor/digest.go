package monitor

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gongkai/internal/store"
)

// digestCheck sends the office (公开办工作人员) one notice a day: the open
// findings by check, with what is new since the day before, and the score
// of each site. The notice key is the day, so it is sent once however often
// the check runs.
type digestCheck struct{}

func (digestCheck) Name() string         { return "digest" }
func (digestCheck) Title() string        { return "每日监测汇总" }
func (digestCheck) Every() time.Duration { return 24 * time.Hour }

// Offset sends the digest at 08:00, after the night's checks.
func (digestCheck) Offset() time.Duration { return 8 * time.Hour }

func (digestCheck) Run(ctx context.Context, env *Env) (Report, error) {
	var rep Report
	now := env.Now()
	open, err := env.Store.AllOpenFindings(ctx, "")
	if err != nil {
		return rep, err
	}
	fresh, err := env.Store.FindingsSince(ctx, now.Add(-24*time.Hour))
	if err != nil {
		return rep, err
	}
	sites, err := env.Store.Sites(ctx)
	if err != nil {
		return rep, err
	}
	var b strings.Builder
	for _, s := range sites {
		sc, err := SiteScore(ctx, env, s.ID, open)
		if err != nil {
			return rep, err
		}
		fmt.Fprintf(&b, "%s：%.1f分，%s\n", s.Name, sc.Points, sc.Verdict())
	}
	b.WriteString(DigestText(open, fresh))
	rcpt, err := loadRecipients(ctx, env.Store)
	if err != nil {
		return rep, err
	}
	title := fmt.Sprintf("%s网站监测汇总：待处理问题%d个，新增%d个", day(now), len(open), len(fresh))
	for _, uid := range rcpt.office {
		rep.Notices = append(rep.Notices, store.MonitorNotice{UserID: uid, Key: "digest:" + day(now), Kind: "digest",
			Title: title, Body: b.String(), Link: "/admin/monitor/"})
	}
	rep.Summary = fmt.Sprintf("%s，发送给%d名公开办工作人员", title, len(rcpt.office))
	return rep, nil
}

// DigestText lists open findings per check, and the new ones (at most ten).
func DigestText(open, fresh []store.MonitorFinding) string {
	var b strings.Builder
	counts := map[string][2]int{} // check → open, of which veto
	for _, f := range open {
		c := counts[f.Check]
		c[0]++
		if f.Severity == SevVeto {
			c[1]++
		}
		counts[f.Check] = c
	}
	for _, c := range Checks() {
		n := counts[c.Name()]
		if n[0] == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s：%d个", c.Title(), n[0])
		if n[1] > 0 {
			fmt.Fprintf(&b, "（其中单项否决%d个）", n[1])
		}
		b.WriteByte('\n')
	}
	if len(fresh) > 0 {
		b.WriteString("新增问题：\n")
		for i, f := range fresh {
			if i == 10 {
				fmt.Fprintf(&b, "……另有%d个\n", len(fresh)-10)
				break
			}
			fmt.Fprintf(&b, "· %s\n", f.Message)
		}
	}
	if len(open) == 0 {
		b.WriteString("没有待处理的问题。\n")
	}
	return b.String()
}
