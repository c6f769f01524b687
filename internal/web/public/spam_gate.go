package public

import (
	"net/http"
	"strings"

	"gongkai/internal/web"
)

// formPages names what a citizens' form (the application, the message)
// shows when its spam protection stops a submission: the form itself
// again, with the question, or the polite refusal.
type formPages struct {
	form         string // the form's template
	refused      string // the refusal's template
	refusedTitle string
	guard        guardText
}

// guardText is how a form's question block (partials/spam_guard.html)
// reads: its number among the form's parts and why it is asked.
type guardText struct{ No, Why string }

var (
	applyPages = formPages{form: "public/apply.html", refused: "public/apply_refused.html", refusedTitle: "申请未能提交",
		guard: guardText{No: "六", Why: "本机关网络近期收到的申请较多。"}}
	messagePages = formPages{form: "public/message_form.html", refused: "public/message_refused.html", refusedTitle: "留言未能提交",
		guard: guardText{No: "五", Why: "本网站近期收到的留言较多。"}}
)

// Guard is the wording of the form's question block.
func (applyPage) Guard() guardText { return applyPages.guard }

// Guard is the wording of the form's question block.
func (messagePage) Guard() guardText { return messagePages.guard }

// refusedPage is the polite answer to a submission that is not taken: a
// filled honeypot (told nothing about why) or an address past even the
// second budget (told when to try again and how else to submit).
type refusedPage struct {
	web.Page
	Limited bool
}

func (d *desk) refuse(w http.ResponseWriter, r *http.Request, status int, fp formPages, limited bool) {
	d.render(w, r, status, fp.refused, refusedPage{Page: d.app.Base(r, fp.refusedTitle), Limited: limited})
}

// caughtInHoneypot answers a submission that filled the field nobody sees
// and reports whether it did: a program filled it, so it spends the
// address's budget and learns nothing; a person who somehow got there is
// told politely how else to submit.
func (d *desk) caughtInHoneypot(w http.ResponseWriter, r *http.Request, f applyForm, fp formPages) bool {
	if strings.TrimSpace(f.V(honeypotField)) == "" {
		return false
	}
	d.lim.TakeSubmit(r.Context(), web.RemoteAddr(r))
	d.refuse(w, r, http.StatusOK, fp, false)
	return true
}

// gatedPage is a form's page: it carries the form the question goes on.
type gatedPage interface{ gatedForm() *applyForm }

func (f *applyForm) gatedForm() *applyForm { return f }

// stoppedAtGate answers a valid submission the gate (admit) stops and
// reports whether it did: past every budget, the polite refusal; otherwise
// page again with the question to answer — the answer typed is dropped and
// a message stands beside it, saying whether it was wrong. page is a
// pointer to the form's page.
func (d *desk) stoppedAtGate(w http.ResponseWriter, r *http.Request, g gate, page gatedPage, fp formPages) bool {
	switch {
	case g.Refused:
		d.refuse(w, r, http.StatusTooManyRequests, fp, true)
	case g.Question != nil:
		f := page.gatedForm()
		f.Question = g.Question
		f.Values.Del(answerField)
		f.Errs.Add(answerField, msgAnswer)
		if g.Wrong {
			f.Errs[answerField] = msgWrongAnswer
		}
		d.render(w, r, http.StatusUnprocessableEntity, fp.form, page)
	default:
		return false
	}
	return true
}
