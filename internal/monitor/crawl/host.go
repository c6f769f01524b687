package crawl

import (
	"context"
	"sync"
	"time"
)

// hostGate limits the requests in flight to one host and spaces them by a
// minimum gap: politeness towards other agencies' servers, whose owners
// would rightly block a monitor that hammers them.
type hostGate struct {
	sem   chan struct{}
	delay time.Duration
	mu    sync.Mutex
	next  time.Time // earliest start of the next request
}

func (g *hostGate) acquire(ctx context.Context) error {
	select {
	case g.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	if g.delay <= 0 {
		return nil
	}
	g.mu.Lock()
	now := time.Now()
	at := g.next
	if at.Before(now) {
		at = now
	}
	g.next = at.Add(g.delay)
	g.mu.Unlock()
	if wait := time.Until(at); wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			<-g.sem
			return ctx.Err()
		}
	}
	return nil
}

func (g *hostGate) release() { <-g.sem }

// hostGates hands out one gate per origin (scheme://host:port).
type hostGates struct {
	mu    sync.Mutex
	gates map[string]*hostGate
}

func (h *hostGates) get(origin string, limit int, delay time.Duration) *hostGate {
	h.mu.Lock()
	defer h.mu.Unlock()
	g, ok := h.gates[origin]
	if !ok {
		g = &hostGate{sem: make(chan struct{}, max(limit, 1)), delay: delay}
		h.gates[origin] = g
	}
	return g
}
