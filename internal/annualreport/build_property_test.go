package annualreport_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"gongkai/internal/annualreport"
	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

// Property: for random applications, documents and reviews across three
// years, every generated report passes every check (G1, G3–G6, the
// narrative numbers) and each year agrees with the one before (G7 and the
// 现行有效 continuity, which holds when documents only leave by repeal).
func TestBuildPropertyChecksHold(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		w := newWorld(t, s)
		rng := rand.New(rand.NewPCG(20250101, uint64(len(s.Dialect()))))
		bases := []disclosure.LegalBasis{disclosure.BasisDisclosed, disclosure.BasisPartial, disclosure.BasisStateSecret,
			disclosure.BasisNotExist, disclosure.BasisNeedsProcessing, disclosure.BasisPublication, disclosure.BasisOther}
		kinds := []disclosure.ApplicantKind{disclosure.Person, disclosure.Person, disclosure.Business}
		start := workday.NewDate(2023, 1, 2)
		for i := 0; i < 40; i++ {
			on := start.AddDays(rng.IntN(3 * 365))
			closed := workday.Date{}
			if rng.IntN(4) > 0 {
				closed = on.AddDays(1 + rng.IntN(40))
			}
			w.app(t, kinds[rng.IntN(len(kinds))], on, closed, bases[rng.IntN(len(bases))])
		}
		for i := 0; i < 12; i++ {
			pub := time.Date(2022+rng.IntN(4), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 10, 0, 0, 0, cst)
			v, vOn := catalog.Valid, ""
			if rng.IntN(3) == 0 {
				v, vOn = catalog.Repealed, pub.AddDate(0, 1+rng.IntN(30), 0).Format("2006-01-02")
			}
			w.doc(t, fmt.Sprintf("规范性文件%d", i), catalog.GenreNormative, pub, v, vOn)
		}
		routes, results := disclosure.ReviewRoutes, disclosure.ReviewResults[:3]
		for i := 0; i < 8; i++ {
			c := disclosure.ReviewCase{Route: routes[rng.IntN(len(routes))], Body: "市人民政府", CaseNo: fmt.Sprint(i),
				FiledOn: start.AddDays(rng.IntN(3 * 365)), Result: disclosure.ResultPending}
			if rng.IntN(2) == 0 {
				c.Result, c.DecidedOn = results[rng.IntN(len(results))], c.FiledOn.AddDays(30+rng.IntN(60))
			}
			if _, err := s.CreateReviewCase(ctx, w.site, c); err != nil {
				t.Fatal(err)
			}
		}
		var prev *annualreport.Report
		total := int64(0)
		for year := 2023; year <= 2025; year++ {
			b, err := annualreport.Build(ctx, s, annualreport.BuildOptions{SiteID: w.site, Year: year, Unit: annualreport.UnitDepartment})
			if err != nil {
				t.Fatal(err)
			}
			fs := append(b.Findings, annualreport.CheckAcross(prev, b.Report)...)
			if len(fs) != 0 {
				t.Fatalf("%d: %+v", year, fs)
			}
			total += b.Report.Count(annualreport.TableThree, annualreport.ThreeReceived, annualreport.ColTotal)
			prev = b.Report
		}
		if total != 40 { // every application was received in 2023–2025, and counted once in 一
			t.Fatalf("received over three years: %d, want 40", total)
		}
	})
}
