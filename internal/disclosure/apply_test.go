package disclosure

import (
	"errors"
	"reflect"
	"testing"
)

// base is a case received Mon 2025-03-03: due Mon 2025-03-31 (Mar 4–7,
// 10–14, 17–21, 24–28, 31), 补正 notice due Wed 2025-03-12.
func base(t *testing.T) []Event { return []Event{recv(t, "2025-03-03")} }

func with(evs []Event, more ...Event) []Event {
	return append(append([]Event{}, evs...), more...)
}

func TestApplyRules(t *testing.T) {
	ask := Event{Kind: EventAmendmentRequested, On: day(t, "2025-03-05"), Deadline: day(t, "2025-03-20"), Note: "请补充文号"}
	amended := Event{Kind: EventAmended, On: day(t, "2025-03-10")}
	extReq := Event{Kind: EventExtensionRequested, On: day(t, "2025-03-20"), Days: 10, Note: "需要会商"}
	extOK := Event{Kind: EventExtensionApproved, On: day(t, "2025-03-21"), ApproverIsHead: true}
	consult := Event{Kind: EventConsultationSent, On: day(t, "2025-03-10"), Party: PartyThird, PartyName: "张某"}
	fee := Event{Kind: EventFeeNoticed, On: day(t, "2025-03-10"), FeeMethod: FeePerApplication, Quantity: 12, Amount: 100, PayMethod: "银行转账"}
	closed := reply(t, "2025-03-20", BasisDisclosed)

	for _, tc := range []struct {
		name string
		evs  []Event
		code string // "" = accepted
	}{
		{"first event must be received", []Event{closed}, CodeFirstEvent},
		{"received twice", with(base(t), recv(t, "2025-03-04")), CodeState},
		{"unknown kind", with(base(t), Event{Kind: "bogus", On: day(t, "2025-03-04")}), CodeUnknownEvent},
		{"missing date", with(base(t), Event{Kind: EventAssigned, OrgID: 3}), CodeDate},
		{"date before previous step", with(base(t), Event{Kind: EventAssigned, On: day(t, "2025-03-01"), OrgID: 3}), CodeDate},
		{"receipt basis required", []Event{{Kind: EventReceived, On: day(t, "2025-03-03")}}, CodeMissing},

		{"补正 within 7 working days", with(base(t), ask), ""},
		{"补正 on the 7th working day", with(base(t), Event{Kind: EventAmendmentRequested, On: day(t, "2025-03-12"), Deadline: day(t, "2025-03-26"), Note: "x"}), ""},
		{"补正 on the 8th working day", with(base(t), Event{Kind: EventAmendmentRequested, On: day(t, "2025-03-13"), Deadline: day(t, "2025-03-26"), Note: "x"}), CodeAmendmentWindow},
		{"补正 without items", with(base(t), Event{Kind: EventAmendmentRequested, On: day(t, "2025-03-05"), Deadline: day(t, "2025-03-20")}), CodeMissing},
		{"补正 deadline not after notice", with(base(t), Event{Kind: EventAmendmentRequested, On: day(t, "2025-03-05"), Deadline: day(t, "2025-03-05"), Note: "x"}), CodeMissing},
		{"second 补正 round", with(base(t), ask, amended, Event{Kind: EventAmendmentRequested, On: day(t, "2025-03-11"), Deadline: day(t, "2025-03-25"), Note: "x"}), CodeAmendmentOnce},
		{"补正 twice while waiting", with(base(t), ask, ask), CodeState},
		{"amended without request", with(base(t), amended), CodeState},
		{"amended late without reason", with(base(t), ask, Event{Kind: EventAmended, On: day(t, "2025-03-21")}), CodeAmendmentDeadline},
		{"amended late with 正当理由", with(base(t), ask, Event{Kind: EventAmended, On: day(t, "2025-03-21"), Justified: true, Note: "住院"}), ""},
		{"amendment expiry on deadline day", with(base(t), ask, Event{Kind: EventAmendmentExpired, On: day(t, "2025-03-20")}), CodeAmendmentDeadline},
		{"amendment expiry after deadline", with(base(t), ask, Event{Kind: EventAmendmentExpired, On: day(t, "2025-03-21")}), ""},
		{"reply while awaiting 补正", with(base(t), ask, closed), CodeState},
		{"补正 after extension", with(base(t), extReq, extOK, Event{Kind: EventAmendmentRequested, On: day(t, "2025-03-21"), Deadline: day(t, "2025-03-28"), Note: "x"}), CodeState},

		{"extension", with(base(t), extReq, extOK), ""},
		{"extension over 20 days", with(base(t), Event{Kind: EventExtensionRequested, On: day(t, "2025-03-20"), Days: 21, Note: "x"}), CodeExtensionDays},
		{"extension without reason", with(base(t), Event{Kind: EventExtensionRequested, On: day(t, "2025-03-20"), Days: 5}), CodeMissing},
		{"extension approved by non-head", with(base(t), extReq, Event{Kind: EventExtensionApproved, On: day(t, "2025-03-21")}), CodeExtensionApprover},
		{"extension approved after due", with(base(t), extReq, Event{Kind: EventExtensionApproved, On: day(t, "2025-04-01"), ApproverIsHead: true}), CodeExtensionLate},
		{"extension approved on due date", with(base(t), extReq, Event{Kind: EventExtensionApproved, On: day(t, "2025-03-31"), ApproverIsHead: true}), ""},
		{"extension twice", with(base(t), extReq, extOK, Event{Kind: EventExtensionRequested, On: day(t, "2025-03-24"), Days: 5, Note: "x"}), CodeExtensionUsed},
		{"extension requested twice", with(base(t), extReq, extReq), CodeExtensionUsed},
		{"approve without request", with(base(t), extOK), CodeState},
		{"refused then requested again", with(base(t), extReq, Event{Kind: EventExtensionRefused, On: day(t, "2025-03-20"), ApproverIsHead: true}, extReq, extOK), ""},

		{"consultation without party", with(base(t), Event{Kind: EventConsultationSent, On: day(t, "2025-03-10"), PartyName: "x"}), CodeMissing},
		{"answer unknown consultation", with(base(t), consult, Event{Kind: EventConsultationAnswered, On: day(t, "2025-03-12"), Consultation: 2}), CodeConsultation},
		{"answer twice", with(base(t), consult, Event{Kind: EventConsultationAnswered, On: day(t, "2025-03-12"), Consultation: 1}, Event{Kind: EventConsultationAnswered, On: day(t, "2025-03-13"), Consultation: 1}), CodeConsultation},
		{"reply while consulting", with(base(t), consult, closed), CodeState},

		{"fee per application", with(base(t), fee), ""},
		{"fee amount wrong", with(base(t), Event{Kind: EventFeeNoticed, On: day(t, "2025-03-10"), FeeMethod: FeePerApplication, Quantity: 12, Amount: 200, PayMethod: "x"}), CodeFee},
		{"fee in free tier", with(base(t), Event{Kind: EventFeeNoticed, On: day(t, "2025-03-10"), FeeMethod: FeePerPage, Quantity: 30, Amount: 0, PayMethod: "x"}), CodeFee},
		{"fee without method", with(base(t), Event{Kind: EventFeeNoticed, On: day(t, "2025-03-10"), Quantity: 40, Amount: 100, PayMethod: "x"}), CodeFee},
		{"fee noticed twice", with(base(t), fee, Event{Kind: EventFeePaid, On: day(t, "2025-03-11")}, Event{Kind: EventFeeNoticed, On: day(t, "2025-03-12"), FeeMethod: FeePerPage, Quantity: 40, Amount: 100, PayMethod: "x"}), CodeFee},
		{"fee noticed after due", with(base(t), Event{Kind: EventFeeNoticed, On: day(t, "2025-04-01"), FeeMethod: FeePerApplication, Quantity: 12, Amount: 100, PayMethod: "x"}), CodeFee},
		{"fee waived without reason", with(base(t), fee, Event{Kind: EventFeeWaived, On: day(t, "2025-03-11")}), CodeMissing},
		{"fee waived", with(base(t), fee, Event{Kind: EventFeeWaived, On: day(t, "2025-03-11"), Note: "经济困难"}), ""},
		{"reply while fee unpaid", with(base(t), fee, closed), CodeState},
		{"pay without notice", with(base(t), Event{Kind: EventFeePaid, On: day(t, "2025-03-11")}), CodeFee},

		{"assign", with(base(t), Event{Kind: EventAssigned, On: day(t, "2025-03-04"), OrgID: 3, AssigneeID: 7}), ""},
		{"assign without org", with(base(t), Event{Kind: EventAssigned, On: day(t, "2025-03-04")}), CodeAssign},
		{"assign twice", with(base(t), Event{Kind: EventAssigned, On: day(t, "2025-03-04"), OrgID: 3}, Event{Kind: EventAssigned, On: day(t, "2025-03-04"), OrgID: 4}), CodeAssign},
		{"transfer before assign", with(base(t), Event{Kind: EventTransferred, On: day(t, "2025-03-04"), OrgID: 3}), CodeAssign},
		{"transfer to the same", with(base(t), Event{Kind: EventAssigned, On: day(t, "2025-03-04"), OrgID: 3}, Event{Kind: EventTransferred, On: day(t, "2025-03-05"), OrgID: 3}), CodeAssign},

		{"reply", with(base(t), closed), ""},
		{"reply without basis", with(base(t), Event{Kind: EventReplied, On: day(t, "2025-03-20")}), CodeBasis},
		{"reply with event-only basis", with(base(t), reply(t, "2025-03-20", BasisFeeUnpaid)), CodeBasis},
		{"不予公开 without reasons", with(base(t), Event{Kind: EventReplied, On: day(t, "2025-03-20"), Basis: BasisThirdParty}), CodeReasons},
		{"部分公开 without reasons", with(base(t), Event{Kind: EventReplied, On: day(t, "2025-03-20"), Basis: BasisPartial, Reasons: "  "}), CodeReasons},
		{"予以公开 needs no reasons", with(base(t), Event{Kind: EventReplied, On: day(t, "2025-03-20"), Basis: BasisDisclosed}), ""},
		{"unclear without 补正", with(base(t), reply(t, "2025-03-20", BasisUnclearAfterFix)), CodeBasis},
		{"unclear after 补正", with(base(t), ask, amended, reply(t, "2025-03-20", BasisUnclearAfterFix)), ""},
		{"closing a closed case", with(base(t), closed, reply(t, "2025-03-21", BasisPartial)), CodeClosed},
		{"withdraw a closed case", with(base(t), closed, Event{Kind: EventWithdrawn, On: day(t, "2025-03-21")}), CodeClosed},
		{"withdraw while awaiting 补正", with(base(t), ask, Event{Kind: EventWithdrawn, On: day(t, "2025-03-06")}), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Replay(tc.evs, official, settings())
			switch {
			case tc.code == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.code != "" && !IsRule(err, tc.code):
				t.Errorf("err = %v, want code %s", err, tc.code)
			case tc.code != "" && !errors.Is(err, ErrNotAllowed):
				t.Errorf("err %v does not wrap ErrNotAllowed", err)
			}
		})
	}
}

