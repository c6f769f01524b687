package public_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongkai/internal/config"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/testenv"
)

// wavDuration parses a RIFF/WAVE file's fmt and data chunks and returns the
// length of its sound.
func wavDuration(t testing.TB, b []byte) time.Duration {
	t.Helper()
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		t.Fatalf("not a WAV file: % x", b[:min(len(b), 16)])
	}
	var byteRate uint32
	for i := 12; i+8 <= len(b); {
		id, size := string(b[i:i+4]), binary.LittleEndian.Uint32(b[i+4:i+8])
		body := b[i+8:]
		switch id {
		case "fmt ":
			if binary.LittleEndian.Uint16(body[0:2]) != 1 {
				t.Fatalf("WAV is not PCM")
			}
			byteRate = binary.LittleEndian.Uint32(body[8:12])
		case "data":
			if byteRate == 0 {
				t.Fatal("data chunk before fmt chunk")
			}
			n := min(int(size), len(body)) // espeak-ng writes the real size
			return time.Duration(float64(n) / float64(byteRate) * float64(time.Second))
		}
		i += 8 + int(size) + int(size%2)
	}
	t.Fatal("WAV has no data chunk")
	return 0
}

// espeakConfigured fails (CI) or skips when espeak-ng is not installed.
func espeakConfigured(t testing.TB, cfg config.Config) {
	t.Helper()
	if cfg.Speech.EspeakPath == "" {
		testenv.SkipOrFail(t, "espeak-ng not installed (apt-get install espeak-ng)")
	}
}

// The espeak-ng fallback speaks a Chinese paragraph of a published
// document as playable audio, caches it, and refuses what is not public.
func TestSpeechTTS(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	espeakConfigured(t, p.cfg)
	rec := a11yRequest(t, p.h, http.MethodGet, "/api/v1/speech/tts?doc="+strconv.FormatInt(p.repealed, 10)+"&p=1", nil)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "audio/wav" {
		t.Fatalf("tts = %d %q: %s", rec.Code, rec.Header().Get("Content-Type"), clip(rec.Body.String()))
	}
	if d := wavDuration(t, rec.Body.Bytes()); d < 500*time.Millisecond {
		t.Fatalf("a Chinese paragraph speaks for %v", d)
	}
	files, _ := filepath.Glob(filepath.Join(p.cfg.DataDir, "speech", "*", "*.wav"))
	if len(files) != 1 {
		t.Fatalf("cache holds %d files, want 1", len(files))
	}
	info, _ := os.Stat(files[0])
	again := a11yRequest(t, p.h, http.MethodGet, "/api/v1/speech/tts?doc="+strconv.FormatInt(p.repealed, 10)+"&p=1", nil)
	info2, _ := os.Stat(files[0])
	if !bytes.Equal(again.Body.Bytes(), rec.Body.Bytes()) || !info2.ModTime().Equal(info.ModTime()) {
		t.Fatal("the second request did not come from the cache")
	}

	for _, q := range []string{"doc=" + strconv.FormatInt(p.draft, 10) + "&p=0", "doc=" + strconv.FormatInt(p.repealed, 10) + "&p=99",
		"doc=abc&p=0", "doc=" + strconv.FormatInt(p.subDoc, 10) + "&p=0"} {
		rec := a11yRequest(t, p.h, http.MethodGet, "/api/v1/speech/tts?"+q, nil)
		if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "没有找到要朗读的段落") {
			t.Errorf("tts?%s = %d %s", q, rec.Code, rec.Body.String())
		}
	}

	post := func(text string) *httptest.ResponseRecorder {
		b, _ := json.Marshal(map[string]string{"text": text})
		req := httptest.NewRequest(http.MethodPost, "/api/v1/speech/tts", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		p.h.ServeHTTP(rec, req)
		return rec
	}
	if rec := post("政府信息公开目录"); rec.Code != http.StatusOK || wavDuration(t, rec.Body.Bytes()) <= 0 {
		t.Fatalf("POST text = %d", rec.Code)
	}
	// Text anyone can send is not kept: the cache still holds one file.
	var kept []string
	_ = filepath.WalkDir(filepath.Join(p.cfg.DataDir, "speech"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			kept = append(kept, path)
		}
		return nil
	})
	if len(kept) != 1 {
		t.Fatalf("after a POST the speech directory holds %v", kept)
	}
	if rec := post(strings.Repeat("长", 501)); rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "不能超过500字") {
		t.Fatalf("long text = %d %s", rec.Code, rec.Body.String())
	}
	if rec := post("  "); rec.Code != http.StatusBadRequest {
		t.Fatalf("empty text = %d", rec.Code)
	}
}

// Without espeak-ng the server says read-aloud is unavailable instead of
// failing, and the page tells the script so.
func TestSpeechTTSUnavailable(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	h := a11yHandler(t, p, func(c *config.Config) { c.Speech.EspeakPath = "" }, nil)
	rec := a11yRequest(t, h, http.MethodGet, "/api/v1/speech/tts?doc="+strconv.FormatInt(p.repealed, 10)+"&p=0", nil)
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "朗读服务暂不可用") {
		t.Fatalf("tts without espeak = %d %s", rec.Code, rec.Body.String())
	}
	page := a11yRequest(t, h, http.MethodGet, docPath(p.repealed), nil).Body.String()
	mustContain(t, "page without espeak", page, `data-tts="0"`, `data-tts-note hidden>朗读服务暂不可用`)
}

func TestDocParagraphsOfBody(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	espeakConfigured(t, p.cfg)
	id := addReadDoc(t, p)
	// Paragraph n is the n-th block: check the texts through the audio
	// each one makes (the cache file name is the text's hash, so equal
	// texts give equal audio).
	want := readParagraphs
	for n, text := range want {
		byDoc := a11yRequest(t, p.h, http.MethodGet, "/api/v1/speech/tts?doc="+strconv.FormatInt(id, 10)+"&p="+strconv.Itoa(n), nil)
		b, _ := json.Marshal(map[string]string{"text": text})
		req := httptest.NewRequest(http.MethodPost, "/api/v1/speech/tts", bytes.NewReader(b))
		byText := httptest.NewRecorder()
		p.h.ServeHTTP(byText, req)
		if byDoc.Code != http.StatusOK || !bytes.Equal(byDoc.Body.Bytes(), byText.Body.Bytes()) {
			t.Errorf("paragraph %d is not %q (%d)", n, text, byDoc.Code)
		}
	}
	if rec := a11yRequest(t, p.h, http.MethodGet, "/api/v1/speech/tts?doc="+strconv.FormatInt(id, 10)+"&p=8", nil); rec.Code != http.StatusNotFound {
		t.Errorf("paragraph past the end = %d", rec.Code)
	}
}

// recording is a multipart body with one audio part.
func audioMultipart(t testing.TB, mediaType string, audio []byte) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="file"; filename="recording.webm"`)
	h.Set("Content-Type", mediaType)
	w, err := mw.CreatePart(h)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write(audio)
	_ = mw.Close()
	return &b, mw.FormDataContentType()
}
