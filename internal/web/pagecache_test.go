package web

import (
	"testing"
	"time"
)

func TestPageCacheGenerationAndTTL(t *testing.T) {
	c := newPageCache()
	now := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	c.put("k", 3, cachedPage{body: []byte("v3"), at: now})
	if p, ok := c.get("k", 3, now.Add(time.Second)); !ok || string(p.body) != "v3" {
		t.Fatalf("fresh entry not served: %v %q", ok, p.body)
	}
	if _, ok := c.get("k", 4, now.Add(time.Second)); ok {
		t.Fatal("entry served after a content write")
	}
	if _, ok := c.get("k", 3, now.Add(cacheTTL+time.Second)); ok {
		t.Fatal("entry served after its TTL")
	}
	// A render that started before a newer write must not replace newer entries.
	c.put("k", 5, cachedPage{body: []byte("v5"), at: now})
	c.put("k", 4, cachedPage{body: []byte("v4"), at: now})
	if p, ok := c.get("k", 5, now); !ok || string(p.body) != "v5" {
		t.Fatalf("stale render overwrote newer page: %v %q", ok, p.body)
	}
}
