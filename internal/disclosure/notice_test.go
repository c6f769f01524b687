package disclosure

import (
	"strings"
	"testing"
)

func TestNoticeSpecsComplete(t *testing.T) {
	seen := map[NoticeKind]bool{}
	for _, k := range NoticeKinds {
		s, ok := k.Spec()
		if !ok || s.Title == "" || s.Trigger == "" || len(s.MustState) == 0 || s.Kind != k {
			t.Errorf("%s: incomplete spec %+v", k, s)
		}
		seen[k] = true
	}
	if len(seen) != len(noticeSpecs) {
		t.Errorf("NoticeKinds lists %d kinds, specs hold %d", len(seen), len(noticeSpecs))
	}
	for _, b := range LegalBases {
		k, ok := ClosingNotice(b)
		if !ok || !seen[k] {
			t.Errorf("no closing notice for %s", b)
		}
	}
	for _, k := range []NoticeKind{NoticeReceipt, NoticeAmendment, NoticeExtension, NoticeConsultThirdParty, NoticeFee} {
		if s, _ := k.Spec(); s.Remedy {
			t.Errorf("procedural notice %s carries a remedy clause", k)
		}
	}
}

func TestNoticesFor(t *testing.T) {
	s := settings()
	evs := []Event{recv(t, "2025-03-03"),
		{Kind: EventConsultationSent, On: day(t, "2025-03-04"), Party: PartyThird, PartyName: "甲公司"},
		{Kind: EventConsultationAnswered, On: day(t, "2025-03-06"), Consultation: 1, Objected: true},
		{Kind: EventReplied, On: day(t, "2025-03-10"), Basis: BasisPartial, Reasons: "涉及商业秘密的部分不予公开"},
	}
	var got []NoticeKind
	var c Case
	for _, ev := range evs {
		var err error
		if c, err = Apply(c, ev, official, s); err != nil {
			t.Fatal(err)
		}
		got = append(got, NoticesFor(c, ev)...)
	}
	want := []NoticeKind{NoticeReceipt, NoticeConsultThirdParty, NoticeConsultApplicant, NoticeReplyPartial, NoticeThirdPartyDisclosure}
	if strings.Join(kinds(got), ",") != strings.Join(kinds(want), ",") {
		t.Errorf("notices %v, want %v", got, want)
	}
	// Refusing after the objection needs no notice to the third party.
	c = replay(t, s, evs[0], evs[1], evs[2])
	c2, _ := Apply(c, reply(t, "2025-03-10", BasisThirdParty), official, s)
	if n := NoticesFor(c2, reply(t, "2025-03-10", BasisThirdParty)); len(n) != 1 || n[0] != NoticeReplyWithheld {
		t.Errorf("withheld notices %v", n)
	}
	co := Event{Kind: EventConsultationSent, On: day(t, "2025-03-04"), Party: PartyCoOrgan, PartyName: "乙局"}
	if n := NoticesFor(c, co); n[0] != NoticeConsultCoOrgan {
		t.Errorf("co-organ notices %v", n)
	}
	if n := NoticesFor(c, Event{Kind: EventAssigned}); n != nil {
		t.Errorf("assignment produced %v", n)
	}
}

func kinds(ks []NoticeKind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}

func TestRemedyFor(t *testing.T) {
	rs := settings().Remedy
	before, after := day(t, "2023-12-29"), day(t, "2024-01-02")
	for _, tc := range []struct {
		name  string
		k     NoticeKind
		b     LegalBasis
		on    string
		first bool
	}{
		{"不予公开 before 2024", NoticeReplyWithheld, BasisThirdParty, before.String(), false},
		{"不予公开 since 2024", NoticeReplyWithheld, BasisThirdParty, after.String(), true},
		{"不予公开 on 2024-01-01", NoticeReplyWithheld, BasisStateSecret, "2024-01-01", true},
		{"行政查询事项 since 2024", NoticeReplyOtherProcedure, BasisSpecialProcedure, after.String(), true},
		{"部分公开 since 2024", NoticeReplyPartial, BasisPartial, after.String(), true},
		{"予以公开", NoticeReplyGranted, BasisDisclosed, after.String(), false},
		{"信息不存在", NoticeReplyNotExist, BasisNotExist, after.String(), false},
		{"逾期未缴费", NoticeFeeLapsed, BasisFeeUnpaid, after.String(), false},
	} {
		r, err := RemedyFor(tc.k, tc.b, day(t, tc.on), rs)
		if err != nil || !r.Applies {
			t.Errorf("%s: %v %+v", tc.name, err, r)
			continue
		}
		if r.ReconsiderationFirst != tc.first {
			t.Errorf("%s: ReconsiderationFirst = %v", tc.name, r.ReconsiderationFirst)
		}
		if !strings.Contains(r.Clause, "60日内向某某市人民政府申请行政复议") {
			t.Errorf("%s: clause %q", tc.name, r.Clause)
		}
		direct := strings.Contains(r.Clause, "6个月内")
		viaReview := strings.Contains(r.Clause, "第二十三条第一款第（四）项") && strings.Contains(r.Clause, "15日内")
		if direct == tc.first || viaReview != tc.first {
			t.Errorf("%s: clause %q", tc.name, r.Clause)
		}
	}
	rs.PartialNotReconsiderationFirst = true
	if r, _ := RemedyFor(NoticeReplyPartial, BasisPartial, after, rs); r.ReconsiderationFirst {
		t.Error("setting PartialNotReconsiderationFirst ignored")
	}
	if r, err := RemedyFor(NoticeAmendment, "", after, rs); err != nil || r.Applies || r.Clause != "" {
		t.Errorf("补正告知书 remedy %+v %v", r, err)
	}
	if _, err := RemedyFor(NoticeReplyGranted, BasisDisclosed, after, RemedySettings{}); !IsRule(err, CodeMissing) {
		t.Errorf("missing 复议机关: %v", err)
	}
}
