package api

import (
	"context"
	"testing"
	"time"

	"gongkai/internal/web"
)

// The form's view of the limits: peeking spends nothing, and the form and
// the API draw from one set of buckets per App.
func TestFormLimitsShareBuckets(t *testing.T) {
	l := newBucketLimiter(3600, 3)
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	if got := l.left("a", t0); got != 3 {
		t.Fatalf("fresh bucket: %v left", got)
	}
	l.allow("a", t0)
	if got := l.left("a", t0); got != 2 || l.left("a", t0) != 2 {
		t.Fatalf("after one: %v left, and peeking must not spend", got)
	}
	if got := l.left("a", t0.Add(500*time.Millisecond)); got != 2.5 {
		t.Fatalf("refill: %v", got)
	}

	app := &web.App{}
	f := FormLimits(app)
	if f != FormLimits(app) || f.l != limitersFor(app) {
		t.Fatal("FormLimits and the API's Register must share the limiters of an App")
	}
	if FormLimits(&web.App{}).l == f.l {
		t.Fatal("two Apps share limiters")
	}
	// Buckets are built before any settings are read (current reloads them
	// only with a store), so take them directly.
	b := f.l.cur
	f.l.loaded = time.Now()
	ctx := context.Background()
	for range 5 {
		if !f.TakeSubmit(ctx, "192.0.2.1") {
			t.Fatal("burst refused")
		}
	}
	if f.TakeSubmit(ctx, "192.0.2.1") || f.SubmitLeft(ctx, "192.0.2.1") >= 1 {
		t.Fatal("the sixth submission in a burst passed")
	}
	if ok, _ := b.submit.allow("192.0.2.1", time.Now()); ok {
		t.Fatal("the API's bucket for the address is not the one the form spent")
	}
	if !f.TakeAnswered(ctx, "192.0.2.1") {
		t.Fatal("the answered budget is spent before use")
	}
}
