package catalog

import (
	"errors"
	"strings"
	"time"
)

// State is where a document is in the review workflow required by 条例第十七条
// (审查机制) and the 保密审查 rule of 保守国家秘密法实施条例第四十二条 (先审查、后公开).
type State string

const (
	StateDraft         State = "draft"
	StateSubmitted     State = "submitted"      // awaiting 初审
	StateFirstApproved State = "first_approved" // awaiting 终审
	StateScheduled     State = "scheduled"      // approved, goes online at ScheduledAt
	StatePublished     State = "published"
	StateRejected      State = "rejected"  // back with the author, editable
	StateWithdrawn     State = "withdrawn" // 撤稿
)

// Label is the Chinese name shown to staff.
func (s State) Label() string {
	switch s {
	case StateDraft:
		return "草稿"
	case StateSubmitted:
		return "待初审"
	case StateFirstApproved:
		return "待终审"
	case StateScheduled:
		return "定时发布"
	case StatePublished:
		return "已发布"
	case StateRejected:
		return "已退回"
	case StateWithdrawn:
		return "已撤稿"
	}
	return string(s)
}

// Editable reports whether the author may still change the content.
func (s State) Editable() bool { return s == StateDraft || s == StateRejected }

// Action is a workflow step.
type Action string

const (
	ActSubmit       Action = "submit"
	ActFirstApprove Action = "first_approve"
	ActFinalApprove Action = "final_approve"
	ActReject       Action = "reject"
	ActWithdraw     Action = "withdraw"
	ActPublishDue   Action = "publish_due" // the scheduler publishing a scheduled document
)

// Label is the Chinese name of the action, used in the review history.
func (a Action) Label() string {
	switch a {
	case ActSubmit:
		return "提交审核"
	case ActFirstApprove:
		return "初审通过"
	case ActFinalApprove:
		return "终审通过"
	case ActReject:
		return "退回"
	case ActWithdraw:
		return "撤稿"
	case ActPublishDue:
		return "定时发布"
	}
	return string(a)
}

// Decision carries what a reviewer states with an action.
type Decision struct {
	Action         Action
	Reason         string    // required to reject or withdraw
	SecrecyChecked bool      // the 保密审查 declaration, required for 终审
	PublishAt      time.Time // zero = publish now
	Now            time.Time
	ActorID        int64
	FirstReviewer  int64 // who did 初审, so the same person cannot also do 终审
}

// Workflow errors carry their Chinese message; web maps them to 400/409.
var (
	ErrWrongState      = errors.New("当前状态下不能执行该操作")
	ErrReasonRequired  = errors.New("请填写退回或撤稿的理由")
	ErrSecrecyRequired = errors.New("终审发布前必须确认已完成保密审查")
	ErrSameReviewer    = errors.New("初审人与终审人不能为同一人")
)

// Next returns the state a document in state from moves to under d.
func Next(from State, d Decision) (State, error) {
	switch d.Action {
	case ActSubmit:
		if from == StateDraft || from == StateRejected {
			return StateSubmitted, nil
		}
	case ActFirstApprove:
		if from == StateSubmitted {
			return StateFirstApproved, nil
		}
	case ActFinalApprove:
		if from != StateFirstApproved {
			break
		}
		if !d.SecrecyChecked {
			return from, ErrSecrecyRequired
		}
		if d.FirstReviewer != 0 && d.FirstReviewer == d.ActorID {
			return from, ErrSameReviewer
		}
		if !d.PublishAt.IsZero() && d.PublishAt.After(d.Now) {
			return StateScheduled, nil
		}
		return StatePublished, nil
	case ActReject:
		if from != StateSubmitted && from != StateFirstApproved {
			break
		}
		if strings.TrimSpace(d.Reason) == "" {
			return from, ErrReasonRequired
		}
		return StateRejected, nil
	case ActWithdraw:
		if from != StatePublished && from != StateScheduled {
			break
		}
		if strings.TrimSpace(d.Reason) == "" {
			return from, ErrReasonRequired
		}
		return StateWithdrawn, nil
	case ActPublishDue:
		if from == StateScheduled && !d.PublishAt.After(d.Now) {
			return StatePublished, nil
		}
	}
	return from, ErrWrongState
}
