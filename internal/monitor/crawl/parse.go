package crawl

import (
	"bytes"
	"context"
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// parsed is what a page holds for the crawler and the checks.
type parsed struct {
	links []string
	meta  map[string]string
	dates []string
	text  string
}

// linkAttrs names, per element, the attribute that points somewhere the
// visitor's browser will go or load.
var linkAttrs = map[string]string{
	"a": "href", "area": "href", "link": "href", "img": "src", "script": "src", "iframe": "src",
	"frame": "src", "source": "src", "embed": "src", "audio": "src", "video": "src", "track": "src",
}

// textDate finds dates as government pages print them: 2024-03-05,
// 2024/3/5, 2024.03.05 and 2024年3月5日.
var textDate = regexp.MustCompile(`(20\d{2}|19\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)

// parsePage reads the links, <meta name> values, dates and (when wantText)
// the visible text of an HTML page whose address is base.
func parsePage(body []byte, base *url.URL, wantText bool) parsed {
	p := parsed{meta: map[string]string{}}
	z := html.NewTokenizer(bytes.NewReader(body))
	var text strings.Builder
	skip := 0 // inside <script> or <style>
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if wantText {
				p.text = text.String()
				p.dates = append(p.dates, datesIn(p.text)...)
			}
			return p
		case html.TextToken:
			if skip == 0 && wantText {
				text.Write(z.Text())
				text.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if n := string(name); n == "script" || n == "style" {
				skip = max(skip-1, 0)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			if (tag == "script" || tag == "style") && tt == html.StartTagToken {
				skip++
			}
			if !hasAttr {
				continue
			}
			attrs := readAttrs(z)
			switch tag {
			case "base":
				if u, err := base.Parse(attrs["href"]); err == nil && attrs["href"] != "" {
					base = u
				}
			case "meta":
				if n := attrs["name"]; n != "" {
					p.meta[strings.ToLower(n)] = strings.TrimSpace(attrs["content"])
				}
			case "time":
				if d := normDate(attrs["datetime"]); d != "" {
					p.dates = append(p.dates, d)
				}
			}
			if attr, ok := linkAttrs[tag]; ok {
				if tag == "link" && skipRel(attrs["rel"]) {
					continue
				}
				if u := resolve(base, attrs[attr]); u != "" {
					p.links = append(p.links, u)
				}
			}
		}
	}
}

func readAttrs(z *html.Tokenizer) map[string]string {
	attrs := map[string]string{}
	for {
		k, v, more := z.TagAttr()
		attrs[string(k)] = string(v)
		if !more {
			return attrs
		}
	}
}

// skipRel leaves out <link> hints that are not resources (preconnect…).
func skipRel(rel string) bool {
	switch strings.ToLower(strings.TrimSpace(rel)) {
	case "preconnect", "dns-prefetch", "prefetch", "prerender":
		return true
	}
	return false
}

// resolve makes ref absolute against base, drops the fragment, and keeps
// only http(s) links (not mailto:, tel:, javascript:, data:).
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") {
		return ""
	}
	u, err := base.Parse(ref)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// normDate turns "2024-03-05", "2024-03-05T09:00+08:00" or
// "2024-03-05 09:00" into "2024-03-05"; anything else into "".
func normDate(s string) string {
	m := textDate.FindStringSubmatch(s)
	if m == nil || !strings.HasPrefix(strings.TrimSpace(s), m[0]) {
		return ""
	}
	return dateOf(m)
}

func datesIn(text string) []string {
	var out []string
	for _, m := range textDate.FindAllStringSubmatch(text, -1) {
		if d := dateOf(m); d != "" {
			out = append(out, d)
		}
	}
	return out
}

func dateOf(m []string) string {
	y, mo, d := m[1], m[2], m[3]
	if len(mo) == 1 {
		mo = "0" + mo
	}
	if len(d) == 1 {
		d = "0" + d
	}
	if mo < "01" || mo > "12" || d < "01" || d > "31" || len(mo) != 2 || len(d) != 2 {
		return ""
	}
	return y + "-" + mo + "-" + d
}

// process fetches one URL, records the outcome and, for a page, queues the
// links it holds.
func (c *crawler) process(ctx context.Context, t task) {
	u, err := url.Parse(t.url)
	if err != nil {
		return
	}
	if !c.allowed(ctx, u) {
		c.mu.Lock()
		c.res.Robots++
		c.mu.Unlock()
		return
	}
	origin := u.Scheme + "://" + u.Host
	limit, delay := c.cfg.Workers, time.Duration(0) // our own server: no gap
	if !c.origins[origin] {
		limit, delay = c.cfg.HostConcurrency, c.cfg.HostDelay
	}
	g := c.hosts.get(origin, limit, delay)
	o := c.fetch(ctx, g, t)
	if ctx.Err() != nil {
		return // cut short: not a finding
	}
	c.mu.Lock()
	c.res.Checked++
	if o.failed() {
		e := c.seen[t.url]
		e.failed, e.kind, e.status, e.err, e.attempts = true, o.kind, o.status, o.err, o.attempts
	}
	c.mu.Unlock()
	if o.failed() || o.body == nil {
		return
	}
	base := u
	if o.final != nil {
		base = o.final
	}
	// A page that redirected off the site is not ours to parse.
	if !c.origins[base.Scheme+"://"+base.Host] {
		return
	}
	p := parsePage(o.body, base, c.cfg.WantText)
	for _, l := range p.links {
		c.add(l, t.url, t.home)
	}
	c.mu.Lock()
	c.res.Pages++
	c.res.Links += len(p.links)
	c.mu.Unlock()
	if c.cfg.OnPage != nil {
		c.cfg.OnPage(Page{URL: t.url, Home: t.home, Meta: p.meta, Dates: p.dates, Text: p.text, Links: len(p.links), Elapsed: o.elapsed})
	}
}
