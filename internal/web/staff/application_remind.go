package staff

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"gongkai/internal/auth"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// RemindDue reminds the people handling open applications whose reply
// deadline is Settings.ReminderDays working days away (issue 3: 5 and 1):
// an in-app notice to the assignee (or, while none is named, to the 承办科室's
// 信息员, or to the 公开办 before assignment), and an e-mail through the
// outbox to the reminder mailbox when one is set. Both are keyed by case,
// deadline and days left, so running it several times a day reminds once.
// It returns the number of cases reminded. cmd/gongkai's background loop
// calls it.
func RemindDue(ctx context.Context, app *web.App) (int, error) {
	st := app.Store
	set, err := st.DisclosureSettings(ctx)
	if err != nil || len(set.ReminderDays) == 0 {
		return 0, err
	}
	cal, err := st.Calendar(ctx)
	if err != nil {
		return 0, err
	}
	mailbox, _, err := st.Setting(ctx, reminderMailboxKey)
	if err != nil {
		return 0, err
	}
	users, err := st.Users(ctx)
	if err != nil {
		return 0, err
	}
	today := workday.FromTime(app.Now().In(china))
	f := store.ApplicationFilter{DueWithin: slices.Max(set.ReminderDays), Today: today, Limit: 200}
	reminded := 0
	for {
		page, err := st.Applications(ctx, f)
		if err != nil {
			return reminded, err
		}
		for _, a := range page {
			ok, err := remindOne(ctx, st, cal, set, today, a, users, mailbox)
			if err != nil {
				return reminded, err
			}
			if ok {
				reminded++
			}
		}
		if len(page) < f.Limit {
			return reminded, nil
		}
		cur := page[len(page)-1].Cursor()
		f.After = &cur
	}
}

func remindOne(ctx context.Context, st *store.Store, cal *workday.Calendar, set disclosure.Settings, today workday.Date,
	a store.ApplicationSummary, users []auth.User, mailbox string) (bool, error) {
	c, err := st.ApplicationCase(ctx, a.ID)
	if err != nil {
		return false, err
	}
	due, left, err := disclosure.ReminderDue(c, today, cal, set)
	if err != nil || !due {
		return false, err
	}
	dueOn, err := disclosure.DueAsOf(c, today, cal)
	if err != nil {
		return false, err
	}
	key := fmt.Sprintf("application-due:%d:%s:%d", a.ID, dueOn, left)
	title := fmt.Sprintf("依申请公开 %s 距答复期限还有%d个工作日", a.Code, left)
	// No personal data in reminders: the code and the dates are enough.
	body := fmt.Sprintf("查询码 %s 的政府信息公开申请，答复期限为%s（条例第三十三条），还有%d个工作日。请及时办理。", a.Code, dueOn, left)
	link := "/admin/applications/" + itoa(a.ID)
	var ns []store.MonitorNotice
	for _, id := range recipients(c, users) {
		ns = append(ns, store.MonitorNotice{UserID: id, Key: key, Kind: "application_due", Title: title, Body: body, Link: link})
	}
	if err := st.NotifyStaff(ctx, ns); err != nil {
		return false, err
	}
	if strings.TrimSpace(mailbox) != "" {
		if _, err := st.EnqueueMail(ctx, store.Mail{DedupKey: key, To: mailbox, Subject: title, Body: body + "\n" + link}); err != nil {
			return false, err
		}
	}
	return true, nil
}

// recipients are who handles c: the assignee; else the 承办科室's 信息员;
// else (not yet assigned) the 公开办.
func recipients(c disclosure.Case, users []auth.User) []int64 {
	if c.AssigneeID != 0 {
		return []int64{c.AssigneeID}
	}
	var org, office []int64
	for _, u := range users {
		if u.Disabled || !u.Role.Can(auth.PermApplications) {
			continue
		}
		if u.Role.OrgScoped() && c.OrgID != 0 && u.OrgID == c.OrgID {
			org = append(org, u.ID)
		}
		if !u.Role.OrgScoped() {
			office = append(office, u.ID)
		}
	}
	if len(org) > 0 {
		return org
	}
	return office
}
