package assistant

import (
	"sync"
	"time"
)

// Limiter bounds how often one client may ask: a token bucket per client
// key (the connection's address), kept in memory only, never stored, so
// the limit holds no personal data beyond the running process.
type Limiter struct {
	mu      sync.Mutex
	rate    float64 // tokens per second
	burst   float64
	clients map[string]*bucket
	now     func() time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

// NewLimiter allows perMinute questions a minute with bursts of burst.
func NewLimiter(perMinute, burst int, now func() time.Time) *Limiter {
	return &Limiter{rate: float64(perMinute) / 60, burst: float64(burst), clients: map[string]*bucket{}, now: now}
}

// limiterMaxClients bounds the memory; when reached, idle buckets go.
const limiterMaxClients = 100000

// Allow takes a token for key, reporting false when the client must wait.
func (l *Limiter) Allow(key string) bool {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.clients[key]
	if b == nil {
		if len(l.clients) >= limiterMaxClients {
			l.prune(now)
		}
		b = &bucket{tokens: l.burst, at: now}
		l.clients[key] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.at).Seconds()*l.rate)
	b.at = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// prune drops buckets that have refilled (their clients are idle).
func (l *Limiter) prune(now time.Time) {
	for k, b := range l.clients {
		if b.tokens+now.Sub(b.at).Seconds()*l.rate >= l.burst {
			delete(l.clients, k)
		}
	}
}