func TestSettingsRelaxRules(t *testing.T) {
	s := settings()
	s.AllowSecondAmendment = true
	evs := with(base(t),
		Event{Kind: EventAmendmentRequested, On: day(t, "2025-03-05"), Deadline: day(t, "2025-03-20"), Note: "x"},
		Event{Kind: EventAmended, On: day(t, "2025-03-10")},
		// Second round: 7 working days now count from the 补正 receipt (Mar 10 → Mar 19).
		Event{Kind: EventAmendmentRequested, On: day(t, "2025-03-19"), Deadline: day(t, "2025-03-28"), Note: "y"},
	)
	c, err := Replay(evs, official, s)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Amendments) != 2 || c.State != StateAwaitingAmendment {
		t.Errorf("amendments %d state %s", len(c.Amendments), c.State)
	}
}

func TestApplyDoesNotModifyInput(t *testing.T) {
	s := settings()
	c := replay(t, s, recv(t, "2025-03-03"), Event{Kind: EventConsultationSent, On: day(t, "2025-03-04"), Party: PartyThird, PartyName: "甲"})
	before := c
	before.Consultations = append([]Consultation{}, c.Consultations...)
	if _, err := Apply(c, Event{Kind: EventConsultationAnswered, On: day(t, "2025-03-05"), Consultation: 1, Objected: true}, official, s); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c, before) {
		t.Error("Apply changed its input case")
	}
	got, err := Apply(c, reply(t, "2025-03-05", BasisDisclosed), official, s)
	if err == nil || !reflect.DeepEqual(got, c) {
		t.Errorf("a refused step must return the case unchanged (err %v)", err)
	}
}

