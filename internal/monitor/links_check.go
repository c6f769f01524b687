package monitor

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/monitor/crawl"
	"gongkai/internal/store"
)

// linksCheck is 链接可用性: a crawl of every site of the platform that
// checks internal and external links, images and attachments, recording
// each one that cannot be opened with the page that links it. Broken links
// are a deduction, not a veto (website-rules §1.5).
type linksCheck struct{}

func (linksCheck) Name() string         { return "links" }
func (linksCheck) Title() string        { return "链接可用性" }
func (linksCheck) Every() time.Duration { return 24 * time.Hour }

// Offset runs the crawl at 02:00, when the site is quietest.
func (linksCheck) Offset() time.Duration { return 2 * time.Hour }

func (linksCheck) Run(ctx context.Context, env *Env) (Report, error) {
	var rep Report
	if env.SiteURL == "" {
		rep.Summary = "未配置门户网站地址，未检查链接"
		return rep, nil
	}
	sites, err := env.Store.Sites(ctx)
	if err != nil {
		return rep, err
	}
	bases := siteBases(sites)
	var starts []string
	for _, s := range sites {
		starts = append(starts, env.SiteURL+bases[s.ID]+"/")
	}
	cfg := crawlConfig(env, starts)
	cfg.CheckExternal = env.Settings.CheckExternal
	res, err := crawl.Run(ctx, cfg)
	if err != nil {
		return rep, err
	}
	for _, f := range res.Failures {
		rep.Findings = append(rep.Findings, linkFinding(f, siteOfPage(sites, bases, env.SiteURL, f), false))
	}
	if err := attributeLinks(ctx, env.Store, rep.Findings); err != nil {
		return rep, err
	}
	rep.Summary = fmt.Sprintf("抓取页面%d个，检查地址%d个（外部%d个），发现无法打开的链接%d个，robots.txt 禁止%d个，用时%.1f秒",
		res.Pages, res.Checked, res.External, len(res.Failures), res.Robots, res.Duration.Seconds())
	if res.Truncated {
		rep.Summary += fmt.Sprintf("；页面数超过上限%d，未全部抓取", env.Settings.CrawlMaxPages)
	}
	return rep, nil
}

// docPath matches a document page, the public /doc/{id} route.
var docPath = regexp.MustCompile(`/doc/(\d+)$`)

// attributeLinks gives a broken link found on a document page to that
// document's 科室 and column, so the right 信息员 sees it.
func attributeLinks(ctx context.Context, st *store.Store, fs []store.MonitorFinding) error {
	var ids []int64
	for i := range fs {
		if m := docPath.FindStringSubmatch(fs[i].Source); m != nil {
			fs[i].DocumentID, _ = strconv.ParseInt(m[1], 10, 64)
			ids = append(ids, fs[i].DocumentID)
		}
	}
	docs, err := st.DocumentHeads(ctx, ids)
	if err != nil {
		return err
	}
	for i := range fs {
		if d, ok := docs[fs[i].DocumentID]; ok && d.SiteID == fs[i].SiteID {
			fs[i].OrgID, fs[i].ColumnID = d.OrgID, d.ColumnID
		} else {
			fs[i].DocumentID = 0
		}
	}
	return nil
}

// crawlConfig is the crawler's configuration from the settings.
func crawlConfig(env *Env, starts []string) crawl.Config {
	s := env.Settings
	return crawl.Config{Start: starts, MaxPages: s.CrawlMaxPages, Workers: s.CrawlWorkers,
		Timeout: time.Duration(s.CrawlTimeout) * time.Second, Retries: s.CrawlRetries,
		HostDelay: time.Duration(s.ExternalDelayMs) * time.Millisecond, HostConcurrency: 2,
		FollowQuery: []string{"page"}, Client: env.Client}
}

// siteOfPage attributes a failure to the platform site whose pages link it
// (the longest base prefix of the linking page wins).
func siteOfPage(sites []catalog.Site, bases map[int64]string, root string, f crawl.Failure) int64 {
	page := f.From
	if page == "" {
		page = f.URL
	}
	var best int64
	bestLen := -1
	for _, s := range sites {
		prefix := root + bases[s.ID] + "/"
		if strings.HasPrefix(page, prefix) && len(prefix) > bestLen {
			best, bestLen = s.ID, len(prefix)
		}
	}
	return best
}

// linkFinding describes a failed link. watched links belong to another
// agency's site and are for information.
func linkFinding(f crawl.Failure, siteID int64, watched bool) store.MonitorFinding {
	kind, what := "link_error", "无法连接"
	switch {
	case f.Kind == crawl.KindStatus && f.Status >= 500:
		kind, what = "link_5xx", fmt.Sprintf("服务器错误（HTTP %d）", f.Status)
	case f.Kind == crawl.KindStatus:
		kind, what = "link_4xx", fmt.Sprintf("页面不存在或无权访问（HTTP %d）", f.Status)
	case f.Kind == crawl.KindTimeout:
		kind, what = "link_timeout", "超时未响应"
	case f.Kind == crawl.KindDNS:
		kind, what = "link_dns", "域名无法解析"
	}
	where := "站内链接"
	if f.External {
		where = "外部链接"
	}
	msg := fmt.Sprintf("%s无法打开：%s", where, what)
	if f.FromHome {
		msg = "首页" + msg
	}
	detail := fmt.Sprintf("共%d个页面链接到此地址；尝试%d次", f.Referrers, f.Attempts)
	if f.Err != "" {
		detail += "；" + f.Err
	}
	sev := SevDeduct
	if watched {
		sev, kind = SevInfo, "watch_"+kind
	}
	return store.MonitorFinding{Key: "link:" + f.URL, Kind: kind, Severity: sev, SiteID: siteID, URL: f.URL, Source: f.From,
		Message: msg, Detail: detail}
}
