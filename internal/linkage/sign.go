package linkage

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Header names of a signed push. The signature covers the timestamp and
// the exact body bytes ("<unix seconds>.<body>"), so a receiver can refuse
// both altered bodies and replays of old ones.
const (
	HeaderTimestamp = "X-Gongkai-Timestamp"
	HeaderSignature = "X-Gongkai-Signature" // "sha256=<hex>"
	HeaderEvent     = "X-Gongkai-Event"
	HeaderDelivery  = "X-Gongkai-Delivery" // the delivery's ID, the same on every retry
)

// Sign is the signature header value of body sent at ts with secret.
func Sign(secret []byte, ts time.Time, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(strconv.FormatInt(ts.Unix(), 10)))
	m.Write([]byte("."))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify checks a received push as a receiver should: the signature must
// match and the timestamp lie within tolerance of now. It is what the
// tests' receiving server runs and what the city's platform can copy.
func Verify(secret []byte, tsHeader, sigHeader string, body []byte, now time.Time, tolerance time.Duration) error {
	sec, err := strconv.ParseInt(strings.TrimSpace(tsHeader), 10, 64)
	if err != nil {
		return errors.New("missing or bad timestamp")
	}
	ts := time.Unix(sec, 0)
	if d := now.Sub(ts); d > tolerance || d < -tolerance {
		return errors.New("timestamp outside tolerance")
	}
	if !hmac.Equal([]byte(Sign(secret, ts, body)), []byte(strings.TrimSpace(sigHeader))) {
		return errors.New("signature mismatch")
	}
	return nil
}

// Backoff is the wait before attempt number failures+1 after failures
// failed attempts: base doubled per failure, capped at max. Deterministic,
// so tests can state the schedule.
func Backoff(failures int, base, max time.Duration) time.Duration {
	if failures < 1 {
		return base
	}
	d := base
	for i := 1; i < failures; i++ {
		d *= 2
		if d >= max {
			return max
		}
	}
	return min(d, max)
}