func TestClosingRecordsRowAndLateness(t *testing.T) {
	s := settings()
	c := replay(t, s, recv(t, "2025-03-03"), reply(t, "2025-04-01", BasisThirdParty))
	if r, ok := c.Row(); !ok || r != RowThirdParty || !c.Late || c.Reasons != "理由" {
		t.Errorf("row %v ok %v late %v reasons %q", r, ok, c.Late, c.Reasons)
	}
	c = replay(t, s, recv(t, "2025-03-03"), reply(t, "2025-03-31", BasisDisclosed))
	if c.Late {
		t.Error("reply on the due date marked late")
	}
	c = replay(t, s, recv(t, "2025-03-03"), Event{Kind: EventWithdrawn, On: day(t, "2025-03-04"), Note: "不再需要"})
	if r, _ := c.Row(); r != RowOther || c.Basis != BasisWithdrawn {
		t.Errorf("withdrawal row %v basis %v", r, c.Basis)
	}
	c = replay(t, s, recv(t, "2025-03-03"),
		Event{Kind: EventAmendmentRequested, On: day(t, "2025-03-05"), Deadline: day(t, "2025-03-20"), Note: "x"},
		Event{Kind: EventAmendmentExpired, On: day(t, "2025-03-21")})
	if r, _ := c.Row(); r != RowAmendmentLapsed {
		t.Errorf("lapsed 补正 row %v", r)
	}
}
