package public_test

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
)

// TestAssistantWidgetInBrowser asks the widget a question in Chromium,
// gets an answer with its sources, follows the first citation to the
// document, and checks the search and answer pages with axe.
func TestAssistantWidgetInBrowser(t *testing.T) {
	ctx := testenv.Browser(t, 3*time.Minute)
	p := searchPortal(t, storetest.Open(t, store.SQLite))
	srv := httptest.NewServer(p.h)
	t.Cleanup(srv.Close)
	err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(srv.URL+"/search?q="+url.QueryEscape("技术改造 奖补")+"&order=rel"),
		chromedp.WaitVisible(chromedp.CSS(`.result-list`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range testenv.Axe(t, ctx) {
		t.Errorf("search page: %v", v)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#qa-widget-q`), "技术改造奖补办法有哪些规定？"),
		chromedp.Submit(chromedp.CSS(`#qa-widget-q`)),
		chromedp.WaitVisible(chromedp.CSS(`.qa-citations a`)))
	if err != nil {
		t.Fatal(err)
	}
	answer, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('.qa-text').textContent`))
	if err != nil || !strings.HasPrefix(answer, "根据《") {
		t.Fatalf("answer %q %v", answer, err)
	}
	cited, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('.qa-citations a').textContent`))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range testenv.Axe(t, ctx) {
		t.Errorf("answer page: %v", v)
	}
	// The answer page has a main h1 too: wait for the document's body.
	err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.qa-citations a`)), chromedp.WaitVisible(chromedp.CSS(`main .doc-body`)))
	if err != nil {
		t.Fatal(err)
	}
	h1, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('main h1').textContent`))
	if err != nil || strings.TrimSpace(h1) != strings.TrimSpace(cited) {
		t.Fatalf("followed citation %q to a page titled %q (%v)", cited, h1, err)
	}
}
