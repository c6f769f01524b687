package staff

import (
	"context"
	"fmt"
	"slices"

	"gongkai/internal/auth"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/web"
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
	rb, err := loadReminderBase(ctx, app)
	if err != nil {
		return 0, err
	}
	f := store.ApplicationFilter{DueWithin: slices.Max(set.ReminderDays), Today: rb.today, Limit: 200}
	reminded := 0
	for {
		page, err := st.Applications(ctx, f)
		if err != nil {
			return reminded, err
		}
		for _, a := range page {
			ok, err := remindOne(ctx, st, rb, set, a)
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

func remindOne(ctx context.Context, st *store.Store, rb reminderBase, set disclosure.Settings, a store.ApplicationSummary) (bool, error) {
	c, err := st.ApplicationCase(ctx, a.ID)
	if err != nil {
		return false, err
	}
	due, left, err := disclosure.ReminderDue(c, rb.today, rb.cal, set)
	if err != nil || !due {
		return false, err
	}
	dueOn, err := disclosure.DueAsOf(c, rb.today, rb.cal)
	if err != nil {
		return false, err
	}
	_, err = reminder{key: fmt.Sprintf("application-due:%d:%s:%d", a.ID, dueOn, left), kind: "application_due",
		title: fmt.Sprintf("依申请公开 %s 距答复期限还有%d个工作日", a.Code, left),
		body:  fmt.Sprintf("查询码 %s 的政府信息公开申请，答复期限为%s（条例第三十三条），还有%d个工作日。请及时办理。", a.Code, dueOn, left),
		link:  "/admin/applications/" + itoa(a.ID), to: recipients(c, rb.users), mailbox: rb.mailbox}.send(ctx, st)
	return err == nil, err
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
