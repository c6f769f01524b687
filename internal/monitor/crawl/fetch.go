package crawl

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// newClient is an HTTP client for checking many URLs: connections are
// reused per host, dialling and TLS have their own limits, and each request
// carries its own deadline (Config.Timeout) through its context.
func newClient(conns int) *http.Client {
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		MaxIdleConns:          conns * 2,
		MaxIdleConnsPerHost:   conns,
		IdleConnTimeout:       30 * time.Second,
		ResponseHeaderTimeout: 0, // the request context bounds the whole exchange
	}
	return &http.Client{Transport: tr}
}

// outcome is the answer to one URL after any retries.
type outcome struct {
	status     int
	kind       Kind // "" when the URL opened
	err        string
	attempts   int
	body       []byte // a page's HTML, when it is one
	final      *url.URL
	elapsed    time.Duration
	retryAfter time.Duration
}

func (o outcome) failed() bool { return o.kind != "" }

// transient failures are worth another attempt: timeouts, refused or reset
// connections, a DNS server failing (not "no such host"), 5xx and 429.
func (o outcome) transient() bool {
	switch o.kind {
	case KindTimeout, KindConnect:
		return true
	case KindStatus:
		return o.status >= 500 || o.status == http.StatusTooManyRequests
	case KindDNS:
		return o.err == dnsTemporary
	}
	return false
}

const dnsTemporary = "DNS 服务器暂时无法解析"

// fetch opens t.url, retrying transient failures with exponential back-off
// (and the server's Retry-After, capped, for 429 and 503).
func (c *crawler) fetch(ctx context.Context, g *hostGate, t task) outcome {
	var o outcome
	for attempt := 1; ; attempt++ {
		if t.page {
			o = c.fetchOnce(ctx, g, t, http.MethodGet)
		} else if o = c.fetchOnce(ctx, g, t, http.MethodHead); o.kind == KindStatus {
			o = c.fetchOnce(ctx, g, t, http.MethodGet) // some servers do not implement HEAD
		}
		o.attempts = attempt
		if !o.failed() || !o.transient() || attempt > c.cfg.Retries || ctx.Err() != nil {
			return o
		}
		wait := c.cfg.Backoff << (attempt - 1)
		wait += time.Duration(rand.Int64N(int64(wait)/5 + 1)) // jitter, so retries of many links spread out
		if o.retryAfter > wait {
			wait = min(o.retryAfter, 30*time.Second)
		}
		select {
		case <-ctx.Done():
			return o
		case <-time.After(wait):
		}
	}
}

// fetchOnce makes one request through the host's gate. Pages are fetched
// with GET and their HTML read; anything else is checked with HEAD, and a
// HEAD answered with an error status is confirmed with GET.
func (c *crawler) fetchOnce(ctx context.Context, g *hostGate, t task, method string) outcome {
	if err := g.acquire(ctx); err != nil {
		return outcome{kind: KindTimeout, err: "已取消"}
	}
	defer g.release()
	start := time.Now()
	actx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	o := c.request(actx, method, t)
	o.elapsed = time.Since(start)
	return o
}

func (c *crawler) request(ctx context.Context, method string, t task) outcome {
	req, err := http.NewRequestWithContext(ctx, method, t.url, nil)
	if err != nil {
		return outcome{kind: KindConnect, err: "地址无效"}
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	res, err := c.client.Do(req)
	if err != nil {
		return classify(ctx, err)
	}
	defer res.Body.Close()
	o := outcome{status: res.StatusCode, final: res.Request.URL}
	if res.StatusCode >= 400 {
		o.kind, o.err = KindStatus, "HTTP "+strconv.Itoa(res.StatusCode)
		if s, err := strconv.Atoi(res.Header.Get("Retry-After")); err == nil && s > 0 {
			o.retryAfter = time.Duration(s) * time.Second
		}
		_, _ = io.CopyN(io.Discard, res.Body, 4<<10)
		return o
	}
	if method == http.MethodGet && t.page && isHTML(res.Header.Get("Content-Type")) {
		body, err := io.ReadAll(io.LimitReader(res.Body, c.cfg.MaxBody))
		if err != nil {
			return classify(ctx, err) // e.g. the deadline passed while the page was still arriving
		}
		o.body = body
		return o
	}
	// Read a little of anything else so the connection can be reused; the
	// rest is dropped with the body.
	if method == http.MethodGet {
		if _, err := io.CopyN(io.Discard, res.Body, 64<<10); err != nil && !errors.Is(err, io.EOF) {
			return classify(ctx, err)
		}
	}
	return o
}

func isHTML(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}

// classify turns a transport error into a failure kind with a Chinese
// explanation for the report.
func classify(ctx context.Context, err error) outcome {
	var dns *net.DNSError
	switch {
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return outcome{kind: KindTimeout, err: "超时未响应"}
	case ctx.Err() != nil:
		return outcome{kind: KindTimeout, err: "已取消"}
	case errors.As(err, &dns):
		if dns.IsNotFound {
			return outcome{kind: KindDNS, err: "域名无法解析"}
		}
		return outcome{kind: KindDNS, err: dnsTemporary}
	}
	return outcome{kind: KindConnect, err: "无法连接: " + connectReason(err)}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// connectReason names the common connection failures without the Go error
// text (which carries addresses and is not for the report's readers).
func connectReason(err error) string {
	var op *net.OpError
	if errors.As(err, &op) {
		switch op.Op {
		case "dial":
			return "连接被拒绝或主机不可达"
		case "read":
			return "连接被重置"
		}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "连接意外中断"
	}
	return "网络错误"
}
