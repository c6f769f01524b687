package public

import (
	"gongkai/internal/web"
	"gongkai/internal/web/api"
)

// board is the citizen's side of the message board (留言, issue 8): the
// form, the confirmation with the tracking code, tracking by code, the
// signed-in citizen's own messages, and the public list of answered,
// published messages. The form is protected exactly like the 依申请公开
// form (apply_guard.go): the same shared per-address budgets of the open
// API, a per-phone budget, a honeypot, and a question in words only when a
// limit is near — no image captcha.
type board struct {
	*desk
}

// registerMessages adds the board's routes. The list and the message
// pages are the same for every visitor and go through the page cache;
// the form, confirmation and tracking pages are per visitor.
func registerMessages(app *web.App) {
	b := board{&desk{handlers: handlers{app}, lim: api.FormLimits(app), questions: newQuestions()}}
	app.Handle("GET /message", b.messageNew)
	app.Handle("POST /message", b.messageSubmit)
	app.Handle("GET /message/track", b.messageTrackForm)
	app.Handle("POST /message/track", b.messageTrack)
	app.Handle("GET /message/mine", b.messageMine)
	app.HandlePublic("GET /messages", b.messageList)
	app.HandlePublic("GET /messages/{id}", b.messageShow)
}
