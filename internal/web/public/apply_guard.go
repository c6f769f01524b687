package public

import (
	"context"
	"net/http"
	"strings"

	"gongkai/internal/web"
)

// limiter is the open API's spam protection (internal/web/api), shared so
// the portal's form and the API draw from the same buckets per client
// address and per ID number: nobody doubles their budget by using both.
// "Left" peeks at a budget (whole submissions left now); "Take" spends one.
type limiter interface {
	SubmitLeft(ctx context.Context, addr string) float64
	TakeSubmit(ctx context.Context, addr string) bool
	IDLeft(ctx context.Context, idType, number string) float64
	TakeID(ctx context.Context, idType, number string) bool
	// TakeAnswered spends one of addr's submissions let through on a
	// correct answer once a limit is reached: a bounded second budget, so
	// a program that can add cannot file without end.
	TakeAnswered(ctx context.Context, addr string) bool
	// TakeLookup spends one status lookup of addr; TakeLookupFailure one
	// wrong password for code (only failures count, so an applicant
	// checking their own case daily is never locked out).
	TakeLookup(ctx context.Context, addr string) bool
	TakeLookupFailure(ctx context.Context, code string) bool
}

// nearLimit: with fewer whole submissions left than this, the question is
// asked (before the limit refuses anyone).
const nearLimit = 2

// honeypotField is a text input people never see or reach (visually hidden,
// aria-hidden, out of the tab order, no autofill). Programs that fill every
// field fill it.
const honeypotField = "website"

// Fields of the question block.
const (
	questionIDField = "question_id"
	answerField     = "answer"
)

// gate is the form's spam decision for one submission.
type gate struct {
	Question *question // the question to show, if any
	Wrong    bool      // an answer was given and was wrong
	Refused  bool      // over every budget: the polite refusal page
}

// askIfNear returns the question to put on an empty form when addr is
// close to its limit, so it is asked before anybody is refused.
func (d *desk) askIfNear(r *http.Request) *question {
	if d.lim.SubmitLeft(r.Context(), web.RemoteAddr(r)) >= nearLimit {
		return nil
	}
	q := d.questions.ask(d.app.Now())
	return &q
}

// keepQuestion returns the question the form carried, unanswered, so a
// page shown again for other mistakes keeps it and the answer typed.
func (d *desk) keepQuestion(r *http.Request, values map[string][]string) *question {
	if id := first(values[questionIDField]); id != "" {
		if q, ok := d.questions.lookup(id, d.app.Now()); ok {
			return &q
		}
	}
	return d.askIfNear(r)
}

// admit decides on a valid application: within the budgets of the
// address and the ID number it passes; near or past them it needs the
// question answered; past them even then, a bounded number pass.
func (d *desk) admit(r *http.Request, values map[string][]string, idType, idNumber string) gate {
	ctx, now := r.Context(), d.app.Now()
	addr := web.RemoteAddr(r)
	id, answer := first(values[questionIDField]), strings.TrimSpace(first(values[answerField]))
	spentAddr := false
	if d.lim.SubmitLeft(ctx, addr) >= nearLimit && d.lim.IDLeft(ctx, idType, idNumber) >= nearLimit {
		spentAddr = d.lim.TakeSubmit(ctx, addr)
		if spentAddr && d.lim.TakeID(ctx, idType, idNumber) {
			return gate{}
		}
		// Spent meanwhile by concurrent submissions: ask.
	}
	if id == "" || !d.questions.check(id, answer, now) {
		q := d.questions.ask(now)
		return gate{Question: &q, Wrong: id != "" && answer != ""}
	}
	// Answered: spend what is left of each budget, then the second one.
	okAddr := spentAddr || d.lim.TakeSubmit(ctx, addr)
	okID := d.lim.TakeID(ctx, idType, idNumber)
	if (!okAddr || !okID) && !d.lim.TakeAnswered(ctx, addr) {
		return gate{Refused: true}
	}
	return gate{}
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}
