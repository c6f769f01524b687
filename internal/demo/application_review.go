package demo

import (
	"context"
	"fmt"
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/workday"
)

// reviewPlan is one entry of the 行政复议 and 行政诉讼 register (table 四)
// against a reply of year on a basis of outcome.
type reviewPlan struct {
	year    int
	outcome disclosure.Outcome
	route   disclosure.ReviewRoute
	result  disclosure.ReviewResult // the eventual result; pending while its day lies after the run
	after   bool                    // a 复议后起诉: filed after the previous entry's decision
	latest  bool                    // against the year's last such reply before November: pending at the year end
	note    string
}

var reviewPlans = []reviewPlan{
	{year: 2023, outcome: disclosure.OutcomeWithheld, route: disclosure.RouteReconsideration, result: disclosure.ResultUpheld,
		note: "复议机关认为答复认定事实清楚、适用依据正确，决定维持"},
	{year: 2023, outcome: disclosure.OutcomeWithheld, route: disclosure.RouteLitigationAfterReconsidered, result: disclosure.ResultUpheld, after: true,
		note: "申请人不服复议决定起诉，法院判决驳回诉讼请求"},
	{year: 2023, outcome: disclosure.OutcomeUnavailable, route: disclosure.RouteReconsideration, result: disclosure.ResultCorrected,
		note: "复议机关认为检索不充分，决定撤销答复，责令重新答复"},
	{year: 2024, outcome: disclosure.OutcomeUnavailable, route: disclosure.RouteLitigationDirect, result: disclosure.ResultOther,
		note: "原告撤回起诉，法院裁定准许"},
	{year: 2024, outcome: disclosure.OutcomeWithheld, route: disclosure.RouteReconsideration, result: disclosure.ResultUpheld,
		note: "复议机关决定维持"},
	{year: 2025, outcome: disclosure.OutcomePartial, route: disclosure.RouteReconsideration, result: disclosure.ResultUpheld, latest: true,
		note: "复议机关决定维持"},
	{year: 2025, outcome: disclosure.OutcomeNotHandled, route: disclosure.RouteLitigationDirect, result: disclosure.ResultOther, latest: true,
		note: "法院裁定驳回起诉"},
}

// reviewCases registers the planned reconsiderations and lawsuits against
// replies of the matching year and outcome: a 复议 is applied for within
// the 60 days of 行政复议法第二十条 and decided within about two months; a
// suit is filed within six months and judged within about half a year.
// A decision that would lie after the run is still pending.
func (g *appGen) reviewCases(ctx context.Context) error {
	used := map[int64]bool{}
	var prev disclosure.ReviewCase
	for i, rp := range reviewPlans {
		var target *answered
		if rp.after && prev.DecidedOn == (workday.Date{}) {
			continue // the 复议 it follows is undecided (or was not registered)
		}
		if rp.after {
			for j := range g.answered {
				if g.answered[j].rec.ID == prev.ApplicationID {
					target = &g.answered[j]
				}
			}
		}
		for j := range g.answered {
			a := &g.answered[j]
			late := rp.latest && a.closedOn.After(workday.NewDate(rp.year, time.October, 31))
			if (target == nil || rp.latest) && !late && !used[a.rec.ID] && a.closedOn.Year() == rp.year && a.basis.Outcome() == rp.outcome {
				target = a
			}
		}
		if target == nil {
			continue
		}
		used[target.rec.ID] = true
		rc := disclosure.ReviewCase{ApplicationID: target.rec.ID, Route: rp.route, Result: rp.result, Note: rp.note}
		filed, decided := target.closedOn.AddDays(20+g.rng.IntN(35)), 55+g.rng.IntN(30)
		rc.Body, rc.CaseNo = demoReviewOrgan, fmt.Sprintf("示政复决字〔%d〕%d号", filed.Year(), 10+i*7)
		if rp.route != disclosure.RouteReconsideration {
			switch {
			case rp.after:
				filed = prev.DecidedOn.AddDays(10) // 行政诉讼法第四十五条: within 15 days of the decision
			case rp.latest:
				filed = target.closedOn.AddDays(20 + g.rng.IntN(20))
			default:
				filed = target.closedOn.AddDays(40 + g.rng.IntN(100))
			}
			decided = 120 + g.rng.IntN(80)
			rc.Body, rc.CaseNo = demoCourt, fmt.Sprintf("（%d）示0102行初%d号", filed.Year(), 20+i*11)
		}
		rc.FiledOn = filed
		if rc.Result != disclosure.ResultPending {
			rc.DecidedOn = filed.AddDays(decided)
		}
		if rc.DecidedOn.After(g.today) {
			rc.Result, rc.DecidedOn, rc.Note = disclosure.ResultPending, workday.Date{}, ""
		}
		if filed.After(g.today) {
			continue
		}
		if fe := rc.Validate(); len(fe) > 0 {
			return fmt.Errorf("演示复议诉讼案件不完整: %v", fe)
		}
		if _, err := g.st.CreateReviewCase(ctx, g.site.ID, rc); err != nil {
			return err
		}
		prev = rc
		g.sum.ReviewCases++
	}
	return nil
}
