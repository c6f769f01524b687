package staff

import (
	"context"
	"fmt"
	"strings"

	"gongkai/internal/auth"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// RemindProposals sends the reminders of 建议提案 past a deadline: a late
// 会办 opinion to the co-handler's mailbox (else the interaction mailbox),
// a late reply to the interaction mailbox; both also as in-app notices to
// the 公开办. Each is keyed by proposal, co-handler and due date, so the
// background loop running every minute reminds once per deadline. It
// returns the number of reminders newly queued. cmd/gongkai's background
// loop calls it.
func RemindProposals(ctx context.Context, app *web.App) (int, error) {
	return remindEachProposal(ctx, app, nil, func(set store.InteractSettings, p interact.Proposal, rb reminderBase, office []int64) (int, error) {
		items, err := interact.LateItems(p, set.Proposal, rb.cal, rb.today)
		if err != nil {
			return 0, nil // a year the calendar does not cover: the list page says so
		}
		sent := 0
		for _, it := range items {
			n, err := remindLate(ctx, app.Store, set, p, it, office)
			sent += n
			if err != nil {
				return sent, err
			}
		}
		return sent, nil
	})
}

// proposalOffice are the 公开办 staff who get the in-app notices: those
// who handle interaction for the whole agency (not a 科室, not the
// reviewer).
func proposalOffice(rb reminderBase) []int64 {
	var office []int64
	for _, u := range rb.users {
		if !u.Disabled && u.Role.Can(auth.PermInteraction) && !u.Role.OrgScoped() && u.Role != auth.RoleReviewer {
			office = append(office, u.ID)
		}
	}
	return office
}

// proposalName names a proposal in a reminder without personal data:
// "市十五届人大三次会议第8号人大代表建议".
func proposalName(p interact.Proposal) string {
	return fmt.Sprintf("%s%s第%s号%s", p.Session, map[bool]string{true: "（闭会期间）"}[p.Recess], p.Number, p.Kind.Label())
}

func remindLate(ctx context.Context, st *store.Store, set store.InteractSettings, p interact.Proposal, it interact.Late, office []int64) (int, error) {
	name := proposalName(p)
	var key, title, body, to string
	if c := it.CoHandler; c != nil {
		key = fmt.Sprintf("proposal-opinion:%d:%d:%s", p.ID, c.ID, it.Due)
		title = fmt.Sprintf("%s的会办意见已逾期", name)
		body = fmt.Sprintf("%s：%s“%s”的会办意见应于%s前（会办期限%s）书面反馈主办单位，目前尚未收到，请尽快办理。",
			c.Unit, name, p.Title, it.Due, set.Proposal.OpinionPeriod.Label())
		to = strings.TrimSpace(c.Email)
	} else {
		key = fmt.Sprintf("proposal-reply:%d:%s", p.ID, it.Due)
		title = fmt.Sprintf("%s的答复已逾期", name)
		body = fmt.Sprintf("%s“%s”应于%s前答复（自交办之日起%d个月），目前尚未登记答复，请尽快办理。", name, p.Title, it.Due, set.Proposal.ReplyMonths)
	}
	if to == "" {
		to = strings.TrimSpace(set.Mailbox)
	}
	mailed, err := reminder{key: key, kind: "proposal_late", title: title, body: body,
		link: "/admin/proposals/" + itoa(p.ID), to: office, mailbox: to}.send(ctx, st)
	if err != nil || !mailed {
		return 0, err
	}
	return 1, nil
}
