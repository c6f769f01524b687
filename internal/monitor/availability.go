package monitor

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"gongkai/internal/store"
)

// availabilityCheck is 站点无法访问 (website-rules §1.3 item 2): the home
// page is probed every hour (24 times a day, above the indicator's 20),
// and the site fails when, over a week, pages not opened within 15 s make
// up 5 % of the probes or more. The probes run from wherever the platform
// runs; the indicator wants them from outside the hosting network, which
// an external probe pointed at the same rule would give.
type availabilityCheck struct{}

func (availabilityCheck) Name() string         { return "availability" }
func (availabilityCheck) Title() string        { return "站点可访问性" }
func (availabilityCheck) Every() time.Duration { return time.Hour }

// ProbeTarget is a home page the check probes.
type ProbeTarget struct {
	SiteID int64 // 0: a watched site
	Name   string
	URL    string
}

// Availability is the rule's verdict on one URL over the window.
type Availability struct {
	Total, Failed int
	Ratio         float64 // failed / total
	Enough        bool    // the window holds the indicator's minimum of probes
	Unreachable   bool    // the veto is hit
}

// EvaluateAvailability applies the rule: unreachable when failures make up
// UnreachablePct percent of the probes or more (超过(含)5%). Fewer probes
// than ProbesPerDay × ProbeWindowDays do not make a week of monitoring, so
// the veto is only decided once there are enough.
func EvaluateAvailability(total, failed int, s Settings) Availability {
	a := Availability{Total: total, Failed: failed}
	if total == 0 {
		return a
	}
	a.Ratio = float64(failed) / float64(total)
	a.Enough = total >= s.ProbesPerDay*s.ProbeWindowDays
	a.Unreachable = a.Enough && a.Ratio*100 >= s.UnreachablePct
	return a
}

func (availabilityCheck) Run(ctx context.Context, env *Env) (Report, error) {
	var rep Report
	targets, err := probeTargets(ctx, env)
	if err != nil {
		return rep, err
	}
	if len(targets) == 0 {
		rep.Summary = "未配置门户网站地址，未拨测"
		return rep, nil
	}
	now := env.Now()
	since := now.AddDate(0, 0, -env.Settings.ProbeWindowDays)
	client := env.Client
	if client == nil {
		client = &http.Client{}
	}
	timeout := time.Duration(env.Settings.ProbeTimeout) * time.Second
	failedNow := 0
	for _, t := range targets {
		p := Probe(ctx, client, t.URL, timeout)
		p.At = now
		rep.Probes = append(rep.Probes, p)
		if !p.OK {
			failedNow++
		}
		total, failed, err := env.Store.ProbeStats(ctx, t.URL, since)
		if err != nil {
			return rep, err
		}
		total++
		if !p.OK {
			failed++
		}
		if f, ok := availabilityFinding(t, EvaluateAvailability(total, failed, env.Settings), env.Settings); ok {
			rep.Findings = append(rep.Findings, f)
		}
	}
	// Twice the window is kept, so a longer window set later has history.
	rep.PruneProbesBefore = now.AddDate(0, 0, -2*env.Settings.ProbeWindowDays)
	rep.Summary = fmt.Sprintf("拨测%d个首页，本次失败%d个", len(targets), failedNow)
	return rep, nil
}

func availabilityFinding(t ProbeTarget, a Availability, s Settings) (store.MonitorFinding, bool) {
	if a.Failed == 0 {
		return store.MonitorFinding{}, false
	}
	f := store.MonitorFinding{Key: "probe:" + t.URL, SiteID: t.SiteID, URL: t.URL,
		Detail: fmt.Sprintf("近%d天拨测%d次，失败%d次（%.1f%%）", s.ProbeWindowDays, a.Total, a.Failed, a.Ratio*100)}
	switch {
	case a.Unreachable:
		f.Kind, f.Severity = "site_unreachable", SevVeto
		f.Message = fmt.Sprintf("%s首页%d秒内打不开的拨测占比%.1f%%，达到%.1f%%（站点无法访问，单项否决）", t.Name, s.ProbeTimeout, a.Ratio*100, s.UnreachablePct)
	default:
		f.Kind, f.Severity = "probe_failures", SevDeduct
		f.Message = fmt.Sprintf("%s首页有%d次拨测在%d秒内未打开", t.Name, a.Failed, s.ProbeTimeout)
		if !a.Enough {
			f.Message += "（监测样本尚不足一周）"
		}
	}
	if t.SiteID == 0 {
		f.Severity = SevInfo // other agencies' sites do not count in our score
	}
	return f, true
}

// probeTargets are the home pages of the platform's sites and of the
// watched sites.
func probeTargets(ctx context.Context, env *Env) ([]ProbeTarget, error) {
	var out []ProbeTarget
	if env.SiteURL != "" {
		sites, err := env.Store.Sites(ctx)
		if err != nil {
			return nil, err
		}
		bases := siteBases(sites)
		for _, s := range sites {
			out = append(out, ProbeTarget{SiteID: s.ID, Name: s.Name, URL: env.SiteURL + bases[s.ID] + "/"})
		}
	}
	for _, w := range env.Settings.WatchedSites() {
		out = append(out, ProbeTarget{Name: w.Name, URL: w.URL})
	}
	return out, nil
}

// Probe loads url once, the body included, within timeout. A probe fails
// on a timeout, a DNS or connection failure, or an error status
// (website-rules §1.3 item 2 counts all of them as 打不开).
func Probe(ctx context.Context, client *http.Client, url string, timeout time.Duration) store.MonitorProbe {
	p := store.MonitorProbe{URL: url}
	start := time.Now()
	pctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(pctx, http.MethodGet, url, nil)
	if err != nil {
		p.Error = "地址无效"
		return p
	}
	req.Header.Set("User-Agent", "gongkai-monitor/1.0 (+政府网站监测)")
	res, err := client.Do(req)
	if err == nil {
		_, err = io.Copy(io.Discard, io.LimitReader(res.Body, 16<<20))
		res.Body.Close()
		p.Status = res.StatusCode
	}
	p.Millis = time.Since(start).Milliseconds()
	var dns *net.DNSError
	switch {
	case errors.Is(err, context.DeadlineExceeded) || isNetTimeout(err):
		p.Error = fmt.Sprintf("%d秒内未打开", int(timeout.Seconds()))
	case errors.As(err, &dns):
		p.Error = "域名无法解析"
	case err != nil:
		p.Error = "无法连接"
	case p.Status >= 400:
		p.Error = fmt.Sprintf("HTTP %d", p.Status)
	default:
		p.OK = true
	}
	return p
}

func isNetTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
