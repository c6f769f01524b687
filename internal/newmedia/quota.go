package newmedia

import (
	"context"
	"sync"
)

// Counter counts the calls of an API per day and refuses past a limit:
// the store's media_api_usage in the service (so the count survives a
// restart and is shared by instances), a map in tests.
type Counter interface {
	// Take counts one call of api on day unless limit calls were made;
	// ok is false when refused.
	Take(ctx context.Context, day, api string, limit int) (ok bool, err error)
}

// MemoryCounter is a Counter in memory.
type MemoryCounter struct {
	mu sync.Mutex
	n  map[string]int
}

// Take implements Counter.
func (m *MemoryCounter) Take(_ context.Context, day, api string, limit int) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.n == nil {
		m.n = map[string]int{}
	}
	k := day + " " + api
	if limit > 0 && m.n[k] >= limit {
		return false, nil
	}
	m.n[k]++
	return true, nil
}

// Limits are an account's daily limits, checked before calling.
type Limits struct {
	Publish int // drafts, publications and cover uploads a day (each counted)
	Menu    int // menu updates a day
}
