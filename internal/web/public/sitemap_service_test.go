package public_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// TestSitemapListsServicesAndMessages: the sitemap names the 办事服务 section
// and each published item of the site (not drafts, not another site's),
// and the 留言选登 list; a site without items has no empty section listed.
func TestSitemapListsServicesAndMessages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		p := newPortal(t, st)
		ctx := context.Background()
		const host = "http://gk.example.gov.cn"
		before := readSitemap(t, p, "/sitemap.xml")
		if !slices.Contains(before, host+"/messages") {
			t.Errorf("sitemap lacks the published-messages list")
		}
		if slices.ContainsFunc(before, func(l string) bool { return strings.Contains(l, "/service/") }) {
			t.Errorf("a site without service items lists the 办事服务 section: %v", before)
		}
		for _, it := range []store.ServiceItem{
			{SiteID: p.site.ID, Code: "JX 001", Name: "技术改造项目备案", Agency: "市经信局", Published: true},
			{SiteID: p.site.ID, Code: "JX-002", Name: "专精特新认定", Agency: "市经信局", Published: true},
			{SiteID: p.site.ID, Code: "JX-DRAFT", Name: "尚未公布的事项", Agency: "市经信局"},
			{SiteID: p.sub.ID, Code: "YX-001", Name: "县级事项", Agency: "县经商局", Published: true},
		} {
			if _, err := st.SaveServiceItem(ctx, it); err != nil {
				t.Fatal(err)
			}
		}
		locs := readSitemap(t, p, "/sitemap.xml")
		for _, want := range []string{host + "/service/", host + "/service/JX%20001", host + "/service/JX-002", host + "/messages"} {
			if !slices.Contains(locs, want) {
				t.Errorf("sitemap lacks %s", want)
			}
		}
		for _, not := range []string{host + "/service/JX-DRAFT", host + "/service/YX-001"} {
			if slices.Contains(locs, not) {
				t.Errorf("sitemap lists %s (unpublished or another site's)", not)
			}
		}
		if len(locs) != len(before)+3 {
			t.Errorf("sitemap has %d URLs, want %d", len(locs), len(before)+3)
		}
		sub := readSitemap(t, p, "/s/yx/sitemap.xml")
		for _, want := range []string{host + "/s/yx/service/", host + "/s/yx/service/YX-001", host + "/s/yx/messages"} {
			if !slices.Contains(sub, want) {
				t.Errorf("sub-site sitemap lacks %s: %v", want, sub)
			}
		}
		// Every listed page answers.
		for _, l := range []string{"/service/", "/service/JX%20001", "/messages"} {
			p.page(t, l, 200)
		}
	})
}
