package public_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"gongkai/internal/catalog"
	"gongkai/internal/config"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
)

// speechStub replaces the browser's speech synthesis before any page
// script runs. It records each utterance (text, rate and the highlighted
// block at that moment) and ends it at once, unless window.__hold is set.
// voices is the JavaScript list getVoices returns.
func speechStub(voices string) string {
	return `(() => {
  window.__spoken = []; window.__cancelled = 0; window.__hold = false;
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  const synth = {
    getVoices: () => ` + voices + `,
    speak(u) {
      const hl = document.querySelector('.a11y-reading');
      window.__spoken.push({text: u.text, rate: u.rate, lang: u.lang, highlighted: hl ? hl.textContent.replace(/\s+/g, ' ').trim() : ''});
      if (!window.__hold) setTimeout(() => u.onend && u.onend(), 5);
    },
    cancel() { window.__cancelled++; },
    addEventListener() {}
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
})()`
}

// a11yStub installs js in every document the tab opens from now on.
func a11yStub(t testing.TB, ctx context.Context, js string) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: js})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

// readBody is a document body with the blocks read-aloud splits by; want
// lists the paragraphs the server speaks for it (title first), which
// TestDocParagraphsOfBody checks on the server side.
const readBody = `<h2>一、目的</h2><p>第一段<strong>重点</strong>文字。</p><ul><li>甲项</li><li><p>乙项</p></li></ul><p> </p>` +
	`<table><tbody><tr><th>名称</th><td>数值</td></tr></tbody></table><div><p>嵌套段</p></div>`

var readParagraphs = []string{"关于 段落 测试的通知", "一、目的", "第一段重点文字。", "甲项", "乙项", "名称", "数值", "嵌套段"}

func addReadDoc(t testing.TB, p *portal) int64 {
	t.Helper()
	id, err := p.st.CreateDocument(context.Background(), catalog.Document{SiteID: p.site.ID, ColumnID: p.col["tzgg"],
		Title: "关于  段落\n测试的通知", State: catalog.StatePublished, PublishedAt: t0, Validity: catalog.Valid,
		Genre: catalog.GenreOther, IndexNo: catalog.FormatIndexNo(mainUSCC, 2024, 900), BodyHTML: readBody})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

type spokenUtterance struct {
	Text        string  `json:"text"`
	Rate        float64 `json:"rate"`
	Lang        string  `json:"lang"`
	Highlighted string  `json:"highlighted"`
}

// The browser path: with a Chinese voice, 连读 reads the page block by
// block, each highlighted while read, at the chosen speed; 停止 stops it;
// 指读 reads what gets the focus.
func TestReadAloudBrowserVoice(t *testing.T) {
	ctx := testenv.Browser(t, 3*time.Minute)
	p := newPortal(t, storetest.Open(t, store.SQLite))
	doc := addReadDoc(t, p)
	srv := httptest.NewServer(p.h)
	t.Cleanup(srv.Close)
	a11yStub(t, ctx, speechStub(`[{lang: 'zh-CN', name: '中文'}]`))
	a11ySetPrefs(t, ctx, srv.URL, "panel=1&speed=fast", nil)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+docPath(doc))); err != nil {
		t.Fatal(err)
	}
	if hidden := a11yEval[bool](t, ctx, `document.querySelector('[data-tts-note]').hidden`); !hidden {
		t.Fatal("with a Chinese voice the toolbar says read-aloud is unavailable")
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`button[data-read=start]`))); err != nil {
		t.Fatal(err)
	}
	a11yWait(t, ctx, "read to the end", `document.getElementById('a11y-status').textContent === '朗读完毕'`)
	got := a11yEval[[]spokenUtterance](t, ctx, `window.__spoken`)
	next := 0
	for _, s := range got {
		if s.Rate != 1.25 || s.Lang != "zh-CN" {
			t.Fatalf("utterance %+v: want rate 1.25 (较快) in zh-CN", s)
		}
		if !strings.Contains(s.Highlighted, s.Text) {
			t.Errorf("%q was read while %q was highlighted", s.Text, s.Highlighted)
		}
		if next < len(readParagraphs) && s.Text == readParagraphs[next] {
			next++
		}
	}
	if next != len(readParagraphs) {
		t.Fatalf("连读 read %d of the document's paragraphs in order; utterances: %+v", next, got)
	}
	if n := a11yEval[int](t, ctx, `document.querySelectorAll('.a11y-reading').length`); n != 0 {
		t.Fatalf("%d blocks stay highlighted after reading", n)
	}

	// 停止: an utterance that does not end is cancelled, the highlight goes.
	// Both by their shortcuts, Alt+Shift+R and Alt+Shift+S: a click could
	// land while 连读 scrolls the page.
	alt := chromedp.KeyModifiers(chromedp.ModifierAlt, chromedp.ModifierShift)
	a11yEval[bool](t, ctx, `(window.__hold = true, window.__spoken = [], true)`)
	a11yKeys(t, ctx, "r", alt)
	a11yWait(t, ctx, "reading started", `window.__spoken.length === 1 && document.querySelector('.a11y-reading')`)
	cancelled := a11yEval[int](t, ctx, `window.__cancelled`)
	a11yKeys(t, ctx, "s", alt)
	a11yWait(t, ctx, "reading stopped", `!document.querySelector('.a11y-reading') && window.__cancelled > `+strconv.Itoa(cancelled))
	time.Sleep(200 * time.Millisecond)
	if n := a11yEval[int](t, ctx, `window.__spoken.length`); n != 1 {
		t.Fatalf("reading went on after 停止: %d utterances", n)
	}

	// 指读 by keyboard: the focused link is read.
	a11ySetPrefs(t, ctx, srv.URL, "point=1", nil)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+docPath(doc))); err != nil {
		t.Fatal(err)
	}
	a11yKeys(t, ctx, kb.Tab)
	a11yKeys(t, ctx, kb.Tab) // past the skip link, onto the 关怀版 switch
	a11yWait(t, ctx, "指读 of the focused switch", `window.__spoken.some(s => s.text === '关怀版（适老化）')`)
}

