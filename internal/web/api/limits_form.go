package api

import (
	"context"
	"strings"
	"sync"
	"time"

	"gongkai/internal/web"
)

// The portal's application form (internal/web/public) draws from the same
// buckets as the API, per client address and per ID number, so nobody
// doubles their budget by using both channels. One set of limiters per
// App: Register and FormLimits find it here.
var appLimiters sync.Map // *web.App → *limiters

func limitersFor(app *web.App) *limiters {
	if l, ok := appLimiters.Load(app); ok {
		return l.(*limiters)
	}
	l, _ := appLimiters.LoadOrStore(app, newLimiters(app))
	return l.(*limiters)
}

// Limits is the API's spam protection as the portal's forms use it:
// "Left" peeks at a budget (whole submissions left now, +Inf for a
// trusted address), "Take" spends one.
type Limits struct {
	l *limiters
	// answered bounds the submissions a form lets through on a correct
	// answer to its question once a budget is spent: 20 an hour per
	// address, bursts of 5.
	answered *bucketLimiter
}

var formLimits sync.Map // *web.App → *Limits

// FormLimits returns app's shared limits.
func FormLimits(app *web.App) *Limits {
	if f, ok := formLimits.Load(app); ok {
		return f.(*Limits)
	}
	f, _ := formLimits.LoadOrStore(app, &Limits{l: limitersFor(app), answered: newBucketLimiter(20, 5)})
	return f.(*Limits)
}

const unlimited = 1e9

// SubmitLeft is addr's submission budget.
func (f *Limits) SubmitLeft(ctx context.Context, addr string) float64 {
	b := f.l.current(ctx)
	if b.trustedAddr(addr) {
		return unlimited
	}
	return b.submit.left(addr, time.Now())
}

// TakeSubmit spends one of addr's submissions.
func (f *Limits) TakeSubmit(ctx context.Context, addr string) bool {
	b := f.l.current(ctx)
	if b.trustedAddr(addr) {
		return true
	}
	ok, _ := b.submit.allow(addr, time.Now())
	return ok
}

// IDLeft is the budget of an applicant's ID number.
func (f *Limits) IDLeft(ctx context.Context, idType, number string) float64 {
	return f.l.current(ctx).byID.left(f.l.idKey(idType, number), time.Now())
}

// TakeID spends one submission of an applicant's ID number.
func (f *Limits) TakeID(ctx context.Context, idType, number string) bool {
	ok, _ := f.l.current(ctx).byID.allow(f.l.idKey(idType, number), time.Now())
	return ok
}

// TakeAnswered spends one of addr's submissions let through on a correct
// answer after a budget ran out.
func (f *Limits) TakeAnswered(_ context.Context, addr string) bool {
	ok, _ := f.answered.allow(addr, time.Now())
	return ok
}

// TakeLookup spends one of addr's status lookups.
func (f *Limits) TakeLookup(ctx context.Context, addr string) bool {
	b := f.l.current(ctx)
	if b.trustedAddr(addr) {
		return true
	}
	ok, _ := b.lookup.allow(addr, time.Now())
	return ok
}

// TakeLookupFailure spends one wrong password of a query code, from the
// budget the API's lookup uses for the same code.
func (f *Limits) TakeLookupFailure(ctx context.Context, code string) bool {
	ok, _ := f.l.current(ctx).byCode.allow("code:"+strings.ToUpper(strings.TrimSpace(code)), time.Now())
	return ok
}

// left reports the tokens key has now, without taking one; a key without
// a bucket has a full one.
func (l *bucketLimiter) left(key string, now time.Time) float64 {
	if l.perSecond <= 0 {
		return unlimited
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[key]
	if b == nil {
		return l.burst
	}
	return min(l.burst, b.tokens+now.Sub(b.at).Seconds()*l.perSecond)
}
