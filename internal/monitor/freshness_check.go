package monitor

import (
	"context"
	"fmt"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// freshnessCheck is 首页/栏目更新: stale and blank columns, the veto counts,
// and the alerts to each column's 科室 before it goes stale.
type freshnessCheck struct{}

func (freshnessCheck) Name() string         { return "freshness" }
func (freshnessCheck) Title() string        { return "首页及栏目更新" }
func (freshnessCheck) Every() time.Duration { return time.Hour }

func (freshnessCheck) Run(ctx context.Context, env *Env) (Report, error) {
	var rep Report
	sites, err := env.Store.Sites(ctx)
	if err != nil {
		return rep, err
	}
	rcpt, err := loadRecipients(ctx, env.Store)
	if err != nil {
		return rep, err
	}
	now := env.Now()
	var stale, blank, due int
	for _, site := range sites {
		f, err := SiteFreshness(ctx, env.Store, site.ID, env.Settings, now)
		if err != nil {
			return rep, err
		}
		rep.Findings = append(rep.Findings, freshnessFindings(site, f, env.Settings)...)
		for _, st := range f.Columns {
			rep.Notices = append(rep.Notices, columnNotices(site, st, rcpt, now)...)
			switch st.State {
			case StateStale:
				stale++
			case StateBlank:
				blank++
			case StateDue:
				due++
			}
		}
	}
	rep.Summary = fmt.Sprintf("检查%d个站点：超期未更新栏目%d个，空白栏目%d个，即将超期%d个", len(sites), stale, blank, due)
	return rep, nil
}

// SiteFreshness reads what EvaluateFreshness needs of a site and judges it.
func SiteFreshness(ctx context.Context, st *store.Store, siteID int64, s Settings, now time.Time) (Freshness, error) {
	cols, err := st.Columns(ctx, siteID)
	if err != nil {
		return Freshness{}, err
	}
	act, err := st.ColumnActivity(ctx, siteID)
	if err != nil {
		return Freshness{}, err
	}
	rules, err := st.ColumnRules(ctx, siteID)
	if err != nil {
		return Freshness{}, err
	}
	return EvaluateFreshness(cols, act, rules, s, now), nil
}

func freshnessFindings(site catalog.Site, f Freshness, s Settings) []store.MonitorFinding {
	var out []store.MonitorFinding
	sid := fmt.Sprint(site.ID)
	if f.HomeStale {
		msg := fmt.Sprintf("首页%d天内无信息更新（首页不更新，单项否决）", s.HomepageDays)
		if !f.HomeLast.IsZero() {
			msg += "，最近一条发布于" + day(f.HomeLast)
		}
		out = append(out, store.MonitorFinding{Key: "home:" + sid, Kind: "homepage_stale", Severity: SevVeto, SiteID: site.ID, Message: msg})
	}
	veto := func(hit bool, key, kind, msg string, n, limit int) {
		if hit {
			out = append(out, store.MonitorFinding{Key: key + ":" + sid, Kind: kind, Severity: SevVeto, SiteID: site.ID,
				Message: fmt.Sprintf(msg, n, limit)})
		}
	}
	veto(f.StaleVeto, "veto-stale", "veto_stale", "动态要闻类、通知公告和政策文件类栏目未更新%d个，达到否决线%d个（栏目不更新，单项否决）", f.StaleCount, s.StaleVeto)
	veto(f.ShouldVeto, "veto-should", "veto_should_update", "应更新但长期未更新栏目%d个，达到否决线%d个（栏目不更新，单项否决）", f.ShouldUpdate, s.ShouldVeto)
	veto(f.BlankVeto, "veto-blank", "veto_blank", "空白栏目%d个，达到否决线%d个（栏目不更新，单项否决）", f.BlankCount, s.BlankVeto)
	for _, st := range f.Columns {
		c := st.Column
		base := store.MonitorFinding{SiteID: site.ID, ColumnID: c.ID, OrgID: c.OrgID}
		switch st.State {
		case StateStale:
			base.Key, base.Kind, base.Severity = fmt.Sprintf("stale:%d", c.ID), "column_stale", SevDeduct
			base.Message = fmt.Sprintf("栏目“%s”超过%d天未更新（最近发布于%s）", c.Name, st.Window, day(st.Last))
		case StateBlank:
			base.Key, base.Kind, base.Severity = fmt.Sprintf("blank:%d", c.ID), "column_blank", SevDeduct
			base.Message = fmt.Sprintf("栏目“%s”是空白栏目（开设以来没有任何信息），应补充内容或归档", c.Name)
		case StateDue:
			base.Key, base.Kind, base.Severity = fmt.Sprintf("due:%d", c.ID), "column_due", SevWarn
			base.Message = fmt.Sprintf("栏目“%s”将在%d天后超过%d天更新周期（最近发布于%s）", c.Name, st.DaysLeft, st.Window, day(st.Last))
		default:
			continue
		}
		out = append(out, base)
	}
	return out
}

// recipients are who hears about a column: the 信息员 of its 科室, or the
// office when the 科室 has none (or the column has no 科室).
type recipients struct {
	officers map[int64][]int64 // 科室 → its 信息员
	office   []int64           // 公开办工作人员
}

func loadRecipients(ctx context.Context, st *store.Store) (recipients, error) {
	users, err := st.Users(ctx)
	r := recipients{officers: map[int64][]int64{}}
	for _, u := range users {
		switch {
		case u.Disabled:
		case u.Role == auth.RoleOfficer && u.OrgID != 0:
			r.officers[u.OrgID] = append(r.officers[u.OrgID], u.ID)
		case u.Role == auth.RoleOffice:
			r.office = append(r.office, u.ID)
		}
	}
	return r, err
}

func (r recipients) forOrg(org int64) []int64 {
	if ids := r.officers[org]; len(ids) > 0 {
		return ids
	}
	return r.office
}

// notices addresses n to each who hears about org's things (forOrg).
func (r recipients) notices(org int64, n store.MonitorNotice) []store.MonitorNotice {
	var out []store.MonitorNotice
	for _, uid := range r.forOrg(org) {
		m := n
		m.UserID = uid
		out = append(out, m)
	}
	return out
}

// columnNotices tells a column's 信息员 before it goes stale (once per
// coming deadline), when it has gone stale, and when it is blank. The keys
// carry the deadline, so a column updated and due again is told again.
func columnNotices(site catalog.Site, st ColumnStatus, rcpt recipients, now time.Time) []store.MonitorNotice {
	c := st.Column
	link := fmt.Sprintf("/admin/monitor/?site=%d#col-%d", site.ID, c.ID)
	var n store.MonitorNotice
	switch st.State {
	case StateDue:
		crossing := now.AddDate(0, 0, st.DaysLeft)
		n = store.MonitorNotice{Key: fmt.Sprintf("due:%d:%s", c.ID, day(crossing)), Kind: "column_due",
			Title: fmt.Sprintf("栏目“%s”将在%d天后超期未更新", c.Name, st.DaysLeft),
			Body: fmt.Sprintf("%s栏目“%s”的更新周期为%d天，最近一条信息发布于%s。请在%s前发布新信息，以免被认定为“栏目不更新”。",
				site.Name, c.Name, st.Window, day(st.Last), day(crossing))}
	case StateStale:
		since := now.AddDate(0, 0, st.DaysLeft)
		n = store.MonitorNotice{Key: fmt.Sprintf("stale:%d:%s", c.ID, day(since)), Kind: "column_stale",
			Title: fmt.Sprintf("栏目“%s”已超期未更新", c.Name),
			Body: fmt.Sprintf("%s栏目“%s”已超过%d天更新周期（最近发布于%s），请尽快更新；确实无需更新的，请与公开办商议调整或归档栏目。",
				site.Name, c.Name, st.Window, day(st.Last))}
	case StateBlank:
		n = store.MonitorNotice{Key: fmt.Sprintf("blank:%d", c.ID), Kind: "column_blank",
			Title: fmt.Sprintf("栏目“%s”是空白栏目", c.Name),
			Body:  fmt.Sprintf("%s栏目“%s”开设以来没有任何信息。空白栏目达到5个即单项否决，请补充内容或申请归档。", site.Name, c.Name)}
	default:
		return nil
	}
	n.Link = link
	return rcpt.notices(c.OrgID, n)
}
