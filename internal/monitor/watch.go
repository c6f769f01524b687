package monitor

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/monitor/crawl"
	"gongkai/internal/store"
)

// watchCheck follows other agencies' websites (e.g. the county bureaus'
// own sites) by URL. Their freshness is derived from the crawled pages:
// the <meta name="ColumnName/ColumnType/PubDate"> tags that 网页设计规范
// asks every government page to carry, and the dates the pages show.
// Their findings are for information: they do not count in our score.
type watchCheck struct{}

func (watchCheck) Name() string         { return "watch" }
func (watchCheck) Title() string        { return "关注网站更新情况" }
func (watchCheck) Every() time.Duration { return 24 * time.Hour }

// Offset crawls the watched sites at 03:00, after our own.
func (watchCheck) Offset() time.Duration { return 3 * time.Hour }

// watchedColumn is what the crawl learned of one column of a watched site.
type watchedColumn struct {
	name, ctype string
	newest      string // YYYY-MM-DD
	pages       int
}

// watchedSite gathers a crawl's pages; OnPage runs on several goroutines.
type watchedSite struct {
	mu      sync.Mutex
	today   string
	home    string // newest date on the home page
	homeOK  bool
	columns map[string]*watchedColumn
	hits    map[string][]Hit // page URL → words found
	scanner *Scanner
}

func (w *watchedSite) page(p crawl.Page) {
	newest := ""
	for _, d := range p.Dates {
		if d > newest && d <= w.today {
			newest = d
		}
	}
	if pd := p.Meta["pubdate"]; len(pd) >= 10 && pd[:10] > newest && pd[:10] <= w.today {
		newest = pd[:10]
	}
	var hits []Hit
	if w.scanner != nil {
		hits = w.scanner.Scan(p.Text)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(hits) > 0 {
		w.hits[p.URL] = hits
	}
	if p.Home {
		w.homeOK = true
		if newest > w.home {
			w.home = newest
		}
		return
	}
	name := p.Meta["columnname"]
	if name == "" {
		return
	}
	c, ok := w.columns[name]
	if !ok {
		c = &watchedColumn{name: name}
		w.columns[name] = c
	}
	c.pages++
	if t := p.Meta["columntype"]; t != "" {
		c.ctype = t
	}
	if newest > c.newest {
		c.newest = newest
	}
}

func (watchCheck) Run(ctx context.Context, env *Env) (Report, error) {
	var rep Report
	sites := env.Settings.WatchedSites()
	if len(sites) == 0 {
		rep.Summary = "没有关注的其他网站"
		return rep, nil
	}
	list, err := LoadWords(ctx, env.Store)
	if err != nil {
		return rep, err
	}
	words, _ := ParseWords(list)
	sc := NewScanner(words)
	var notes []string
	for _, ws := range sites {
		w := &watchedSite{today: day(env.Now()), columns: map[string]*watchedColumn{}, hits: map[string][]Hit{}, scanner: sc}
		cfg := crawlConfig(env, []string{ws.URL})
		cfg.MaxPages, cfg.CheckExternal, cfg.WantText, cfg.OnPage = env.Settings.WatchMaxPages, false, true, w.page
		res, err := crawl.Run(ctx, cfg)
		if err != nil {
			return rep, err
		}
		found := watchFindings(ws, w, env.Settings, env.Now())
		for _, f := range res.Failures {
			found = append(found, linkFinding(f, 0, true))
		}
		rep.Findings = append(rep.Findings, found...)
		notes = append(notes, fmt.Sprintf("%s：抓取%d页，发现问题%d个", ws.Name, res.Pages, len(found)))
	}
	rep.Summary = strings.Join(notes, "；")
	return rep, nil
}

func watchFindings(ws WatchedSite, w *watchedSite, s Settings, now time.Time) []store.MonitorFinding {
	var out []store.MonitorFinding
	add := func(key, kind, sev, msg string) {
		out = append(out, store.MonitorFinding{Key: ws.URL + "|" + key, Kind: kind, Severity: sev, URL: ws.URL, Message: ws.Name + msg})
	}
	if !w.homeOK {
		add("home", "watch_home_down", SevWarn, "首页无法打开")
	} else if w.home == "" || daysSince(w.home, now) > s.HomepageDays {
		msg := fmt.Sprintf("首页%d天内无信息更新", s.HomepageDays)
		if w.home != "" {
			msg += "（最近日期" + w.home + "）"
		}
		add("home", "watch_home_stale", SevWarn, msg)
	}
	names := make([]string, 0, len(w.columns))
	for n := range w.columns {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		c := w.columns[n]
		window := s.WindowFor(guessKind(c.name, c.ctype))
		switch {
		case c.newest == "":
			add("col:"+n, "watch_column_blank", SevWarn, fmt.Sprintf("栏目“%s”页面上没有任何带日期的信息（疑似空白栏目）", n))
		case window > 0 && daysSince(c.newest, now) > window:
			add("col:"+n, "watch_column_stale", SevWarn, fmt.Sprintf("栏目“%s”超过%d天未更新（最近日期%s）", n, window, c.newest))
		}
	}
	urls := make([]string, 0, len(w.hits))
	for u := range w.hits {
		urls = append(urls, u)
	}
	slices.Sort(urls)
	for _, u := range urls {
		seen := map[string]bool{}
		for _, h := range w.hits[u] {
			if seen[h.Word.Text] {
				continue
			}
			seen[h.Word.Text] = true
			msg := fmt.Sprintf("页面含敏感词“%s”", h.Word.Text)
			if !h.Word.Sensitive {
				msg = fmt.Sprintf("页面中“%s”应为“%s”", h.Word.Text, h.Word.Suggest)
			}
			out = append(out, store.MonitorFinding{Key: u + "|text:" + h.Word.Text, Kind: "watch_text", Severity: SevInfo,
				URL: u, Message: ws.Name + msg, Detail: "出现于：“" + h.Context + "”"})
		}
	}
	return out
}

func daysSince(date string, now time.Time) int {
	t, err := time.ParseInLocation("2006-01-02", date, china)
	if err != nil {
		return 1 << 30
	}
	return daysBetween(t, now)
}

// guessKind maps a watched page's ColumnType (or, without one, its column
// name) to the kind whose window applies.
func guessKind(name, ctype string) catalog.ColumnKind {
	if k := catalog.ColumnKind(ctype); k.Valid() {
		return k
	}
	s := ctype + name
	switch {
	case strings.Contains(s, "动态") || strings.Contains(s, "要闻") || strings.Contains(s, "新闻"):
		return catalog.KindNews
	case strings.Contains(s, "通知") || strings.Contains(s, "公告") || strings.Contains(s, "公示"):
		return catalog.KindNotice
	case strings.Contains(s, "政策") || strings.Contains(s, "文件"):
		return catalog.KindPolicy
	case strings.Contains(s, "人事") || strings.Contains(s, "规划") || strings.Contains(s, "计划"):
		return catalog.KindPlan
	}
	return ""
}
