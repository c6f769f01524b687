package api

import (
	"testing"
	"time"
)

func TestBucketLimiter(t *testing.T) {
	l := newBucketLimiter(3600, 3) // one a second, bursts of 3
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 3 {
		if ok, _ := l.allow("a", t0); !ok {
			t.Fatalf("burst #%d refused", i)
		}
	}
	ok, wait := l.allow("a", t0)
	if ok || wait <= 0 || wait > time.Second {
		t.Fatalf("4th: %v wait %v", ok, wait)
	}
	if ok, _ := l.allow("b", t0); !ok {
		t.Fatal("another key shares the bucket")
	}
	if ok, _ := l.allow("a", t0.Add(1100*time.Millisecond)); !ok {
		t.Fatal("no refill after a second")
	}
	// Full buckets are forgotten after a sweep, so memory stays bounded.
	l.allow("c", t0.Add(10*time.Minute))
	if n := l.size(); n != 1 {
		t.Fatalf("%d buckets kept after sweep, want 1", n)
	}
	if ok, _ := newBucketLimiter(0, 1).allow("x", t0); !ok {
		t.Fatal("zero rate should mean no limit")
	}
}

func TestParseTrusted(t *testing.T) {
	b := newBuckets(limitConfig{trusted: parseTrusted(" 10.0.0.5, 192.168.0.0/16, bogus, ::1")})
	for addr, want := range map[string]bool{"10.0.0.5": true, "10.0.0.6": false, "192.168.3.4": true, "::1": true, "::ffff:10.0.0.5": true, "x": false} {
		if got := b.trustedAddr(addr); got != want {
			t.Errorf("trustedAddr(%s) = %v", addr, got)
		}
	}
}
