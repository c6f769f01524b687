package api

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"gongkai/internal/secret"
	"gongkai/internal/web"
)

// Spam protection without a captcha an elderly or blind person could not
// pass (issue 3 §1): token buckets per client address, per applicant ID
// number and per query code, tuned by these settings (store settings
// table; read again every minute).
const (
	// SettingSubmitPerHour: submissions per client address an hour (burst 5). Default 20.
	SettingSubmitPerHour = "api.submit_per_hour"
	// SettingLookupPerHour: lookups per client address an hour (burst 20). Default 120.
	SettingLookupPerHour = "api.lookup_per_hour"
	// SettingIDPerDay: submissions per applicant ID number a day (burst 5). Default 10.
	SettingIDPerDay = "api.id_per_day"
	// SettingTrusted: addresses or CIDR ranges, comma-separated, exempt from
	// the per-address limits, e.g. the 12345 hotline's server, which files
	// for many citizens. The per-ID limit still applies to them.
	SettingTrusted = "api.trusted_addrs"
)

type limitConfig struct {
	submitPerHour, lookupPerHour, idPerDay int
	trusted                                []netip.Prefix
}

func defaultLimits() limitConfig {
	return limitConfig{submitPerHour: 20, lookupPerHour: 120, idPerDay: 10}
}

// limiters holds the buckets and the settings they were made from.
type limiters struct {
	app    *web.App
	salt   []byte // per-process: bucket keys of ID numbers are hashes, never the numbers
	mu     sync.Mutex
	loaded time.Time
	cur    *buckets
}

// buckets are the limiters made from one limitConfig; a settings change
// replaces them as a whole.
type buckets struct {
	cfg                          limitConfig
	submit, lookup, byID, byCode *bucketLimiter
}

func newLimiters(app *web.App) *limiters {
	l := &limiters{app: app, salt: make([]byte, 16)}
	_, _ = rand.Read(l.salt)
	l.cur = newBuckets(defaultLimits())
	return l
}

func newBuckets(c limitConfig) *buckets {
	return &buckets{
		cfg:    c,
		submit: newBucketLimiter(float64(c.submitPerHour), 5),
		lookup: newBucketLimiter(float64(c.lookupPerHour), 20),
		byID:   newBucketLimiter(float64(c.idPerDay)/24, 5),
		// Wrong passwords for one code: 10 an hour, whatever the address,
		// so a distributed guesser gets nowhere against 59 bits.
		byCode: newBucketLimiter(10, 10),
	}
}

// current returns the buckets, reloading the settings once a minute.
func (l *limiters) current(ctx context.Context) *buckets {
	l.mu.Lock()
	defer l.mu.Unlock()
	if time.Since(l.loaded) < time.Minute {
		return l.cur
	}
	l.loaded = time.Now()
	c := defaultLimits()
	read := func(key string, dst *int) {
		if v, ok, err := l.app.Store.Setting(ctx, key); err == nil && ok {
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n >= 0 {
				*dst = n
			}
		}
	}
	read(SettingSubmitPerHour, &c.submitPerHour)
	read(SettingLookupPerHour, &c.lookupPerHour)
	read(SettingIDPerDay, &c.idPerDay)
	if v, ok, err := l.app.Store.Setting(ctx, SettingTrusted); err == nil && ok {
		c.trusted = parseTrusted(v)
	}
	if !sameLimits(c, l.cur.cfg) {
		l.cur = newBuckets(c)
	}
	return l.cur
}

func sameLimits(a, b limitConfig) bool {
	if a.submitPerHour != b.submitPerHour || a.lookupPerHour != b.lookupPerHour || a.idPerDay != b.idPerDay ||
		len(a.trusted) != len(b.trusted) {
		return false
	}
	for i := range a.trusted {
		if a.trusted[i] != b.trusted[i] {
			return false
		}
	}
	return true
}

// parseTrusted reads "10.0.0.5, 192.168.0.0/16"; bad entries are skipped.
func parseTrusted(v string) []netip.Prefix {
	var out []netip.Prefix
	for _, f := range strings.Split(v, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
		} else if a, err := netip.ParseAddr(f); err == nil {
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
		}
	}
	return out
}

// trustedAddr reports whether addr is exempt from the per-address limits.
func (b *buckets) trustedAddr(addr string) bool {
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return false
	}
	a = a.Unmap()
	for _, p := range b.cfg.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// idKey is the bucket key of an ID number: a salted hash, so the limiter's
// memory never holds the number itself.
func (l *limiters) idKey(idType, number string) string {
	h := sha256.New()
	h.Write(l.salt)
	h.Write([]byte(idType + ":" + secret.Normalize(secret.FieldIDNumber, number)))
	return hex.EncodeToString(h.Sum(nil)[:16])
}
