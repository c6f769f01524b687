package demo

import (
	"context"
	"fmt"
	"time"

	"gongkai/internal/store"
)

// decisionPlan is what each 科室 of the demo bureau decides in a month: the
// register behind table 二's 第二十条第（五）（六）（八）项. A 经信局 grants a
// few 行政许可 (e.g. 技术改造项目备案类 approvals), rarely fines and collects
// no 行政事业性收费 — so the fee row stays 0 like the seed report's.
var decisionPlan = []struct {
	org   string
	kind  store.DecisionKind
	every int // one decision in every `every` months, offset by the month
	n     int64
}{
	{"产业发展科", store.DecisionLicense, 1, 2},
	{"投资与规划科", store.DecisionLicense, 2, 1},
	{"信息化推进科", store.DecisionLicense, 3, 1},
	{"政策法规科", store.DecisionPenalty, 4, 1},
}

// CreateDecisions fills the administrative-decisions register for every
// month from 2023 to the month before now, so the generated annual reports
// show non-zero table-二 rows that staff can trace to the register.
func CreateDecisions(ctx context.Context, st *store.Store, sum Summary, now time.Time) (int, error) {
	var ds []store.AdminDecision
	for y := 2023; y <= now.Year(); y++ {
		for m := 1; m <= 12; m++ {
			if y == now.Year() && m >= int(now.Month()) {
				break
			}
			for _, p := range decisionPlan {
				if (m+y)%p.every != 0 {
					continue
				}
				ds = append(ds, store.AdminDecision{SiteID: sum.SiteID, OrgID: sum.OrgIDs[p.org],
					Year: y, Month: m, Kind: p.kind, Value: p.n + int64((m*7+y)%3)})
			}
		}
	}
	for _, d := range ds {
		if err := st.SetAdminDecision(ctx, d); err != nil {
			return 0, fmt.Errorf("创建演示行政决定登记: %w", err)
		}
	}
	return len(ds), nil
}
