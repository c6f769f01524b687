package linkage

import (
	"net/url"
	"sort"
	"strings"
	"unicode"
)

// trackingParams are query parameters that name how a reader arrived, not
// what they read; two links that differ only in them are the same item.
var trackingParams = map[string]bool{
	"utm_source": true, "utm_medium": true, "utm_campaign": true, "utm_term": true, "utm_content": true,
	"from": true, "spm": true, "share": true, "isappinstalled": true, "timestamp": true,
}

// NormalizeLink reduces a link to the form two feeds of the same item
// agree on: scheme and host in lower case, http and https alike, no
// default port, no "www." prefix, no fragment, no tracking parameters, the
// remaining parameters sorted, no trailing "/" and "index.html" treated as
// the directory. An unparseable link is returned trimmed and lower-cased.
func NormalizeLink(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return strings.ToLower(raw)
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(host, "www.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	path := u.EscapedPath()
	for _, idx := range []string{"/index.html", "/index.htm", "/index.shtml"} {
		path = strings.TrimSuffix(path, idx)
	}
	path = strings.TrimSuffix(path, "/")
	q := u.Query()
	keys := make([]string, 0, len(q))
	for k := range q {
		if !trackingParams[strings.ToLower(k)] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		vs := append([]string(nil), q[k]...)
		sort.Strings(vs)
		for _, v := range vs {
			parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	out := "//" + host + path
	if len(parts) > 0 {
		out += "?" + strings.Join(parts, "&")
	}
	return out
}

// TitleKey is the title and date key of an item: the same notice reposted
// by the city and the province carries different links but the same title
// on the same day. Spaces and punctuation are dropped and full-width forms
// folded, so "关于……的通知" and "关于…… 的通知 " agree. Without a date
// there is no key: a bare title ("工作动态") is too common to match on.
func TitleKey(title, publishedOn string) string {
	if publishedOn == "" {
		return ""
	}
	var b strings.Builder
	for _, r := range title {
		r = fold(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return publishedOn + "|" + b.String()
}

// fold maps full-width ASCII (Ａ, １) to its half-width form.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}
