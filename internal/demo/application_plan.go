package demo

import (
	"gongkai/internal/disclosure"
)

// ending is how a demo case ends.
type ending int

const (
	endReply       ending = iota // 答复 on plan.basis (EventReplied)
	endAmendLapsed               // 补正 never came: （六）1
	endFeeUnpaid                 // the fee was not paid: （六）2
	endWithdrawn                 // the applicant withdrew: （六）3
)

// plan is the course of one demo case. The steps are taken in the order
// of the fields, each dated on working days after the previous one.
type plan struct {
	basis    disclosure.LegalBasis // the reply's basis (endReply)
	ending   ending
	topic    topic
	amend    bool             // one 补正 round, answered in time (条例第三十条)
	consult  disclosure.Party // "" = none (条例第三十二条、第三十四条)
	objected bool             // the consulted party refuses consent
	lapse    bool             // the 15 working days end without an answer
	fee      feePlan
	extend   bool // 延期答复 approved by the 公开办负责人 (条例第三十三条)
	repeat   bool // the applicant asks again what an earlier reply answered
	december bool // received in the last weeks of the year: answered in the next (结转)
}

// feePlan is a 信息处理费 (国办函〔2020〕109号).
type feePlan struct {
	method   disclosure.FeeMethod // FeeNone = no fee
	quantity int                  // pages, or the n-th application of the month
	settle   disclosure.EventKind // EventFeePaid, EventFeeWaived or EventFeeExpired
	note     string               // waiver reason
}

// weighted is a basis and how often, in percent of random cases, it is
// the answer: about the mix of a municipal bureau's annual reports, where
// 予以公开 leads and 无法提供 (mostly 不掌握) comes second.
var weighted = []struct {
	basis disclosure.LegalBasis
	w     int
}{
	{disclosure.BasisDisclosed, 42}, {disclosure.BasisAlreadyPublic, 8}, {disclosure.BasisPartial, 9},
	{disclosure.BasisThirdParty, 2}, {disclosure.BasisInternalAffairs, 1}, {disclosure.BasisProcessInfo, 2},
	{disclosure.BasisEnforcementFile, 1},
	{disclosure.BasisNotExist, 11}, {disclosure.BasisNotResponsible, 7}, {disclosure.BasisNeedsProcessing, 3},
	{disclosure.BasisPetition, 4}, {disclosure.BasisPublication, 1}, {disclosure.BasisOther, 1},
}

// required are the cases every year has, so each group of table 三 shows
// every year and every row over the three years; by year, the rarer rows.
var (
	requiredEveryYear = []plan{
		{basis: disclosure.BasisThirdParty, consult: disclosure.PartyThird, objected: true},
		{basis: disclosure.BasisPartial, consult: disclosure.PartyThird, objected: true, extend: true},
		{basis: disclosure.BasisProcessInfo},
		{basis: disclosure.BasisUnclearAfterFix, amend: true},
		{basis: disclosure.BasisPetition},
		{basis: disclosure.BasisRepeat, repeat: true},
		{basis: disclosure.BasisDisclosed, consult: disclosure.PartyCoOrgan, lapse: true},
		{ending: endAmendLapsed, amend: true},
		{ending: endWithdrawn},
		{basis: disclosure.BasisDisclosed, december: true},
		{basis: disclosure.BasisNotExist, december: true, extend: true},
	}
	requiredByYear = map[int][]plan{
		2023: {
			{basis: disclosure.BasisStateSecret},
			{basis: disclosure.BasisEnforcementFile},
			{basis: disclosure.BasisPublication},
			{basis: disclosure.BasisDisclosed, fee: feePlan{method: disclosure.FeePerPage, quantity: 60, settle: disclosure.EventFeePaid}},
		},
		2024: {
			{basis: disclosure.BasisLawProhibits},
			{basis: disclosure.BasisConfirmReissue},
			{basis: disclosure.BasisNeedsProcessing, extend: true},
			{basis: disclosure.BasisDisclosed, fee: feePlan{method: disclosure.FeePerPage, quantity: 45, settle: disclosure.EventFeeWaived,
				note: "申请人提供了最低生活保障证明，经济确有困难，依据109号文件第六条决定免收"}},
		},
		2025: {
			{basis: disclosure.BasisSafety},
			{basis: disclosure.BasisInternalAffairs},
			{basis: disclosure.BasisSpecialProcedure},
			{basis: disclosure.BasisOther},
			{basis: disclosure.BasisDisclosed, fee: feePlan{method: disclosure.FeePerPage, quantity: 130, settle: disclosure.EventFeePaid}},
			{basis: disclosure.BasisDisclosed, december: true, consult: disclosure.PartyThird, extend: true},
			{basis: disclosure.BasisPartial, december: true, amend: true},
		},
	}
)

// plans lists the courses of y's cases: the required ones, then random
// ones by weight, each random case possibly with a 补正, a consultation
// or an extension.
func (g *appGen) plans(y int) []plan {
	out := append(append([]plan{}, requiredEveryYear...), requiredByYear[y]...)
	total := 0
	for _, w := range weighted {
		total += w.w
	}
	for len(out) < applicationsPerYear[y] {
		n := g.rng.IntN(total)
		var b disclosure.LegalBasis
		for _, w := range weighted {
			if n < w.w {
				b = w.basis
				break
			}
			n -= w.w
		}
		p := plan{basis: b}
		g.decorate(&p)
		out = append(out, p)
	}
	for i := range out {
		out[i].topic = g.topicFor(out[i])
	}
	return out
}

// decorate adds the steps a random case of its basis often has.
func (g *appGen) decorate(p *plan) {
	o := p.basis.Outcome()
	switch {
	case o == disclosure.OutcomeNotHandled || p.basis == disclosure.BasisOther:
		return // answered quickly, without further steps
	case p.basis == disclosure.BasisThirdParty:
		p.consult, p.objected = disclosure.PartyThird, true
	case p.basis == disclosure.BasisPartial && g.rng.IntN(2) == 0:
		p.consult, p.objected = disclosure.PartyThird, true
	case o == disclosure.OutcomeGranted && g.rng.IntN(100) < 8:
		p.consult, p.lapse = disclosure.PartyCoOrgan, g.rng.IntN(2) == 0
	case o == disclosure.OutcomeGranted && g.rng.IntN(100) < 5:
		p.consult = disclosure.PartyThird // the company agrees
	}
	p.amend = g.rng.IntN(100) < 12
	p.extend = g.rng.IntN(100) < 10 || (p.consult != "" && g.rng.IntN(3) == 0)
}

// topicFor picks what the applicant asks for. Cases that end without a
// reply on a basis ask for ordinary information.
func (g *appGen) topicFor(p plan) topic {
	b := p.basis
	switch p.ending {
	case endAmendLapsed:
		return topic{desc: choose(g.rng, topics[disclosure.BasisUnclearAfterFix]).desc}
	case endReply:
	default:
		b = disclosure.BasisDisclosed
	}
	return choose(g.rng, topics[b])
}
