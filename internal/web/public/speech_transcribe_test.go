package public_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"gongkai/internal/config"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// fakeRecognizer speaks the OpenAI-compatible transcription API on
// loopback and remembers what it was sent.
type fakeRecognizer struct {
	srv *httptest.Server
	mu  sync.Mutex
	got []recognizerCall
	// answer is the status and body it replies with.
	status int
	text   string
}

type recognizerCall struct {
	path, auth, model, language, fileType, fileName string
	audio                                           []byte
}

func newFakeRecognizer(t testing.TB, text string) *fakeRecognizer {
	f := &fakeRecognizer{status: http.StatusOK, text: text}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var rc recognizerCall
		rc.path, rc.auth = r.URL.Path, r.Header.Get("Authorization")
		if err := r.ParseMultipartForm(32 << 20); err == nil {
			rc.model, rc.language = r.FormValue("model"), r.FormValue("language")
			if file, hdr, err := r.FormFile("file"); err == nil {
				rc.audio, _ = io.ReadAll(file)
				rc.fileType, rc.fileName = hdr.Header.Get("Content-Type"), hdr.Filename
			}
		}
		f.mu.Lock()
		f.got = append(f.got, rc)
		status, text := f.status, f.text
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]string{"text": text})
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeRecognizer) calls() []recognizerCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recognizerCall(nil), f.got...)
}

// webmAudio starts like a WebM (Matroska EBML) file, as MediaRecorder makes.
var webmAudio = append([]byte{0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01}, bytes.Repeat([]byte{7}, 2000)...)

func postRecording(t testing.TB, h http.Handler, mediaType string, audio []byte) *httptest.ResponseRecorder {
	t.Helper()
	body, ct := audioMultipart(t, mediaType, audio)
	req := httptest.NewRequest(http.MethodPost, "/api/v1/speech/transcribe", body)
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestSpeechTranscribe(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	fake := newFakeRecognizer(t, " 技术改造 ")
	h := a11yHandler(t, p, func(c *config.Config) {
		c.Speech.URL, c.Speech.Key, c.Speech.Model = fake.srv.URL, "secret-key", "whisper-large-v3"
	}, nil)

	rec := postRecording(t, h, "audio/webm;codecs=opus", webmAudio)
	var out map[string]string
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || rec.Code != http.StatusOK || out["text"] != "技术改造" {
		t.Fatalf("transcribe = %d %s", rec.Code, rec.Body.String())
	}
	got := fake.calls()
	if len(got) != 1 {
		t.Fatalf("recognizer got %d requests", len(got))
	}
	g := got[0]
	if g.path != "/v1/audio/transcriptions" || g.auth != "Bearer secret-key" || g.model != "whisper-large-v3" ||
		g.language != "zh" || g.fileType != "audio/webm" || !bytes.Equal(g.audio, webmAudio) || !strings.HasSuffix(g.fileName, ".webm") {
		t.Fatalf("recognizer received %+v", g)
	}
	// Audio is never stored while the audio log is off.
	if _, err := os.Stat(filepath.Join(p.cfg.DataDir, "speech-log")); !os.IsNotExist(err) {
		t.Fatalf("a recording was stored with the audio log off: %v", err)
	}

	refusals := []struct {
		name, mediaType string
		audio           []byte
		status          int
		msg             string
	}{
		{"not audio", "text/plain", []byte("hello"), http.StatusUnsupportedMediaType, "不支持的录音格式"},
		{"wrong magic", "audio/webm", []byte("<html>not a recording</html>"), http.StatusUnsupportedMediaType, "不支持的录音格式"},
		{"empty", "audio/webm", nil, http.StatusBadRequest, "没有收到录音"},
		{"too large", "audio/webm", append(append([]byte{}, webmAudio...), make([]byte, 11<<20)...), http.StatusRequestEntityTooLarge, "录音太长"},
	}
	for _, c := range refusals {
		rec := postRecording(t, h, c.mediaType, c.audio)
		if rec.Code != c.status || !strings.Contains(rec.Body.String(), c.msg) {
			t.Errorf("%s: %d %s", c.name, rec.Code, rec.Body.String())
		}
	}
	if n := len(fake.calls()); n != 1 {
		t.Fatalf("refused recordings reached the recognizer (%d requests)", n)
	}

	fake.mu.Lock()
	fake.status = http.StatusInternalServerError
	fake.mu.Unlock()
	if rec := postRecording(t, h, "audio/webm", webmAudio); rec.Code != http.StatusBadGateway || !strings.Contains(rec.Body.String(), "语音识别暂时无法使用") {
		t.Fatalf("recognizer failure = %d %s", rec.Code, rec.Body.String())
	}
	fake.mu.Lock()
	fake.status, fake.text = http.StatusOK, "  "
	fake.mu.Unlock()
	if rec := postRecording(t, h, "audio/webm", webmAudio); rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "没有听清") {
		t.Fatalf("silence = %d %s", rec.Code, rec.Body.String())
	}

	// The page offers the microphone only when a service is configured.
	mustContain(t, "page with voice input", a11yRequest(t, h, http.MethodGet, "/", nil).Body.String(),
		`data-voice-for="site-search-q"`, `/static/js/voice.js`)
	plain := a11yRequest(t, p.h, http.MethodGet, "/", nil).Body.String()
	mustNotContain(t, "page without voice input", plain, `data-voice-for`, `voice.js`)
	if rec := postRecording(t, p.h, "audio/webm", webmAudio); rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "本站未开启语音输入") {
		t.Fatalf("transcribe without a service = %d", rec.Code)
	}
}

// With the audio log on, each recording is kept, readable by the service only.
func TestSpeechAudioLog(t *testing.T) {
	p := newPortal(t, storetest.Open(t, store.SQLite))
	fake := newFakeRecognizer(t, "政策")
	h := a11yHandler(t, p, func(c *config.Config) { c.Speech.URL, c.Speech.AudioLog = fake.srv.URL+"/v1/", true }, nil)
	if rec := postRecording(t, h, "audio/ogg", append([]byte("OggS"), make([]byte, 100)...)); rec.Code != http.StatusOK {
		t.Fatalf("transcribe = %d %s", rec.Code, rec.Body.String())
	}
	if got := fake.calls(); len(got) != 1 || got[0].path != "/v1/audio/transcriptions" {
		t.Fatalf("recognizer got %+v", got)
	}
	files, _ := filepath.Glob(filepath.Join(p.cfg.DataDir, "speech-log", "*", "*.ogg"))
	if len(files) != 1 {
		t.Fatalf("audio log holds %v", files)
	}
	if fi, err := os.Stat(files[0]); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("audio log file mode %v, %v", fi.Mode(), err)
	}
}