// The server path: without a Chinese voice, document paragraphs are
// fetched as audio by document and paragraph number, and paragraph n on
// the page is paragraph n on the server.
func TestReadAloudServerFallback(t *testing.T) {
	ctx := testenv.BrowserWith(t, 3*time.Minute, "autoplay-policy=no-user-gesture-required")
	p := newPortal(t, storetest.Open(t, store.SQLite))
	espeakConfigured(t, p.cfg)
	doc := addReadDoc(t, p)
	var mu sync.Mutex
	var asked []string
	h := p.h
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/v1/speech/tts" {
			mu.Lock()
			asked = append(asked, r.Method+" "+r.URL.RawQuery)
			mu.Unlock()
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	a11yStub(t, ctx, speechStub(`[]`))
	a11ySetPrefs(t, ctx, srv.URL, "point=1", nil)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+docPath(doc))); err != nil {
		t.Fatal(err)
	}
	if hidden := a11yEval[bool](t, ctx, `document.querySelector('[data-tts-note]').hidden`); !hidden {
		t.Fatal("with server audio the toolbar says read-aloud is unavailable")
	}
	// Point at the title and at each block of the body in turn.
	targets := a11yEval[[]string](t, ctx, `[document.getElementById('doc-title'),
	  ...[...document.querySelectorAll('.doc-body *')].filter(e => !e.querySelector('p,h2,li,td,th,div') && e.textContent.trim() && !['STRONG'].includes(e.tagName))]
	  .map((e, i) => (e.dataset.t = String(i), e.textContent.replace(/\s+/g, ' ').trim()))`)
	if strings.Join(targets, "|") != strings.Join(readParagraphs, "|") {
		t.Fatalf("the page's blocks are %q, want %q", targets, readParagraphs)
	}
	for i := range targets {
		a11yEval[bool](t, ctx, `document.querySelector('[data-t="`+strconv.Itoa(i)+`"]').dispatchEvent(new MouseEvent('mouseover', {bubbles: true})) || true`)
		want := "GET doc=" + strconv.FormatInt(doc, 10) + "&p=" + strconv.Itoa(i)
		ok := false
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && !ok; time.Sleep(50 * time.Millisecond) {
			mu.Lock()
			for _, a := range asked {
				ok = ok || a == want
			}
			mu.Unlock()
		}
		if !ok {
			t.Fatalf("pointing at %q did not fetch %q; requests %v", targets[i], want, asked)
		}
	}
	// Text that is not a document paragraph is sent as text.
	a11yEval[bool](t, ctx, `document.querySelector('.breadcrumb a').dispatchEvent(new MouseEvent('mouseover', {bubbles: true})) || true`)
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		mu.Lock()
		n := len(asked)
		last := asked[n-1]
		mu.Unlock()
		if strings.HasPrefix(last, "POST") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("pointing at a link did not post its text; requests %v", asked)
		}
	}
}

// Without a Chinese voice and without espeak-ng the toolbar says so.
func TestReadAloudUnavailable(t *testing.T) {
	ctx := testenv.Browser(t, 2*time.Minute)
	p := newPortal(t, storetest.Open(t, store.SQLite))
	srv := httptest.NewServer(a11yHandler(t, p, func(c *config.Config) { c.Speech.EspeakPath = "" }, nil))
	t.Cleanup(srv.Close)
	a11yStub(t, ctx, speechStub(`[]`))
	a11ySetPrefs(t, ctx, srv.URL, "panel=1", nil)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+docPath(p.repealed))); err != nil {
		t.Fatal(err)
	}
	a11yWait(t, ctx, "the unavailable note", `!document.querySelector('[data-tts-note]').hidden`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`button[data-read=start]`))); err != nil {
		t.Fatal(err)
	}
	a11yWait(t, ctx, "announced", `document.getElementById('a11y-status').textContent === '朗读服务暂不可用'`)
}
