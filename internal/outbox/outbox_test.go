package outbox_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"gongkai/internal/config"
	"gongkai/internal/outbox"
	"gongkai/internal/outbox/outboxtest"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

const (
	subject = "依申请公开 YS2025-000001 距答复期限还有5个工作日"
	body    = "查询码 YS2025-000001 的政府信息公开申请，答复期限为2025-10-20，还有5个工作日。\n/admin/applications/1"
)

// enqueue puts one reminder in the outbox.
func enqueue(t *testing.T, st *store.Store, to string) {
	t.Helper()
	if _, err := st.EnqueueMail(context.Background(), store.Mail{DedupKey: "k-" + to, To: to, Subject: subject, Body: body}); err != nil {
		t.Fatal(err)
	}
}

func TestDeliverSendsAndMarks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		srv := outboxtest.New(t, outboxtest.Options{})
		enqueue(t, st, "gkb@example.gov.cn")
		s := outbox.Sender{Addr: srv.Addr, From: "公开办 <noreply@example.gov.cn>"}
		res, err := outbox.Deliver(ctx, st, s, time.Now())
		if err != nil || res.Sent != 1 || res.Failed != 0 {
			t.Fatalf("Deliver = %+v, %v", res, err)
		}
		msgs := srv.Messages()
		if len(msgs) != 1 || msgs[0].From != "<noreply@example.gov.cn>" || msgs[0].To != "<gkb@example.gov.cn>" {
			t.Fatalf("server got %+v", msgs)
		}
		subj, text := outboxtest.Decode(t, msgs[0].Data)
		if subj != subject || text != strings.ReplaceAll(body, "\n", "\r\n") {
			t.Errorf("message %q / %q", subj, text)
		}
		if !strings.Contains(msgs[0].Data, "Auto-Submitted: auto-generated\r\n") {
			t.Errorf("headers %q", msgs[0].Data)
		}
		// Marked sent: a second round sends nothing.
		if pending, err := st.PendingMail(ctx, time.Now().Add(time.Hour), 10); err != nil || len(pending) != 0 {
			t.Fatalf("pending after send: %v %v", pending, err)
		}
		if n, err := st.CountPendingMail(ctx); err != nil || n != 0 {
			t.Fatalf("CountPendingMail = %d, %v", n, err)
		}
		if res, _ := outbox.Deliver(ctx, st, s, time.Now()); res.Sent != 0 || len(srv.Messages()) != 1 {
			t.Fatalf("sent again: %+v", res)
		}
	})
}

func TestDeliverUsesSTARTTLSAndAuth(t *testing.T) {
	st := storetest.Open(t, store.SQLite)
	srv := outboxtest.New(t, outboxtest.Options{STARTTLS: true})
	enqueue(t, st, "gkb@example.gov.cn")
	s := outbox.Sender{Addr: srv.Addr, From: "noreply@example.gov.cn", User: "mailer", Password: "s3cret", TLS: srv.ClientTLS(t)}
	res, err := outbox.Deliver(context.Background(), st, s, time.Now())
	if err != nil || res.Sent != 1 {
		t.Fatalf("Deliver = %+v, %v", res, err)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 || !msgs[0].TLS || msgs[0].Auth != "\x00mailer\x00s3cret" {
		t.Fatalf("server got %+v: want the mail and the password over STARTTLS", msgs)
	}
}

func TestDeliverBacksOff(t *testing.T) {
	st := storetest.Open(t, store.SQLite)
	ctx := context.Background()
	srv := outboxtest.New(t, outboxtest.Options{Reject: "nobody@example.gov.cn"})
	enqueue(t, st, "nobody@example.gov.cn")
	now := time.Now()
	s := outbox.Sender{Addr: srv.Addr, From: "noreply@example.gov.cn"}
	res, err := outbox.Deliver(ctx, st, s, now)
	if err != nil || res.Failed != 1 || res.Sent != 0 {
		t.Fatalf("Deliver = %+v, %v", res, err)
	}
	// Not retried before the back-off; then retried, with the error kept
	// without the recipient's address.
	if p, _ := st.PendingMail(ctx, now.Add(30*time.Second), 10); len(p) != 0 {
		t.Fatalf("retried before the back-off: %+v", p)
	}
	p, err := st.PendingMail(ctx, now.Add(outbox.Backoff(1)), 10)
	if err != nil || len(p) != 1 || p[0].Attempts != 1 || !strings.Contains(p[0].LastError, "550") ||
		strings.Contains(p[0].LastError, "nobody@") {
		t.Fatalf("after a refusal: %+v %v", p, err)
	}
	// A second failure waits longer; an unreachable server fails the same way.
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	dead := l.Addr().String()
	l.Close()
	at := now.Add(outbox.Backoff(1))
	if res, err := outbox.Deliver(ctx, st, outbox.Sender{Addr: dead, From: "noreply@example.gov.cn", Timeout: 2 * time.Second}, at); err != nil || res.Failed != 1 {
		t.Fatalf("unreachable: %+v %v", res, err)
	}
	if p, _ := st.PendingMail(ctx, at.Add(outbox.Backoff(2)-time.Second), 10); len(p) != 0 {
		t.Fatal("second retry came before its back-off")
	}
	if outbox.Backoff(2) <= outbox.Backoff(1) || outbox.Backoff(100) != 24*time.Hour {
		t.Errorf("back-off %v, %v, %v", outbox.Backoff(1), outbox.Backoff(2), outbox.Backoff(100))
	}
}

func TestFromConfig(t *testing.T) {
	cfg := config.Default()
	cfg.SMTPAddr = ""
	if _, ok := outbox.FromConfig(cfg); ok {
		t.Error("a sender without SMTP configured")
	}
	cfg.SMTPAddr, cfg.SMTPFrom, cfg.SMTPUser, cfg.SMTPPassword = "mail.example.gov.cn:587", "gk@example.gov.cn", "u", "p"
	s, ok := outbox.FromConfig(cfg)
	if !ok || s.Addr != cfg.SMTPAddr || s.From != cfg.SMTPFrom || s.User != "u" || s.Password != "p" {
		t.Errorf("FromConfig = %+v, %v", s, ok)
	}
	cfg.SMTPFrom = ""
	if err := cfg.Validate(); err == nil {
		t.Error("SMTP server without a sender address accepted")
	}
}
