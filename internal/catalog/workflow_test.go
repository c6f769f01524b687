package catalog

import (
	"errors"
	"testing"
	"time"
)

func TestWorkflowNext(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		from State
		d    Decision
		want State
		err  error
	}{
		{"submit draft", StateDraft, Decision{Action: ActSubmit}, StateSubmitted, nil},
		{"resubmit rejected", StateRejected, Decision{Action: ActSubmit}, StateSubmitted, nil},
		{"submit published", StatePublished, Decision{Action: ActSubmit}, StatePublished, ErrWrongState},
		{"first approve", StateSubmitted, Decision{Action: ActFirstApprove}, StateFirstApproved, nil},
		{"first approve draft", StateDraft, Decision{Action: ActFirstApprove}, StateDraft, ErrWrongState},
		{"final without secrecy review", StateFirstApproved, Decision{Action: ActFinalApprove, ActorID: 2, FirstReviewer: 1}, StateFirstApproved, ErrSecrecyRequired},
		{"final by the first reviewer", StateFirstApproved, Decision{Action: ActFinalApprove, SecrecyChecked: true, ActorID: 1, FirstReviewer: 1}, StateFirstApproved, ErrSameReviewer},
		{"final publishes now", StateFirstApproved, Decision{Action: ActFinalApprove, SecrecyChecked: true, ActorID: 2, FirstReviewer: 1, Now: now}, StatePublished, nil},
		{"final with past time publishes now", StateFirstApproved, Decision{Action: ActFinalApprove, SecrecyChecked: true, ActorID: 2, Now: now, PublishAt: now.Add(-time.Hour)}, StatePublished, nil},
		{"final schedules", StateFirstApproved, Decision{Action: ActFinalApprove, SecrecyChecked: true, ActorID: 2, Now: now, PublishAt: now.Add(time.Hour)}, StateScheduled, nil},
		{"final skipping 初审", StateSubmitted, Decision{Action: ActFinalApprove, SecrecyChecked: true}, StateSubmitted, ErrWrongState},
		{"reject needs a reason", StateSubmitted, Decision{Action: ActReject, Reason: "  "}, StateSubmitted, ErrReasonRequired},
		{"reject at 终审", StateFirstApproved, Decision{Action: ActReject, Reason: "文号有误"}, StateRejected, nil},
		{"reject published", StatePublished, Decision{Action: ActReject, Reason: "x"}, StatePublished, ErrWrongState},
		{"withdraw needs a reason", StatePublished, Decision{Action: ActWithdraw}, StatePublished, ErrReasonRequired},
		{"withdraw published", StatePublished, Decision{Action: ActWithdraw, Reason: "内容有误"}, StateWithdrawn, nil},
		{"withdraw scheduled", StateScheduled, Decision{Action: ActWithdraw, Reason: "暂缓"}, StateWithdrawn, nil},
		{"withdraw draft", StateDraft, Decision{Action: ActWithdraw, Reason: "x"}, StateDraft, ErrWrongState},
		{"scheduler too early", StateScheduled, Decision{Action: ActPublishDue, Now: now, PublishAt: now.Add(time.Minute)}, StateScheduled, ErrWrongState},
		{"scheduler on time", StateScheduled, Decision{Action: ActPublishDue, Now: now, PublishAt: now}, StatePublished, nil},
		{"unknown action", StateDraft, Decision{Action: "delete"}, StateDraft, ErrWrongState},
	}
	for _, c := range cases {
		got, err := Next(c.from, c.d)
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("%s: Next(%s) = %s, %v; want %s, %v", c.name, c.from, got, err, c.want, c.err)
		}
	}
}

func TestStateEditable(t *testing.T) {
	for _, s := range []State{StateDraft, StateRejected} {
		if !s.Editable() {
			t.Errorf("%s should be editable", s)
		}
	}
	for _, s := range []State{StateSubmitted, StateFirstApproved, StateScheduled, StatePublished, StateWithdrawn} {
		if s.Editable() {
			t.Errorf("%s should not be editable", s)
		}
	}
}
