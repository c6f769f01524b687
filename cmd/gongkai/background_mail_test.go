package main

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/config"
	"gongkai/internal/disclosure"
	"gongkai/internal/outbox/outboxtest"
	"gongkai/internal/store"
	"gongkai/internal/web/router"
	"gongkai/internal/workday"
)

// TestBackgroundRemindsByMail: an application due in 5 working days gets
// its reminder from the background loop, in the back office and by e-mail
// through the configured SMTP server, once, and without the applicant's
// personal data.
func TestBackgroundRemindsByMail(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	st := openData(t, data, "")
	site := seedSite(t, st)
	office, err := st.CreateUser(ctx, auth.User{Username: "gkb", DisplayName: "公开办", Role: auth.RoleOffice, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(ctx, "disclosure.reminder_mailbox", "gkb@example.gov.cn"); err != nil {
		t.Fatal(err)
	}
	cal, err := st.Calendar(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Today is Monday 2025-09-01; find the receipt day whose reply is due
	// 5 working days later.
	today := workday.NewDate(2025, 9, 1)
	due, _ := cal.AddWorkdays(today, 5)
	received := today
	for d, _ := cal.AddWorkdays(received, disclosure.ReplyDays); d != due; d, _ = cal.AddWorkdays(received, disclosure.ReplyDays) {
		received = received.AddDays(-1)
	}
	applicant := disclosure.Applicant{Kind: disclosure.Person, Name: "欧阳明远", IDType: disclosure.IDResidentCard,
		IDNumber: "11010519491231002X", Phone: "13912345678", Email: "ouyang@example.com", Address: "示例市示例区团结路88号"}
	rec, _, err := st.CreateApplication(ctx, store.NewApplication{SiteID: site.ID, Channel: store.ChannelOnline, Applicant: applicant,
		Description: "2024年技改资金名单", Delivery: disclosure.Delivery{Form: disclosure.FormElectronic, Method: disclosure.MethodEmail},
		ReceivedOn: received, ReceiptBasis: disclosure.ReceiptOnlineConfirmed})
	if err != nil {
		t.Fatal(err)
	}

	srv := outboxtest.New(t, outboxtest.Options{})
	cfg := config.Default()
	cfg.DataDir, cfg.SMTPAddr, cfg.SMTPFrom = data, srv.Addr, "noreply@example.gov.cn"
	app, _, err := router.New(ctx, cfg, st, newLogger(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	app.Now = func() time.Time { return time.Date(2025, 9, 1, 1, 30, 0, 0, time.UTC) } // 09:30 in Beijing
	backgroundOnce(ctx, app)
	backgroundOnce(ctx, app) // a second round reminds and sends nothing new

	msgs := srv.Messages()
	if len(msgs) != 1 || msgs[0].To != "<gkb@example.gov.cn>" {
		t.Fatalf("mail server got %d messages %+v, want the one reminder", len(msgs), msgs)
	}
	subject, body := outboxtest.Decode(t, msgs[0].Data)
	if !strings.Contains(subject, rec.Code) || !strings.Contains(subject, "5个工作日") || !strings.Contains(body, due.String()) {
		t.Errorf("reminder %q / %q: want the code, the days left and the due date", subject, body)
	}
	for _, personal := range []string{applicant.Name, applicant.IDNumber, applicant.Phone, applicant.Email, "团结路", "欧阳"} {
		if strings.Contains(msgs[0].Data, personal) || strings.Contains(subject+body, personal) {
			t.Errorf("reminder mail contains personal data %q", personal)
		}
	}
	if n, err := st.CountPendingMail(ctx); err != nil || n != 0 {
		t.Errorf("outbox still holds %d mails (%v)", n, err)
	}
	notes, _, err := st.MonitorNotices(ctx, office, 10)
	if err != nil || len(notes) != 1 || !strings.Contains(notes[0].Title, rec.Code) {
		t.Errorf("back-office reminders %+v, %v", notes, err)
	}
}

// TestBackgroundKeepsMailWithoutSMTP: with no SMTP server configured the
// reminder waits in the outbox.
func TestBackgroundKeepsMailWithoutSMTP(t *testing.T) {
	ctx := context.Background()
	st := openData(t, t.TempDir(), "")
	if _, err := st.EnqueueMail(ctx, store.Mail{DedupKey: "k", To: "gkb@example.gov.cn", Subject: "提醒", Body: "提醒"}); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.DataDir, cfg.SMTPAddr = t.TempDir(), ""
	app, _, err := router.New(ctx, cfg, st, newLogger(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	backgroundOnce(ctx, app)
	if n, err := st.CountPendingMail(ctx); err != nil || n != 1 {
		t.Errorf("outbox holds %d mails (%v), want the one kept", n, err)
	}
}
