package disclosure

import (
	"strings"
	"time"

	"gongkai/internal/workday"
)

// Remedy periods (CONFIRMED, spec legal-rules §1.9, §4.4).
const (
	ReconsiderationDays          = 60 // 行政复议法第二十条: 60日
	LitigationMonths             = 6  // 行政诉讼法第四十六条: 6个月
	LitigationAfterReviewDays    = 15 // 行政诉讼法第四十五条: 收到复议决定书之日起15日
	reconsiderationFirstCitation = "《中华人民共和国行政复议法》第二十三条第一款第（四）项"
)

// ReconsiderationFirstFrom is the day the revised 行政复议法 took effect:
// from then on a 不予公开 decision must be taken to 行政复议 before court
// (第二十三条第一款第（四）项), and the decision must say so (第二款).
var ReconsiderationFirstFrom = workday.NewDate(2024, time.January, 1)

// Remedy is the 救济告知 of one notice.
type Remedy struct {
	Applies bool // false: procedural notices carry none
	// ReconsiderationFirst: 复议前置; no direct suit may be offered.
	ReconsiderationFirst bool
	Organ                string // 行政复议机关
	Court                string
	Clause               string // the sentence for the notice; "" when !Applies
}

// RemedyFor builds the remedy clause of notice k closing on basis b (b may
// be "" for notices that close nothing), issued on issuedOn.
//
// From 2024-01-01 a reply in （三）不予公开 — and, unless
// s.PartialNotReconsiderationFirst, a （二）部分公开 for its withheld part —
// tells the applicant to apply for 复议 first and sue within 15 days of the
// 复议决定书; every other final decision offers 复议 within 60 days or a
// direct suit within 6 months. An empty s.Organ is refused: without the
// 复议机关 the 60 days do not start (行政复议法第二十条第三款).
func RemedyFor(k NoticeKind, b LegalBasis, issuedOn workday.Date, s RemedySettings) (Remedy, error) {
	spec, ok := k.Spec()
	if !ok || !spec.Remedy {
		return Remedy{}, nil
	}
	organ := strings.TrimSpace(s.Organ)
	if organ == "" {
		return Remedy{}, refuse(CodeMissing, "请先在设置中填写行政复议机关，否则答复书的救济告知不完整")
	}
	court := strings.TrimSpace(s.Court)
	if court == "" {
		court = "有管辖权的人民法院"
	}
	r := Remedy{Applies: true, Organ: organ, Court: court}
	o := b.Outcome()
	if !issuedOn.Before(ReconsiderationFirstFrom) &&
		(o == OutcomeWithheld || (o == OutcomePartial && !s.PartialNotReconsiderationFirst)) {
		r.ReconsiderationFirst = true
		r.Clause = "如对本答复不服，依照" + reconsiderationFirstCitation +
			"的规定，应当先自收到本答复之日起60日内向" + organ +
			"申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向" + court + "提起行政诉讼。"
		return r, nil
	}
	r.Clause = "如对本答复不服，可以自收到本答复之日起60日内向" + organ +
		"申请行政复议，或者自收到本答复之日起6个月内向" + court + "提起行政诉讼。"
	return r, nil
}
