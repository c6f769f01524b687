package public_test

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

type sitemap struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"url"`
}

func readSitemap(t *testing.T, p *portal, path string) []string {
	t.Helper()
	code, h, body := p.get(t, path)
	if code != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "application/xml") {
		t.Fatalf("GET %s = %d %q", path, code, h.Get("Content-Type"))
	}
	if !strings.HasPrefix(body, `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("%s has no XML declaration", path)
	}
	var sm sitemap
	if err := xml.Unmarshal([]byte(body), &sm); err != nil {
		t.Fatalf("%s is not a well-formed sitemap: %v", path, err)
	}
	var locs []string
	for _, u := range sm.URLs {
		locs = append(locs, u.Loc)
	}
	return locs
}

func TestSitemapAndRobots(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	locs := readSitemap(t, p, "/sitemap.xml")
	const host = "http://gk.example.gov.cn"
	// 4 pages (with the published-messages list) + 7 columns + 31 published documents.
	if len(locs) != 42 {
		t.Errorf("sitemap has %d URLs, want 42", len(locs))
	}
	for _, want := range []string{host + "/", host + "/xxgk/", host + "/guide", host + "/col/tzgg/", host + "/col/gfxwj/",
		fmt.Sprintf("%s/doc/%d", host, p.successor), fmt.Sprintf("%s/doc/%d", host, p.repealed)} {
		if !slices.Contains(locs, want) {
			t.Errorf("sitemap lacks %s", want)
		}
	}
	for _, id := range []int64{p.draft, p.withdrawn, p.subDoc} {
		if slices.Contains(locs, fmt.Sprintf("%s/doc/%d", host, id)) {
			t.Errorf("sitemap lists hidden or foreign document %d", id)
		}
	}

	code, h, robots := p.get(t, "/robots.txt")
	if code != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		t.Fatalf("robots.txt = %d %q", code, h.Get("Content-Type"))
	}
	mustContain(t, "robots.txt", robots, "User-agent: *\n", "Allow: /\n", "Disallow: /admin/\n",
		"Sitemap: "+host+"/sitemap.xml\n", "Sitemap: "+host+"/s/yx/sitemap.xml\n")

	// A forged Host header cannot put markup into the sitemap.
	req, _ := http.NewRequest(http.MethodGet, "/sitemap.xml", nil)
	req.Host = `evil"><x>`
	rec := newRecorder()
	p.h.ServeHTTP(rec, req)
	mustNotContain(t, "forged host", rec.Body.String(), "evil", "<x>")
}
