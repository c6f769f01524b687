package monitor

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gongkai/internal/store"
)

// Message is a 留言 on a 政务咨询类 column as the interaction rule sees it.
type Message struct {
	ID         int64
	SiteID     int64
	ColumnID   int64
	OrgID      int64 // the 科室 that must answer
	Title      string
	ReceivedAt time.Time
}

// MessageSource lists valid messages (spam, abuse and duplicates excluded
// with an auditable reason) received at or after since that had no reply
// by before. The message board (issue 8) implements it: StoreMessages.
type MessageSource interface {
	UnansweredMessages(ctx context.Context, since, before time.Time) ([]Message, error)
}

// OverdueApplication is a 依申请公开 application past its reply deadline.
type OverdueApplication struct {
	ID      int64
	SiteID  int64
	OrgID   int64
	Ref     string    // the case number shown to staff
	DueOn   string    // YYYY-MM-DD
	Overdue int       // working days past the deadline
	Since   time.Time // received
}

// OverdueSource lists applications past their deadline (条例第三十三条).
// Prepare sets StoreOverdue (the platform's own queue) when none is given.
type OverdueSource interface {
	OverdueApplications(ctx context.Context, now time.Time) ([]OverdueApplication, error)
}

// interactionCheck is 互动回应差 (website-rules §1.3 item 5 ②): a valid
// message on a 政务咨询类 column left unanswered beyond 3 months within
// the past year is a veto; and overdue 依申请公开 applications.
type interactionCheck struct{}

func (interactionCheck) Name() string         { return "interaction" }
func (interactionCheck) Title() string        { return "互动回应与依申请公开办理" }
func (interactionCheck) Every() time.Duration { return 24 * time.Hour }

func (interactionCheck) Run(ctx context.Context, env *Env) (Report, error) {
	var rep Report
	var notes []string
	now := env.Now()
	if env.Messages == nil {
		notes = append(notes, "留言板尚未上线，未检查留言答复")
	} else {
		since := now.AddDate(0, 0, -env.Settings.InteractionLookup)
		before := now.AddDate(0, -env.Settings.UnansweredMonths, 0)
		msgs, err := env.Messages.UnansweredMessages(ctx, since, before)
		if err != nil {
			return rep, err
		}
		for _, m := range msgs {
			rep.Findings = append(rep.Findings, store.MonitorFinding{Key: fmt.Sprintf("message:%d", m.ID), Kind: "message_unanswered",
				Severity: SevVeto, SiteID: m.SiteID, ColumnID: m.ColumnID, OrgID: m.OrgID,
				Message: fmt.Sprintf("留言“%s”（%s收到）超过%d个月未回应（互动回应差，单项否决）", m.Title, day(m.ReceivedAt), env.Settings.UnansweredMonths)})
		}
		notes = append(notes, fmt.Sprintf("超过%d个月未回应的留言%d条", env.Settings.UnansweredMonths, len(msgs)))
	}
	if env.Overdue == nil {
		notes = append(notes, "依申请公开办理数据尚未接入，未检查超期")
	} else {
		apps, err := env.Overdue.OverdueApplications(ctx, now)
		if err != nil {
			return rep, err
		}
		for _, a := range apps {
			late := fmt.Sprintf("%d个工作日", a.Overdue)
			if a.Overdue < 0 {
				late = "（工作日历未覆盖，天数待核算）"
			}
			rep.Findings = append(rep.Findings, store.MonitorFinding{Key: fmt.Sprintf("application:%d", a.ID), Kind: "application_overdue",
				Severity: SevDeduct, SiteID: a.SiteID, OrgID: a.OrgID,
				Message: fmt.Sprintf("依申请公开申请%s已超过答复期限（%s）%s（条例第三十三条）", a.Ref, a.DueOn, late)})
		}
		notes = append(notes, fmt.Sprintf("超期未答复的申请%d件", len(apps)))
	}
	rep.Summary = strings.Join(notes, "；")
	return rep, nil
}
