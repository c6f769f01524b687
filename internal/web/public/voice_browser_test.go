package public_test

import (
	"bytes"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/config"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
)

// TestVoiceInputBrowser records from Chromium's fake microphone with
// MediaRecorder; the recording goes through /api/v1/speech/transcribe to a
// recognizer on loopback speaking the OpenAI-compatible API, and the text
// it returns lands in the search box.
func TestVoiceInputBrowser(t *testing.T) {
	ctx := testenv.BrowserWith(t, 3*time.Minute, "use-fake-ui-for-media-stream", "use-fake-device-for-media-stream")
	p := newPortal(t, storetest.Open(t, store.SQLite))
	fake := newFakeRecognizer(t, "技术改造")
	srv := httptest.NewServer(a11yHandler(t, p, func(c *config.Config) { c.Speech.URL = fake.srv.URL }, nil))
	t.Cleanup(srv.Close)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`button.mic`))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`button.mic`))); err != nil {
		t.Fatal(err)
	}
	a11yWait(t, ctx, "recording", `document.querySelector('button.mic').getAttribute('aria-pressed') === 'true'`)
	time.Sleep(1500 * time.Millisecond) // some of the fake microphone's tone
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`button.mic`))); err != nil {
		t.Fatal(err)
	}
	a11yWait(t, ctx, "the transcript in the search box", `document.getElementById('site-search-q').value === '技术改造'`)
	if f := a11yEval[string](t, ctx, `document.activeElement.id`); f != "site-search-q" {
		t.Errorf("after voice input the focus is on #%s, want the search box", f)
	}
	a11yWait(t, ctx, "announced", `document.getElementById('a11y-status').textContent.startsWith('识别结果：技术改造')`)
	got := fake.calls()
	if len(got) != 1 {
		t.Fatalf("recognizer got %d requests", len(got))
	}
	g := got[0]
	if !bytes.HasPrefix(g.audio, []byte{0x1A, 0x45, 0xDF, 0xA3}) || len(g.audio) < 1000 || !strings.HasPrefix(g.fileType, "audio/webm") ||
		g.path != "/v1/audio/transcriptions" || g.model != "whisper-1" {
		t.Fatalf("recognizer received %s %q %s model %q, %d bytes", g.path, g.fileType, g.fileName, g.model, len(g.audio))
	}
}
