// Package outbox delivers the mail queued in the store's outbox (due-date
// reminders, issue 3) through an SMTP server. Mail is queued whether or not
// a server is configured; without one it waits, and the back office says
// so. Each attempt is recorded: a sent mail is marked sent, a failed one is
// retried later with a growing back-off, so a mail server that is down for
// a day loses nothing and is not hammered.
package outbox

import (
	"context"
	"crypto/tls"
	"errors"
	"strings"
	"time"

	"gongkai/internal/config"
	"gongkai/internal/store"
)

// Sender is an SMTP server to deliver through.
type Sender struct {
	Addr     string // host:port
	From     string // sender address
	User     string // "" = no authentication
	Password string
	// TLS, when set, is used for STARTTLS (tests trust their own
	// certificate with it); nil verifies the server against the system
	// roots under its host name.
	TLS     *tls.Config
	Timeout time.Duration // per mail; 0 = 30 s
}

// FromConfig returns the configured sender; ok is false when no SMTP
// server is configured (the outbox then accumulates).
func FromConfig(cfg config.Config) (s Sender, ok bool) {
	if strings.TrimSpace(cfg.SMTPAddr) == "" {
		return Sender{}, false
	}
	return Sender{Addr: cfg.SMTPAddr, From: cfg.SMTPFrom, User: cfg.SMTPUser, Password: cfg.SMTPPassword}, true
}

// batch bounds one Deliver call, so a long queue does not hold up the
// background loop; the rest goes on the next round.
const batch = 50

// Result counts one Deliver call.
type Result struct {
	Sent, Failed int
}

// Deliver sends the mail due by now, oldest first, and records each
// outcome (store.MarkMailSent, store.MarkMailFailed with the next try
// after Backoff). It stops early when ctx ends. The error is only about
// the store; a mail that cannot be sent is counted in Failed.
func Deliver(ctx context.Context, st *store.Store, s Sender, now time.Time) (Result, error) {
	var res Result
	mails, err := st.PendingMail(ctx, now, batch)
	if err != nil {
		return res, err
	}
	for _, m := range mails {
		if ctx.Err() != nil {
			return res, nil
		}
		if err := s.Send(ctx, m); err != nil {
			res.Failed++
			if err := st.MarkMailFailed(ctx, m.ID, errorText(err, m.To), now.Add(Backoff(m.Attempts+1))); err != nil {
				return res, err
			}
			continue
		}
		res.Sent++
		if err := st.MarkMailSent(ctx, m.ID, time.Now()); err != nil {
			return res, err
		}
	}
	return res, nil
}

// backoffSteps are the waits after the 1st, 2nd, … failed attempt; later
// attempts wait the last step.
var backoffSteps = []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour, 6 * time.Hour, 24 * time.Hour}

// Backoff is the wait before the next try after the attempts-th failure.
func Backoff(attempts int) time.Duration {
	if attempts < 1 {
		attempts = 1
	}
	return backoffSteps[min(attempts, len(backoffSteps))-1]
}

// errorText is what is kept of a failure: the stored error is in clear,
// so the recipient (personal data, encrypted at rest) is cut out of
// server answers such as "550 <name@example.com>: unknown user".
func errorText(err error, to string) string {
	msg := err.Error()
	if to != "" {
		msg = strings.ReplaceAll(msg, to, "<收件人>")
	}
	if r := []rune(msg); len(r) > 300 {
		msg = string(r[:300])
	}
	return msg
}

// ErrNoSender is returned by Send when the sender address is missing.
var ErrNoSender = errors.New("outbox: no sender address (GONGKAI_SMTP_FROM)")
