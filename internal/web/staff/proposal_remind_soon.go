package staff

import (
	"context"
	"fmt"
	"strings"

	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// RemindProposalsDueSoon sends the reminders of 建议提案 coming due: the
// configured number of working days (interact.ProposalSettings
// .RemindBefore, default 5) before a 会办 opinion is due, to the
// co-handler's mailbox (else the interaction mailbox), and before the
// reply is due, to the interaction mailbox; both also as in-app notices
// to the 公开办. Each is keyed by proposal, co-handler and due date, apart
// from the overdue reminders of RemindProposals, so each deadline gets one
// early reminder and, if it is still missed, one late one — also when the
// background loop runs every minute or the due date changes (a new due
// date is a new key). It returns the number of reminders newly mailed.
func RemindProposalsDueSoon(ctx context.Context, app *web.App) (int, error) {
	off := func(set store.InteractSettings) bool { return set.Proposal.RemindBefore <= 0 }
	return remindEachProposal(ctx, app, off, func(set store.InteractSettings, p interact.Proposal, rb reminderBase, office []int64) (int, error) {
		items, err := interact.DueSoonItems(p, set.Proposal, rb.cal, rb.today)
		if err != nil {
			return 0, nil // a year the calendar does not cover: the list page says so
		}
		sent := 0
		for _, it := range items {
			mailed, err := dueSoonReminder(set, p, it, office).send(ctx, app.Store)
			if err != nil {
				return sent, err
			}
			if mailed {
				sent++
			}
		}
		return sent, nil
	})
}

// dueSoonReminder words the early reminder; "今天到期" on the due date.
func dueSoonReminder(set store.InteractSettings, p interact.Proposal, it interact.DueSoon, office []int64) reminder {
	name := proposalName(p)
	left := fmt.Sprintf("还有%d个工作日", it.Left)
	if it.Left == 0 {
		left = "今天到期"
	}
	r := reminder{kind: "proposal_due_soon", link: "/admin/proposals/" + itoa(p.ID), to: office}
	if c := it.CoHandler; c != nil {
		r.key = fmt.Sprintf("proposal-opinion-soon:%d:%d:%s", p.ID, c.ID, it.Due)
		r.title = fmt.Sprintf("%s的会办意见将于%s到期", name, it.Due)
		r.body = fmt.Sprintf("%s：%s“%s”的会办意见应于%s前（会办期限%s）书面反馈主办单位，%s，请及时办理。",
			c.Unit, name, p.Title, it.Due, set.Proposal.OpinionPeriod.Label(), left)
		r.mailbox = strings.TrimSpace(c.Email)
	} else {
		r.key = fmt.Sprintf("proposal-reply-soon:%d:%s", p.ID, it.Due)
		r.title = fmt.Sprintf("%s的答复将于%s到期", name, it.Due)
		r.body = fmt.Sprintf("%s“%s”应于%s前答复，%s，目前尚未登记答复，请及时办理。", name, p.Title, it.Due, left)
	}
	if r.mailbox == "" {
		r.mailbox = strings.TrimSpace(set.Mailbox)
	}
	return r
}
