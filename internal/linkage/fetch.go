package linkage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// Source is what a subscription says about where and how to read, with
// the validators of the last successful read for a conditional GET.
type Source struct {
	Kind         Kind
	URL          string
	ItemSelector string // KindPage: one element per item, e.g. "ul.list li"
	DateSelector string // KindPage, optional: the date inside an item, e.g. "span.date"
	ETag         string
	LastModified string
}

// Result is what one read brought.
type Result struct {
	NotModified  bool // 304: nothing changed since the last read
	Items        []Item
	ETag         string
	LastModified string
}

// maxBody bounds what one read may download: a list page or feed of a
// government site is well under a megabyte.
const maxBody = 8 << 20

// Fetcher reads sources over HTTP. The zero value is usable.
type Fetcher struct {
	Client    *http.Client // nil: a client with a 20 s timeout
	UserAgent string
}

// Error is a failed read with the Chinese message staff see on the
// subscription; the cause is kept for the log.
type Error struct {
	Message string
	Err     error
}

func (e *Error) Error() string { return e.Message + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Message is the Chinese text for a read error (a generic one for errors
// that did not come from Fetch).
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "读取失败，请稍后重试或检查订阅设置"
}

func fail(msg string, err error) error { return &Error{Message: msg, Err: err} }

// Fetch reads src once. It sends the validators of the last read, so an
// unchanged feed costs the upstream server a 304 and nothing is parsed.
func (f Fetcher) Fetch(ctx context.Context, src Source) (Result, error) {
	base, err := url.Parse(src.URL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return Result{}, fail("订阅地址无效，须以 http:// 或 https:// 开头", fmt.Errorf("bad url %q", src.URL))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src.URL, nil)
	if err != nil {
		return Result{}, fail("订阅地址无效", err)
	}
	ua := f.UserAgent
	if ua == "" {
		ua = "Gongkai-Linkage/1.0 (+政务公开平台转载订阅)"
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/json, text/html, application/xml;q=0.9, */*;q=0.8")
	if src.ETag != "" {
		req.Header.Set("If-None-Match", src.ETag)
	}
	if src.LastModified != "" {
		req.Header.Set("If-Modified-Since", src.LastModified)
	}
	client := f.Client
	if client == nil {
		client = &http.Client{Timeout: 20 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		return Result{}, transportError(err)
	}
	defer resp.Body.Close()
	res := Result{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		res.NotModified = true
		if res.ETag == "" {
			res.ETag = src.ETag
		}
		if res.LastModified == "" {
			res.LastModified = src.LastModified
		}
		return res, nil
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return res, fail(fmt.Sprintf("订阅地址已不存在（HTTP %d），请核对地址", resp.StatusCode), errors.New(resp.Status))
	case resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusUnauthorized:
		return res, fail(fmt.Sprintf("对方网站拒绝访问（HTTP %d）", resp.StatusCode), errors.New(resp.Status))
	case resp.StatusCode >= 500:
		return res, fail(fmt.Sprintf("对方网站服务器错误（HTTP %d），稍后自动重试", resp.StatusCode), errors.New(resp.Status))
	case resp.StatusCode != http.StatusOK:
		return res, fail(fmt.Sprintf("对方网站返回异常状态（HTTP %d）", resp.StatusCode), errors.New(resp.Status))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return res, transportError(err)
	}
	if len(body) > maxBody {
		return res, fail("页面过大（超过8MB），已停止读取", errors.New("body too large"))
	}
	final := resp.Request.URL // after redirects: relative links resolve against it
	if src.Kind == KindPage {
		res.Items, err = ScrapeList(body, resp.Header.Get("Content-Type"), final, src.ItemSelector, src.DateSelector)
	} else {
		res.Items, err = ParseFeed(body, final)
	}
	return res, err
}

func transportError(err error) error {
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout():
		return fail("连接对方网站超时", err)
	case strings.Contains(err.Error(), "no such host"):
		return fail("域名无法解析，请核对订阅地址", err)
	case strings.Contains(err.Error(), "connection refused"):
		return fail("无法连接对方网站（连接被拒绝）", err)
	case strings.Contains(err.Error(), "certificate") || strings.Contains(err.Error(), "tls"):
		return fail("对方网站的 HTTPS 证书无效", err)
	}
	return fail("无法连接对方网站", err)
}

// ParseFeed reads an RSS, Atom or JSON Feed document; relative links are
// resolved against base.
func ParseFeed(body []byte, base *url.URL) ([]Item, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fail("内容不是有效的 RSS、Atom 或 JSON Feed 订阅源", err)
	}
	items := make([]Item, 0, len(feed.Items))
	for _, it := range feed.Items {
		link := resolve(base, it.Link)
		if link == "" && len(it.Links) > 0 {
			link = resolve(base, it.Links[0])
		}
		title := strings.TrimSpace(it.Title)
		if title == "" || link == "" {
			continue // nothing a person could repost
		}
		x := Item{GUID: strings.TrimSpace(it.GUID), Link: link, Title: title,
			Category: strings.Join(it.Categories, "、"), Summary: plain(it.Description), ContentHTML: it.Content}
		if x.GUID == "" {
			x.GUID = link
		}
		if x.ContentHTML == "" {
			x.ContentHTML = it.Description
		}
		if it.PublishedParsed != nil {
			x.PublishedOn = DateOf(*it.PublishedParsed)
		} else if it.UpdatedParsed != nil {
			x.PublishedOn = DateOf(*it.UpdatedParsed)
		}
		if len(it.Authors) > 0 && it.Authors[0] != nil {
			x.Sender = strings.TrimSpace(it.Authors[0].Name)
		}
		items = append(items, x)
	}
	return items, nil
}

// resolve makes ref absolute against base; "" for an unusable reference.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(strings.ToLower(ref), "javascript:") || strings.HasPrefix(ref, "#") {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}
