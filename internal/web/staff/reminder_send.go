package staff

import (
	"context"
	"strings"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// reminderBase is what every reminder job (applications, messages,
// proposals) reads before it looks at its cases: the working-day calendar
// the deadlines are counted on, the staff to address, the reminder mailbox
// (the notice settings'; proposals have their own) and today in China.
type reminderBase struct {
	cal     *workday.Calendar
	users   []auth.User
	mailbox string
	today   workday.Date
}

func loadReminderBase(ctx context.Context, app *web.App) (reminderBase, error) {
	cal, err := app.Store.Calendar(ctx)
	if err != nil {
		return reminderBase{}, err
	}
	users, err := app.Store.Users(ctx)
	if err != nil {
		return reminderBase{}, err
	}
	mailbox, _, err := app.Store.Setting(ctx, reminderMailboxKey)
	if err != nil {
		return reminderBase{}, err
	}
	return reminderBase{cal: cal, users: users, mailbox: mailbox, today: workday.FromTime(app.Now().In(china))}, nil
}

// reminder is one reminder about one case. No personal data goes in the
// title or body: the case's code and dates are enough.
type reminder struct {
	key     string  // per case, stage and deadline: sending again repeats nothing
	kind    string  // the in-app notice's kind
	title   string  // also the e-mail's subject
	body    string  // the e-mail adds the link below it
	link    string  // the case in the back office
	to      []int64 // staff who get the in-app notice
	mailbox string  // where the e-mail goes; blank for none
}

// send gives each of r.to an in-app notice and, when a mailbox is set,
// queues an e-mail in the outbox; both are keyed by r.key, so a job
// running every minute reminds once. mailed reports a newly queued e-mail.
func (r reminder) send(ctx context.Context, st *store.Store) (mailed bool, err error) {
	var ns []store.MonitorNotice
	for _, id := range r.to {
		ns = append(ns, store.MonitorNotice{UserID: id, Key: r.key, Kind: r.kind, Title: r.title, Body: r.body, Link: r.link})
	}
	if err := st.NotifyStaff(ctx, ns); err != nil {
		return false, err
	}
	to := strings.TrimSpace(r.mailbox)
	if to == "" {
		return false, nil
	}
	return st.EnqueueMail(ctx, store.Mail{DedupKey: r.key, To: to, Subject: r.title, Body: r.body + "\n" + r.link})
}
