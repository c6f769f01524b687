package testenv

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Browser starts one headless Debian Chromium for a test, with the flags
// this machine needs (no background networking: the network is closed) and
// a fresh profile; it is shut down when the test ends. timeout bounds the
// whole browser session.
func Browser(t testing.TB, timeout time.Duration) context.Context {
	t.Helper()
	return BrowserWith(t, timeout)
}

// BrowserWith is Browser with extra Chromium switches, such as
// "use-fake-device-for-media-stream" for a test that records audio, or
// "autoplay-policy=no-user-gesture-required" (name=value).
func BrowserWith(t testing.TB, timeout time.Duration, switches ...string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(ChromiumPath(t)),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
	}
	for _, sw := range switches {
		if name, value, ok := strings.Cut(sw, "="); ok {
			opts = append(opts, chromedp.Flag(name, value))
		} else {
			opts = append(opts, chromedp.Flag(sw, true))
		}
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(bctx, timeout)
	t.Cleanup(func() { cancelTimeout(); cancelBrowser(); cancelAlloc() })
	// Start Chromium now, on the long-lived context, so the first step of a
	// test does not pay for it inside its own, shorter timeout.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// AxeViolation is one failed axe-core rule on the current page.
type AxeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target json.RawMessage `json:"target"`
		HTML   string          `json:"html"`
	} `json:"nodes"`
}

func (v AxeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "axe %s (%s): %s", v.ID, v.Impact, v.Help)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n    %s %s", n.Target, n.HTML)
	}
	return b.String()
}

// axeRun runs axe-core on the WCAG 2.0/2.1 A and AA rules only.
const axeRun = `axe.run(document, {
  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
  resultTypes: ['violations']
}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact || '', help: v.help,
  nodes: v.nodes.map(n => ({target: n.target, html: n.html}))
})))`

// Axe injects axe-core (AxeSource) into the page ctx shows and returns the
// WCAG 2.1 A/AA violations it finds.
func Axe(t testing.TB, ctx context.Context) []AxeViolation {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](string(AxeSource(t)))); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]AxeViolation](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe-core: %v", err)
	}
	return vs
}

// AxeCanary plants an image without alt text in the current page and checks
// Axe reports exactly that: proof that axe really runs, so a silent failure
// cannot pass every page.
func AxeCanary(t testing.TB, ctx context.Context) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](
		`(document.querySelector('main') || document.body).insertAdjacentHTML('beforeend', '<img src="/static/none.png">')`))
	if err != nil {
		t.Fatal(err)
	}
	if vs := Axe(t, ctx); len(vs) != 1 || vs[0].ID != "image-alt" {
		t.Fatalf("axe on a page with an image without alt: %v; want exactly image-alt", vs)
	}
}
