// Package newmedia connects the platform to 政务新媒体: the WeChat official
// account API (access token, cover upload, draft, publication and its
// status, the custom menu) behind the Platform interface, with the daily
// limits checked before calling and the API's error codes in Chinese; and
// the Service that publishes a published document to an account of the
// register and records the post as the document's channel record.
package newmedia

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Platform is what publishing needs of an official account platform.
type Platform interface {
	UploadImage(ctx context.Context, name string, data []byte) (mediaID string, err error)
	AddDraft(ctx context.Context, articles []Article) (mediaID string, err error)
	SubmitPublish(ctx context.Context, mediaID string) (publishID string, err error)
	PublishStatus(ctx context.Context, publishID string) (Publication, error)
	CreateMenu(ctx context.Context, m Menu) error
}

// Config is an account's connection. Secret is never logged or shown.
type Config struct {
	Base   string // e.g. https://api.weixin.qq.com (no trailing slash)
	AppID  string
	Secret string
}

// tokenMargin is taken off the token's lifetime, so a token is renewed
// before the platform stops accepting it (it lives 7200 s).
const tokenMargin = 5 * time.Minute

// retries of a safe call after a network failure or a busy platform.
const retries = 2

// WeChat is a client of the official account API for one account. It is
// safe for concurrent use; the token is cached until it is about to
// expire and refreshed by one caller at a time.
type WeChat struct {
	cfg     Config
	http    *http.Client
	now     func() time.Time
	counter Counter
	limits  Limits
	backoff time.Duration

	mu      sync.Mutex // held while the token is read or fetched
	token   string
	expires time.Time
}

// NewWeChat returns a client. counter may be nil (no daily limits).
func NewWeChat(cfg Config, hc *http.Client, now func() time.Time, counter Counter, limits Limits) *WeChat {
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	cfg.Base = strings.TrimRight(cfg.Base, "/")
	return &WeChat{cfg: cfg, http: hc, now: now, counter: counter, limits: limits, backoff: 500 * time.Millisecond}
}

// accessToken returns the cached token, or fetches a new one when there
// is none, it expires within the margin, or it is the one the platform
// just refused (stale). Holding mu while fetching makes concurrent callers
// wait for the one refresh instead of each asking for a token, which
// would invalidate the others' tokens.
func (c *WeChat) accessToken(ctx context.Context, stale string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.token != "" && c.token != stale && c.now().Before(c.expires) {
		return c.token, nil
	}
	q := url.Values{"grant_type": {"client_credential"}, "appid": {c.cfg.AppID}, "secret": {c.cfg.Secret}}
	var out struct {
		Token     string `json:"access_token"`
		ExpiresIn int    `json:"expires_in"`
	}
	err := c.retry(ctx, true, func() error {
		return c.do(ctx, "token", http.MethodGet, c.cfg.Base+"/cgi-bin/token?"+q.Encode(), nil, "", &out)
	})
	if err != nil {
		return "", err
	}
	if out.Token == "" {
		return "", &APIError{API: "token", Code: 40001, Raw: "empty access_token"}
	}
	life := time.Duration(out.ExpiresIn) * time.Second
	if life > 2*tokenMargin {
		life -= tokenMargin
	} else {
		life /= 2
	}
	c.token, c.expires = out.Token, c.now().Add(life)
	return c.token, nil
}

// call runs an API call with the access token. A refused token (40001,
// 40014, 42001) is refreshed and the call repeated once: the platform did
// nothing with the refused call, so repeating it is safe for every API.
// Network failures and a busy platform (-1) are retried only for
// idempotent calls: a draft or a publication that may have been accepted
// must not be sent twice.
func (c *WeChat) call(ctx context.Context, api, query string, idempotent bool, body any, contentType string, out any) error {
	stale := ""
	for refreshed := false; ; refreshed = true {
		tok, err := c.accessToken(ctx, stale)
		if err != nil {
			return err
		}
		u := c.cfg.Base + "/cgi-bin/" + api + "?access_token=" + url.QueryEscape(tok) + query
		err = c.retry(ctx, idempotent, func() error { return c.do(ctx, api, http.MethodPost, u, body, contentType, out) })
		if !refreshed && (IsCode(err, 40001) || IsCode(err, 40014) || IsCode(err, 42001)) {
			stale = tok
			continue
		}
		return err
	}
}

// retry runs fn, again after a network failure or -1 when safe is set.
func (c *WeChat) retry(ctx context.Context, safe bool, fn func() error) error {
	var err error
	for attempt := 0; ; attempt++ {
		err = fn()
		var ne *NetError
		again := errors.As(err, &ne) || IsCode(err, -1)
		if err == nil || !safe || !again || attempt == retries {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(c.backoff << attempt):
		}
	}
}

// do sends one request and decodes the answer into out, or the error code.
func (c *WeChat) do(ctx context.Context, api, method, u string, body any, contentType string, out any) error {
	var rd io.Reader
	if body != nil {
		switch b := body.(type) {
		case []byte:
			rd = bytes.NewReader(b)
		default:
			js, err := json.Marshal(b)
			if err != nil {
				return err
			}
			rd, contentType = bytes.NewReader(js), "application/json"
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return &NetError{API: api, Err: errors.New("bad request address")}
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL holds the secret or the token
		}
		return &NetError{API: api, Err: err}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return &NetError{API: api, Err: err}
	}
	if resp.StatusCode != http.StatusOK {
		return &NetError{API: api, Err: fmt.Errorf("HTTP %d", resp.StatusCode)}
	}
	var head struct {
		Code int    `json:"errcode"`
		Msg  string `json:"errmsg"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return &NetError{API: api, Err: fmt.Errorf("answer is not JSON: %w", err)}
	}
	if head.Code != 0 {
		return &APIError{API: api, Code: head.Code, Raw: head.Msg}
	}
	if out != nil {
		return json.Unmarshal(raw, out)
	}
	return nil
}

// take counts a call against the daily limit before it is made.
func (c *WeChat) take(ctx context.Context, api, what string, limit int) error {
	if c.counter == nil {
		return nil
	}
	day := c.now().In(china).Format("2006-01-02")
	ok, err := c.counter.Take(ctx, day, api, limit)
	if err != nil {
		return err
	}
	if !ok {
		return &ErrLimit{What: what, Limit: limit}
	}
	return nil
}

var china = time.FixedZone("CST", 8*3600)
