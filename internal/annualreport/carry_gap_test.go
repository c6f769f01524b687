package annualreport_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/annualreport"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

// gapFindings are the carry-over-gap findings of a build as "column:message".
func gapFindings(b *annualreport.Built) []string {
	var out []string
	for _, f := range b.Findings {
		if f.Code == annualreport.CodeCarryOverGap {
			if f.Severity != annualreport.SevWarning || f.Table != annualreport.TableThree || f.Row != annualreport.ThreeCarriedIn {
				panic("carry-over-gap finding misplaced: " + f.Message)
			}
			out = append(out, f.Col+":"+f.Message)
		}
	}
	return out
}

// After `gongkai report import` of 2024 (4 carried over: 3 自然人, 1 商业企业)
// the platform holds one of them; the 2025 draft asks, per column, for the
// others to be registered, and stops asking once they are.
func TestCarryOverGapAfterImport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		w := newWorld(t, s)
		imp := annualreport.New(2024, annualreport.UnitDepartment, annualreport.Format2021)
		for col, n := range map[string]int64{annualreport.ColPerson: 3, annualreport.ColBusiness: 1, annualreport.ColTotal: 4} {
			_ = imp.SetCount(annualreport.TableThree, annualreport.ThreeCarriedOut, col, n)
		}
		cells, err := annualreport.MarshalCells(imp)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateAnnualReport(ctx, store.AnnualReportRecord{SiteID: w.site, Year: 2024, UnitKind: "department",
			State: store.ReportPublished, Source: store.ReportImported, Cells: cells}); err != nil {
			t.Fatal(err)
		}
		w.app(t, disclosure.Person, workday.NewDate(2024, 12, 20), workday.Date{}, "")
		build := func() *annualreport.Built {
			t.Helper()
			b, err := annualreport.Build(ctx, s, annualreport.BuildOptions{SiteID: w.site, Year: 2025, Unit: annualreport.UnitDepartment})
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		got := gapFindings(build())
		want := []string{
			"自然人:“自然人”列：上年度报告结转3件，平台登记1件，请在依申请公开登记中补录上年结转的申请（按原收到日期）",
			"商业企业:“商业企业”列：上年度报告结转1件，平台登记0件，请在依申请公开登记中补录上年结转的申请（按原收到日期）",
		}
		if !slices.Equal(got, want) {
			t.Fatalf("gaps\n got %q\nwant %q", got, want)
		}

		// Registered with their original dates of receipt (one closed in
		// 2025: it still came in as carried over), the gaps close.
		w.app(t, disclosure.Person, workday.NewDate(2024, 11, 4), workday.Date{}, "")
		w.app(t, disclosure.Person, workday.NewDate(2024, 12, 30), workday.NewDate(2025, 1, 10), disclosure.BasisDisclosed)
		if got := gapFindings(build()); len(got) != 1 || !strings.HasPrefix(got[0], "商业企业:") {
			t.Fatalf("after registering the persons' cases: %q", got)
		}
		w.app(t, disclosure.Business, workday.NewDate(2024, 12, 2), workday.Date{}, "")
		b := build()
		if got := gapFindings(b); len(got) != 0 {
			t.Fatalf("after registering all: %q", got)
		}
		if n := b.Report.Count(annualreport.TableThree, annualreport.ThreeCarriedIn, annualreport.ColTotal); n != 4 {
			t.Errorf("二、上年结转 总计 = %d, want 4", n)
		}
	})
}

// More stored than imported is not a gap (G7 reports the difference), and
// a report the platform built itself is never compared this way.
func TestCarryOverGapsOnlyWhenShort(t *testing.T) {
	prev := annualreport.New(2024, annualreport.UnitDepartment, annualreport.Format2021)
	prev.Imported = true
	_ = prev.SetCount(annualreport.TableThree, annualreport.ThreeCarriedOut, annualreport.ColPerson, 1)
	cur := annualreport.New(2025, annualreport.UnitDepartment, annualreport.Format2021)
	_ = cur.SetCount(annualreport.TableThree, annualreport.ThreeCarriedIn, annualreport.ColPerson, 2)
	if fs := annualreport.CarryOverGaps(prev, cur); len(fs) != 0 {
		t.Errorf("more stored than imported: %+v", fs)
	}
	_ = cur.SetCount(annualreport.TableThree, annualreport.ThreeCarriedIn, annualreport.ColPerson, 0)
	if fs := annualreport.CarryOverGaps(prev, cur); len(fs) != 1 || fs[0].Col != annualreport.ColPerson {
		t.Errorf("short: %+v", fs)
	}
	prev.Imported = false
	if fs := annualreport.CarryOverGaps(prev, cur); len(fs) != 0 {
		t.Errorf("platform-built report: %+v", fs)
	}
	prev.Imported, prev.Year = true, 2023
	if fs := annualreport.CarryOverGaps(prev, cur); len(fs) != 0 {
		t.Errorf("not the year before: %+v", fs)
	}
}
