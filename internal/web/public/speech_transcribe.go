package public

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"gongkai/internal/web"
)

// maxAudio bounds one recording: the voice box stops recording after 30
// seconds, which in Opus is far below this.
const maxAudio = 10 << 20

// Messages of voice input.
const (
	msgVoiceOff      = "本站未开启语音输入"
	msgVoiceTooLarge = "录音太长，请分几次说，每次不超过30秒"
	msgVoiceFormat   = "不支持的录音格式，请换用最新版浏览器，或直接输入文字"
	msgVoiceNoFile   = "没有收到录音，请重新录音"
	msgVoiceFailed   = "语音识别暂时无法使用，请稍后再试，或直接输入文字"
	msgVoiceEmpty    = "没有听清，请靠近麦克风再说一遍"
	msgVoiceBusy     = "语音识别繁忙，请稍后再试"
)

// audioTypes are the recordings accepted, by media type, with the
// extension sent to the recognizer and a check of the first bytes.
var audioTypes = map[string]struct {
	ext   string
	magic func([]byte) bool
}{
	"audio/webm":  {".webm", func(b []byte) bool { return bytes.HasPrefix(b, []byte{0x1A, 0x45, 0xDF, 0xA3}) }},
	"audio/ogg":   {".ogg", func(b []byte) bool { return bytes.HasPrefix(b, []byte("OggS")) }},
	"audio/wav":   {".wav", isWAV},
	"audio/x-wav": {".wav", isWAV},
	"audio/wave":  {".wav", isWAV},
	"audio/mp4":   {".m4a", func(b []byte) bool { return len(b) > 8 && string(b[4:8]) == "ftyp" }},
	"audio/mpeg": {".mp3", func(b []byte) bool {
		return bytes.HasPrefix(b, []byte("ID3")) || len(b) > 1 && b[0] == 0xFF && b[1]&0xE0 == 0xE0
	}},
}

func isWAV(b []byte) bool { return len(b) > 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WAVE" }

// transcribe turns a recording from the voice-input button into text by
// forwarding it to the configured OpenAI-compatible recognizer
// (POST /v1/audio/transcriptions, multipart: file, model). The recording
// is held in memory only and never written anywhere unless the
// administrator turned on the audio log; neither it nor the transcript is
// logged.
func (s speech) transcribe(w http.ResponseWriter, r *http.Request) {
	cfg := s.app.Cfg.Speech
	if cfg.URL == "" {
		speechError(w, http.StatusNotFound, msgVoiceOff)
		return
	}
	audio, mediaType, status, msg := readRecording(w, r)
	if msg != "" {
		speechError(w, status, msg)
		return
	}
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	case <-r.Context().Done():
		return
	case <-time.After(10 * time.Second):
		speechError(w, http.StatusServiceUnavailable, msgVoiceBusy)
		return
	}
	ext := audioTypes[mediaType].ext
	if cfg.AudioLog {
		if err := s.keepRecording(audio, ext); err != nil {
			s.app.Log.Error("audio log", "request_id", web.RequestID(r), "err", err)
		}
	}
	text, err := s.recognize(r.Context(), audio, mediaType, ext)
	if err != nil {
		s.app.Log.Warn("speech recognition failed", "request_id", web.RequestID(r), "err", err)
		speechError(w, http.StatusBadGateway, msgVoiceFailed)
		return
	}
	text = speechSpace(text)
	if text == "" {
		speechError(w, http.StatusUnprocessableEntity, msgVoiceEmpty)
		return
	}
	if utf8.RuneCountInString(text) > 200 {
		text = string([]rune(text)[:200])
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(map[string]string{"text": text})
}

// readRecording reads the multipart field "file" into memory, checking its
// size, declared type and first bytes; on refusal it returns the status
// and message.
func readRecording(w http.ResponseWriter, r *http.Request) ([]byte, string, int, string) {
	r.Body = http.MaxBytesReader(w, r.Body, maxAudio+64<<10)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, "", http.StatusBadRequest, msgVoiceNoFile
	}
	for {
		part, err := mr.NextPart()
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			return nil, "", http.StatusRequestEntityTooLarge, msgVoiceTooLarge
		case err != nil:
			return nil, "", http.StatusBadRequest, msgVoiceNoFile
		}
		if part.FormName() != "file" {
			continue
		}
		mediaType, _, err := mime.ParseMediaType(part.Header.Get("Content-Type"))
		t, ok := audioTypes[mediaType]
		if err != nil || !ok {
			return nil, "", http.StatusUnsupportedMediaType, msgVoiceFormat
		}
		audio, err := io.ReadAll(io.LimitReader(part, maxAudio+1))
		if errors.As(err, &mbe) || len(audio) > maxAudio {
			return nil, "", http.StatusRequestEntityTooLarge, msgVoiceTooLarge
		}
		if err != nil || len(audio) == 0 {
			return nil, "", http.StatusBadRequest, msgVoiceNoFile
		}
		if !t.magic(audio) {
			return nil, "", http.StatusUnsupportedMediaType, msgVoiceFormat
		}
		return audio, mediaType, 0, ""
	}
}

// recognize sends the audio to the recognizer and returns its text.
func (s speech) recognize(ctx context.Context, audio []byte, mediaType, ext string) (string, error) {
	cfg := s.app.Cfg.Speech
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="file"; filename="recording`+ext+`"`)
	h.Set("Content-Type", mediaType)
	fw, err := mw.CreatePart(h)
	if err != nil {
		return "", err
	}
	_, _ = fw.Write(audio)
	for k, v := range map[string]string{"model": cfg.Model, "language": "zh", "response_format": "json"} {
		if err := mw.WriteField(k, v); err != nil {
			return "", err
		}
	}
	if err := mw.Close(); err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, transcriptionsURL(cfg.URL), &body)
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if cfg.Key != "" {
		req.Header.Set("Authorization", "Bearer "+cfg.Key)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", errors.New("recognizer answered " + resp.Status)
	}
	var out struct {
		Text string `json:"text"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&out); err != nil {
		return "", err
	}
	return out.Text, nil
}

// transcriptionsURL accepts the service's base address, its /v1 address
// or the full endpoint.
func transcriptionsURL(base string) string {
	base = strings.TrimRight(base, "/")
	switch {
	case strings.HasSuffix(base, "/audio/transcriptions"):
		return base
	case strings.HasSuffix(base, "/v1"):
		return base + "/audio/transcriptions"
	}
	return base + "/v1/audio/transcriptions"
}

// keepRecording writes the audio to DataDir/speech-log/YYYY-MM-DD/ when
// the administrator turned the audio log on. Files are readable by the
// service account only.
func (s speech) keepRecording(audio []byte, ext string) error {
	dir := filepath.Join(s.app.Cfg.DataDir, "speech-log", s.app.Now().In(china).Format("2006-01-02"))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	return os.WriteFile(filepath.Join(dir, hex.EncodeToString(rnd[:])+ext), audio, 0o600)
}
