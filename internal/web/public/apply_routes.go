package public

import (
	"gongkai/internal/web"
	"gongkai/internal/web/api"
)

// desk is the citizen's side of 依申请公开 (issue 3 §1): the online
// application form and the status page. Every page is per visitor, so
// none goes through the public page cache.
type desk struct {
	handlers
	lim       limiter
	questions *questions
	sessions  *statusSessions
}

// registerApply adds the application form and the status pages.
func registerApply(app *web.App) {
	d := &desk{handlers: handlers{app}, lim: api.FormLimits(app), questions: newQuestions(), sessions: newStatusSessions()}
	app.Handle("GET /apply", d.applyShow)
	app.Handle("POST /apply", d.applySubmit)
	app.Handle("GET /status", d.statusShow)
	app.Handle("POST /status", d.statusLookup)
	app.Handle("POST /status/amend", d.statusAmend)
	app.Handle("POST /status/payment", d.statusPayment)
	app.Handle("POST /status/logout", d.statusLogout)
	app.Handle("GET /status/notices/{file}", d.statusNoticeDOCX)
}
