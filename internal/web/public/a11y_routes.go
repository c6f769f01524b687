package public

import (
	"net/http"
	"time"

	"gongkai/internal/web"
)

// registerAccessibility adds the routes of the 适老化 and 无障碍 features:
// the toolbar's settings, its help page, citizens' accounts (which keep the
// settings across devices) and the speech endpoints behind read-aloud and
// voice input. Pages that read a visitor's cookie are not cached; the help
// page depends only on the settings, which key the page cache.
func registerAccessibility(app *web.App) {
	h := handlers{app}
	app.Handle("POST /prefs", h.prefsUpdate)
	app.HandlePublic("GET /help/accessibility", h.helpAccessibility)
	app.Handle("GET /account/{$}", h.accountShow)
	app.Handle("GET /account", h.addSlash)
	app.Handle("GET /account/login", h.accountLoginForm)
	app.Handle("POST /account/login", h.accountLogin)
	app.Handle("GET /account/register", h.accountRegisterForm)
	app.Handle("POST /account/register", h.accountRegister)
	app.Handle("POST /account/logout", h.accountLogout)

	s := speech{app: app, tts: newEspeak(app.Cfg.Speech.EspeakPath, app.Cfg.DataDir),
		client: &http.Client{Timeout: 60 * time.Second}, slots: make(chan struct{}, 4)}
	app.Handle("GET /api/v1/speech/tts", s.ttsDocument)
	app.Handle("POST /api/v1/speech/tts", s.ttsText)
	app.Handle("POST /api/v1/speech/transcribe", s.transcribe)
}
