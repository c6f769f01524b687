package public

import (
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"strconv"
	"unicode/utf8"

	"gongkai/internal/web"
)

// speech serves read-aloud audio and voice input. It is its own handler
// set because it holds the synthesis slots and the recognition client.
type speech struct {
	app    *web.App
	tts    *espeak
	client *http.Client
	slots  chan struct{} // concurrent recognitions
}

// maxSpeechText bounds one read-aloud request; the script splits longer
// blocks at sentence ends.
const maxSpeechText = 500

// Messages of the speech endpoints.
const (
	msgTTSUnavailable = "朗读服务暂不可用"
	msgTTSBusy        = "朗读服务繁忙，请稍后再试"
	msgTTSEmpty       = "没有可朗读的文字"
	msgTTSTooLong     = "每次朗读的文字不能超过500字"
	msgNoParagraph    = "没有找到要朗读的段落"
)

// speechError answers a script with a Chinese message it can announce.
func speechError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// ttsDocument speaks paragraph p of a published document:
// GET /api/v1/speech/tts?doc={id}&p={n}, n = 0 for the title (see
// docParagraphs).
func (s speech) ttsDocument(w http.ResponseWriter, r *http.Request) {
	if !s.tts.available() {
		speechError(w, http.StatusServiceUnavailable, msgTTSUnavailable)
		return
	}
	site, _, err := siteOf(r)
	id, err1 := strconv.ParseInt(r.URL.Query().Get("doc"), 10, 64)
	n, err2 := strconv.Atoi(r.URL.Query().Get("p"))
	if err != nil || err1 != nil || err2 != nil || id <= 0 || n < 0 {
		speechError(w, http.StatusNotFound, msgNoParagraph)
		return
	}
	d, err := s.app.Store.Document(r.Context(), id)
	if err != nil || !published(d, site) {
		speechError(w, http.StatusNotFound, msgNoParagraph)
		return
	}
	paras := docParagraphs(d)
	if n >= len(paras) {
		speechError(w, http.StatusNotFound, msgNoParagraph)
		return
	}
	text := paras[n]
	if utf8.RuneCountInString(text) > 4*maxSpeechText {
		text = string([]rune(text)[:4*maxSpeechText])
	}
	s.speak(w, r, text, true, "public, max-age=3600")
}

// ttsText speaks a short text of the page that is not a document paragraph
// (a heading, a list item, a table cell): POST {"text": "…"}.
func (s speech) ttsText(w http.ResponseWriter, r *http.Request) {
	if !s.tts.available() {
		speechError(w, http.StatusServiceUnavailable, msgTTSUnavailable)
		return
	}
	var in struct {
		Text string `json:"text"`
	}
	r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		speechError(w, http.StatusBadRequest, msgTTSEmpty)
		return
	}
	text := speechSpace(in.Text)
	switch {
	case text == "":
		speechError(w, http.StatusBadRequest, msgTTSEmpty)
		return
	case utf8.RuneCountInString(text) > maxSpeechText:
		speechError(w, http.StatusRequestEntityTooLarge, msgTTSTooLong)
		return
	}
	s.speak(w, r, text, false, "no-store")
}

func (s speech) speak(w http.ResponseWriter, r *http.Request, text string, keep bool, cacheControl string) {
	path, done, err := s.tts.wav(r.Context(), text, keep)
	if errors.Is(err, errSpeechBusy) {
		speechError(w, http.StatusServiceUnavailable, msgTTSBusy)
		return
	}
	if err != nil {
		s.app.Log.Error("read-aloud synthesis", "request_id", web.RequestID(r), "err", err)
		speechError(w, http.StatusInternalServerError, msgTTSUnavailable)
		return
	}
	defer done()
	f, err := os.Open(path)
	if err != nil {
		s.app.Log.Error("read-aloud file", "request_id", web.RequestID(r), "err", err)
		speechError(w, http.StatusInternalServerError, msgTTSUnavailable)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		speechError(w, http.StatusInternalServerError, msgTTSUnavailable)
		return
	}
	w.Header().Set("Content-Type", "audio/wav")
	w.Header().Set("Cache-Control", cacheControl)
	// ServeContent answers the Range requests audio elements make.
	http.ServeContent(w, r, "speech.wav", fi.ModTime(), f)
}
