package staff

import (
	"context"
	"fmt"

	"gongkai/internal/auth"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// RemindMessages is the board's background job (cmd/gongkai's loop): for
// every open message it works out the stage on the working-day calendar
// (interact.Urgency) and
//   - due soon: reminds the 科室 handling it (its 信息员; the 公开办 while
//     it is not routed);
//   - overdue: reminds them again and escalates to the 公开办负责人;
//   - within the configured working days of the 3-month veto line, or past
//     it: escalates to the 公开办负责人 — before the line, so the agency can
//     still answer (website-rules §1.3 item 5).
//
// Each notice is an in-app notice, an e-mail through the outbox when a
// reminder mailbox is set, and an event in the message's history; all are
// keyed by message and stage, so running every minute reminds once. It
// returns the number of new reminders and escalations.
func RemindMessages(ctx context.Context, app *web.App) (int, error) {
	st := app.Store
	set, err := st.MessageSettings(ctx)
	if err != nil {
		return 0, err
	}
	rb, err := loadReminderBase(ctx, app)
	if err != nil {
		return 0, err
	}
	open, err := st.OpenMessageClocks(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range open {
		if m.DueOn == (workday.Date{}) {
			// Received while the calendar did not cover the deadline:
			// set it once the calendar does; until then nothing to time.
			due, err := interact.MessageDue(m.ReceivedOn, rb.cal, set)
			if err != nil {
				continue
			}
			if err := st.SetMessageDue(ctx, m.ID, due); err != nil {
				return n, err
			}
			m.DueOn = due
		}
		stage, left, err := interact.Urgency(m.ReceivedOn, m.DueOn, rb.today, rb.cal, set)
		if err != nil {
			continue
		}
		k, err := remindMessage(ctx, app, m, stage, left, rb.users, rb.mailbox)
		n += k
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

type messageNotice struct {
	action     interact.MessageAction
	key, title string
	body       string
	to         []int64
}

func remindMessage(ctx context.Context, app *web.App, m store.Message, stage interact.MessageStage, left int,
	users []auth.User, mailbox string) (int, error) {
	veto := interact.VetoLine(m.ReceivedOn)
	// No personal data in reminders: the code and the dates are enough.
	what := fmt.Sprintf("留言 %s（%s收到，答复期限%s，3个月否决线%s）", m.Code, m.ReceivedOn, m.DueOn, veto)
	handlers, heads := messageHandlers(m, users), officeHeads(users)
	var ns []messageNotice
	switch stage {
	case interact.StageDueSoon:
		ns = append(ns, messageNotice{interact.ActRemind, fmt.Sprintf("message-due:%d:%s:%d", m.ID, m.DueOn, left),
			fmt.Sprintf("留言 %s 距答复期限还有%d个工作日", m.Code, left), what + "，请及时答复。", handlers})
	case interact.StageOverdue:
		ns = append(ns, messageNotice{interact.ActRemind, fmt.Sprintf("message-overdue:%d:%s", m.ID, m.DueOn),
			fmt.Sprintf("留言 %s 已超过答复期限", m.Code), what + "，已超期，请尽快答复。", handlers},
			messageNotice{interact.ActEscalate, fmt.Sprintf("message-escalate:%d:overdue", m.ID),
				fmt.Sprintf("督办：留言 %s 已超期未答复", m.Code), what + "，承办科室已超期，请督办。", heads})
	case interact.StageVetoNear, interact.StageVetoLate:
		title := fmt.Sprintf("督办：留言 %s 临近3个月未答复的否决线", m.Code)
		if stage == interact.StageVetoLate {
			title = fmt.Sprintf("留言 %s 已超过3个月未答复（互动回应差，单项否决）", m.Code)
		}
		ns = append(ns, messageNotice{interact.ActEscalate, fmt.Sprintf("message-escalate:%d:%d", m.ID, stage), title,
			what + "。有效留言超过3个月未回应属于网站检查单项否决项（国办秘函〔2019〕19号），请立即督办答复。",
			append(heads, handlers...)})
	}
	created := 0
	for _, n := range ns {
		if len(n.to) == 0 {
			continue
		}
		if _, err := (reminder{key: n.key, kind: "message_" + string(n.action), title: n.title, body: n.body,
			link: "/admin/messages/" + itoa(m.ID), to: n.to, mailbox: mailbox}).send(ctx, app.Store); err != nil {
			return created, err
		}
		ok, err := app.Store.RecordMessageNotice(ctx, m.ID, n.action, n.key, app.Now())
		if err != nil {
			return created, err
		}
		if ok {
			created++
		}
	}
	return created, nil
}

// messageHandlers are who answers m: the 信息员 of its 科室; while it is
// not routed (or the 科室 has none), the 公开办 (who route).
func messageHandlers(m store.Message, users []auth.User) []int64 {
	var org, office []int64
	for _, u := range users {
		if u.Disabled {
			continue
		}
		if u.Role.OrgScoped() && m.OrgID != 0 && u.OrgID == m.OrgID && u.Role.Can(auth.PermMessages) {
			org = append(org, u.ID)
		}
		if u.Role == auth.RoleOffice {
			office = append(office, u.ID)
		}
	}
	if len(org) > 0 {
		return org
	}
	return office
}

// officeHeads are the 公开办负责人 escalations go to.
func officeHeads(users []auth.User) []int64 {
	var out []int64
	for _, u := range users {
		if !u.Disabled && u.Role == auth.RoleOfficeHead {
			out = append(out, u.ID)
		}
	}
	return out
}
