package outbox

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"strings"
	"time"

	"gongkai/internal/store"
)

// Send delivers one mail: STARTTLS whenever the server offers it, PLAIN
// authentication when a user is set (net/smtp refuses to send a password
// over an unencrypted connection to anything but localhost), then the
// message as UTF-8 text.
func (s Sender) Send(ctx context.Context, m store.Mail) error {
	from, err := mail.ParseAddress(s.From)
	if err != nil || s.From == "" {
		return ErrNoSender
	}
	to, err := mail.ParseAddress(m.To)
	if err != nil {
		return fmt.Errorf("outbox: recipient is not an e-mail address")
	}
	timeout := s.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("outbox: connect: %w", err)
	}
	deadline, _ := ctx.Deadline()
	_ = conn.SetDeadline(deadline)
	host, _, err := net.SplitHostPort(s.Addr)
	if err != nil {
		conn.Close()
		return fmt.Errorf("outbox: server address %q: %w", s.Addr, err)
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("outbox: greeting: %w", err)
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok {
		cfg := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
		if s.TLS != nil {
			cfg = s.TLS.Clone()
			if cfg.ServerName == "" {
				cfg.ServerName = host
			}
		}
		if err := c.StartTLS(cfg); err != nil {
			return fmt.Errorf("outbox: STARTTLS: %w", err)
		}
	}
	if s.User != "" {
		if err := c.Auth(smtp.PlainAuth("", s.User, s.Password, host)); err != nil {
			return fmt.Errorf("outbox: authentication: %w", err)
		}
	}
	if err := c.Mail(from.Address); err != nil {
		return fmt.Errorf("outbox: MAIL FROM: %w", err)
	}
	if err := c.Rcpt(to.Address); err != nil {
		return fmt.Errorf("outbox: RCPT TO: %w", err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("outbox: DATA: %w", err)
	}
	if _, err := w.Write(message(from, to, m, time.Now())); err != nil {
		return fmt.Errorf("outbox: message: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("outbox: message not accepted: %w", err)
	}
	return c.Quit()
}

// message is the RFC 5322 text: the subject encoded per RFC 2047, the body
// as base64 UTF-8 text, so Chinese passes any relay unchanged. Header
// values are single lines: CR and LF are dropped, so nothing stored can
// add a header.
func message(from, to *mail.Address, m store.Mail, at time.Time) []byte {
	oneLine := strings.NewReplacer("\r", "", "\n", " ").Replace
	var id [12]byte
	_, _ = rand.Read(id[:])
	domain := "gongkai.invalid"
	if i := strings.LastIndexByte(from.Address, '@'); i >= 0 {
		domain = from.Address[i+1:]
	}
	var b strings.Builder
	header := func(k, v string) { b.WriteString(k + ": " + oneLine(v) + "\r\n") }
	header("From", from.String())
	header("To", to.String())
	header("Subject", mime.BEncoding.Encode("UTF-8", m.Subject))
	header("Date", at.Format(time.RFC1123Z))
	header("Message-ID", "<"+hex.EncodeToString(id[:])+"@"+domain+">")
	header("Auto-Submitted", "auto-generated") // RFC 3834: no auto-replies to reminders
	header("MIME-Version", "1.0")
	header("Content-Type", `text/plain; charset="UTF-8"`)
	header("Content-Transfer-Encoding", "base64")
	b.WriteString("\r\n")
	body := base64.StdEncoding.EncodeToString([]byte(strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\n", "\r\n")))
	for len(body) > 76 {
		b.WriteString(body[:76] + "\r\n")
		body = body[76:]
	}
	b.WriteString(body + "\r\n")
	return []byte(b.String())
}
