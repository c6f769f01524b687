package monitor

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"gongkai/internal/store"
)

// serviceBatch is the page size when reading a site's service items (the
// store's largest page).
const serviceBatch = 500

// publishedServices calls fn for each published service item of siteID.
func publishedServices(ctx context.Context, st *store.Store, siteID int64, fn func(store.ServiceItem)) error {
	for off := 0; ; off += serviceBatch {
		items, _, err := st.ServiceItems(ctx, store.ServiceItemFilter{SiteID: siteID, PublishedOnly: true,
			Limit: serviceBatch, Offset: off})
		if err != nil {
			return err
		}
		for _, it := range items {
			fn(it)
		}
		if len(items) < serviceBatch {
			return nil
		}
	}
}

// SiteServiceTally counts a site's published 办事指南 by missing elements,
// as the inspection does: only what citizens can see counts (website-rules
// §1.3 item 6).
func SiteServiceTally(ctx context.Context, st *store.Store, siteID int64, s Settings) (ServiceTally, error) {
	var t ServiceTally
	err := publishedServices(ctx, st, siteID, func(it store.ServiceItem) { t.add(len(it.Missing()), s) })
	return t, err
}

// add counts one published item missing n elements.
func (t *ServiceTally) add(n int, s Settings) {
	t.Items++
	if n == 0 {
		return
	}
	t.Gaps++
	if n >= s.ServiceMissing {
		t.Incomplete++
	}
}

// serviceCheck is 办事指南要素: every published service item missing any of
// the ten key elements is a finding naming them, so the 承办科室 knows what
// to fill in before the inspection counts it (服务不实用, website-rules §1.3
// item 6); reaching the veto line is a finding of its own.
type serviceCheck struct{}

func (serviceCheck) Name() string         { return "service" }
func (serviceCheck) Title() string        { return "办事指南要素完整性" }
func (serviceCheck) Every() time.Duration { return 24 * time.Hour }

func (serviceCheck) Run(ctx context.Context, env *Env) (Report, error) {
	var rep Report
	sites, err := env.Store.Sites(ctx)
	if err != nil {
		return rep, err
	}
	bases := siteBases(sites)
	s := env.Settings
	var total, gaps, incomplete int
	for _, site := range sites {
		var t ServiceTally
		err := publishedServices(ctx, env.Store, site.ID, func(it store.ServiceItem) {
			missing := it.Missing()
			t.add(len(missing), s)
			if len(missing) == 0 {
				return
			}
			f := store.MonitorFinding{Key: fmt.Sprintf("guide:%d", it.ID), SiteID: site.ID, OrgID: it.OrgID,
				Kind: "service_guide_gap", Severity: SevDeduct, Detail: strings.Join(missing, "、")}
			if env.SiteURL != "" {
				f.URL = env.SiteURL + bases[site.ID] + "/service/" + url.PathEscape(it.Code)
			}
			f.Message = fmt.Sprintf("办事指南“%s”（%s）缺少%d类要素：%s", it.Name, it.Code, len(missing), f.Detail)
			if len(missing) >= s.ServiceMissing {
				f.Kind = "service_guide_incomplete"
				f.Message += fmt.Sprintf("（缺失%d类及以上，计入“服务不实用”否决）", s.ServiceMissing)
			}
			rep.Findings = append(rep.Findings, f)
		})
		if err != nil {
			return rep, err
		}
		if t.Incomplete >= s.ServiceVeto {
			rep.Findings = append(rep.Findings, store.MonitorFinding{Key: fmt.Sprintf("veto:%d", site.ID), SiteID: site.ID,
				Kind: "veto_service", Severity: SevVeto,
				Message: fmt.Sprintf("%s缺失%d类及以上要素的办事指南有%d个，达到“服务不实用”否决线（%d个）",
					site.Name, s.ServiceMissing, t.Incomplete, s.ServiceVeto)})
		}
		total, gaps, incomplete = total+t.Items, gaps+t.Gaps, incomplete+t.Incomplete
	}
	rep.Summary = fmt.Sprintf("检查办事指南%d个：要素不全%d个，其中缺失%d类及以上%d个", total, gaps, s.ServiceMissing, incomplete)
	return rep, nil
}
