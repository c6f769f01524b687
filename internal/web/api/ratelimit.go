package api

import (
	"sync"
	"time"
)

// bucketLimiter is an in-memory token bucket per key (client address,
// applicant ID, query code). Memory is bounded: buckets that have refilled
// completely are forgotten, since a fresh bucket is identical.
type bucketLimiter struct {
	mu        sync.Mutex
	perSecond float64
	burst     float64
	buckets   map[string]*bucket
	lastSweep time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

// newBucketLimiter allows burst events at once and perHour events an hour
// on average. perHour <= 0 means no limit.
func newBucketLimiter(perHour float64, burst int) *bucketLimiter {
	if burst < 1 {
		burst = 1
	}
	return &bucketLimiter{perSecond: perHour / 3600, burst: float64(burst), buckets: map[string]*bucket{}}
}

// allow takes a token for key; when none is left it reports how long until
// one is.
func (l *bucketLimiter) allow(key string, now time.Time) (bool, time.Duration) {
	if l.perSecond <= 0 {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: l.burst, at: now}
		l.buckets[key] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.at).Seconds()*l.perSecond)
	b.at = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / l.perSecond * float64(time.Second))
	return false, wait
}

// sweep drops full buckets once a minute.
func (l *bucketLimiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < time.Minute {
		return
	}
	l.lastSweep = now
	refill := time.Duration(l.burst / l.perSecond * float64(time.Second))
	for k, b := range l.buckets {
		if now.Sub(b.at) >= refill {
			delete(l.buckets, k)
		}
	}
}

// size is the number of buckets held (tests).
func (l *bucketLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}
