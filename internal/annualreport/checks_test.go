package annualreport

import (
	"strings"
	"testing"

	"gongkai/internal/disclosure"
)

// balanced is a report where every check holds: 3 received + 1 carried in
// by persons, 2 granted, 1 not held, 1 carried out; one business 部分公开.
func balanced(t *testing.T) *Report {
	t.Helper()
	r := New(2024, UnitDepartment, Format2021)
	set := func(tb Table, row, col string, n int64) {
		t.Helper()
		if err := r.SetCount(tb, row, col, n); err != nil {
			t.Fatal(err)
		}
	}
	set(TableThree, ThreeReceived, ColPerson, 3)
	set(TableThree, ThreeReceived, ColBusiness, 1)
	set(TableThree, ThreeReceived, ColTotal, 4)
	set(TableThree, ThreeCarriedIn, ColPerson, 1)
	set(TableThree, ThreeCarriedIn, ColTotal, 1)
	set(TableThree, ThreeGranted, ColPerson, 2)
	set(TableThree, ThreeGranted, ColTotal, 2)
	set(TableThree, ThreePartial, ColBusiness, 1)
	set(TableThree, ThreePartial, ColTotal, 1)
	set(TableThree, "1.本机关不掌握相关政府信息", ColPerson, 1)
	set(TableThree, "1.本机关不掌握相关政府信息", ColTotal, 1)
	set(TableThree, ThreeTotal, ColPerson, 3)
	set(TableThree, ThreeTotal, ColBusiness, 1)
	set(TableThree, ThreeTotal, ColTotal, 4)
	set(TableThree, ThreeCarriedOut, ColPerson, 1)
	set(TableThree, ThreeCarriedOut, ColTotal, 1)
	set(TableFour, FourReconsideration, ColUpheld, 1)
	set(TableFour, FourReconsideration, ColPending, 1)
	set(TableFour, FourReconsideration, ColTotal, 2)
	set(TableTwo, RowNormative, ColIssued, 4)
	set(TableTwo, RowNormative, ColInForce, 9)
	if err := r.Set(TableTwo, RowAdminFees, ColFeeAmount, FromFen(5_000_000)); err != nil {
		t.Fatal(err)
	}
	return r
}

func codes(fs []Finding) string {
	var s []string
	for _, f := range fs {
		s = append(s, string(f.Code)+":"+string(f.Severity)+":"+string(f.Table)+"/"+f.Row+"/"+f.Col)
	}
	return strings.Join(s, "\n")
}

func TestChecksPassOnBalancedReport(t *testing.T) {
	if fs := Check(balanced(t)); len(fs) != 0 {
		t.Fatalf("findings on a balanced report:\n%s", codes(fs))
	}
}

func TestChecksFindEachBreak(t *testing.T) {
	for _, c := range []struct {
		name   string
		break_ func(r *Report)
		want   string
	}{
		{"G1 balance", func(r *Report) {
			_ = r.SetCount(TableThree, ThreeCarriedOut, ColPerson, 2)
			_ = r.SetCount(TableThree, ThreeCarriedOut, ColTotal, 2)
		}, "balance:error:三/四、结转下年度继续办理/自然人\nbalance:error:三/四、结转下年度继续办理/总计"},
		{"G3 total", func(r *Report) {
			_ = r.SetCount(TableThree, "2.重复申请", ColPerson, 1)
			_ = r.SetCount(TableThree, "2.重复申请", ColTotal, 1)
		}, "total:error:三/（七）总计/自然人\ntotal:error:三/（七）总计/总计"},
		{"G4 row-sum", func(r *Report) { _ = r.SetCount(TableThree, ThreeGranted, ColResearch, 1) },
			"row-sum:error:三/（一）予以公开/总计\ntotal:error:三/（七）总计/科研机构"},
		{"G5 review-sum", func(r *Report) { _ = r.SetCount(TableFour, FourAfter, ColCorrected, 1) },
			"review-sum:error:四/复议后起诉/总计"},
		{"G6 negative", func(r *Report) {
			_ = r.SetCount(TableTwo, RowPenalty, ColDecisions, -1)
		}, "value:error:二/行政处罚/本年处理决定数量"},
		{"G6 fractional count", func(r *Report) {
			_ = r.Set(TableTwo, RowLicensing, ColDecisions, FromFen(500_000))
		}, "value:error:二/行政许可/本年处理决定数量"},
		{"G6 not a number", func(r *Report) {
			_ = r.SetCell(Key{TableFour, FourDirect, ColUpheld}, Cell{Invalid: true, Raw: "/"})
		}, "value:error:四/未经复议直接起诉/结果维持"},
		{"G6 blank", func(r *Report) {
			_ = r.SetCell(Key{TableFour, FourDirect, ColUpheld}, Cell{Blank: true})
		}, "value:warning:四/未经复议直接起诉/结果维持"},
		{"implausible rules", func(r *Report) { _ = r.SetCount(TableTwo, RowRules, ColIssued, 1) },
			"implausible:warning:二/规章/本年制发件数"},
		{"superseded format", func(r *Report) { r.Format = Format2019 }, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := balanced(t)
			c.break_(r)
			got := codes(CheckTables(r))
			if c.name == "superseded format" {
				if !strings.Contains(got, "superseded-format:error") {
					t.Fatalf("got %s", got)
				}
				return
			}
			if got != c.want {
				t.Fatalf("got\n%s\nwant\n%s", got, c.want)
			}
			if HasErrors(CheckTables(r)) != strings.Contains(c.want, ":error:") {
				t.Fatal("HasErrors disagrees with the severities")
			}
		})
	}
}

func TestRulesPlausibleForGovernment(t *testing.T) {
	r := balanced(t)
	r.Unit = UnitGovernment
	_ = r.SetCount(TableTwo, RowRules, ColIssued, 2)
	_ = r.SetCount(TableTwo, RowRules, ColInForce, 2)
	if fs := CheckTables(r); len(fs) != 0 {
		t.Fatalf("government with 规章: %s", codes(fs))
	}
}

func TestCheckAcross(t *testing.T) {
	prev, cur := balanced(t), balanced(t)
	prev.Year = 2023
	_ = prev.SetCount(TableTwo, RowNormative, ColInForce, 5)
	if fs := CheckAcross(prev, cur); len(fs) != 0 { // 5 + 4 − 0 = 9; 四 (1) = 二 (1)
		t.Fatalf("consistent years: %s", codes(fs))
	}
	_ = prev.SetCount(TableThree, ThreeCarriedOut, ColBusiness, 1)
	_ = cur.SetCount(TableTwo, RowNormative, ColRepealed, 1)
	got := codes(CheckAcross(prev, cur))
	want := "carry-over:warning:三/二、上年结转政府信息公开申请数量/商业企业\nin-force:warning:二/行政规范性文件/现行有效件数"
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	prev.Year = 2020
	if CheckAcross(prev, cur) != nil {
		t.Fatal("reports two years apart are not compared")
	}
}

func TestDeadlines(t *testing.T) {
	if d := UnitDepartment.Deadline(2024); d.String() != "2025-01-31" {
		t.Fatal(d)
	}
	if d := UnitGovernment.Deadline(2024); d.String() != "2025-03-31" {
		t.Fatal(d)
	}
}

// format.go repeats the labels disclosure uses for the case-closing dialog;
// they must be the same text.
func TestLabelsAgreeWithDisclosure(t *testing.T) {
	rows := ThreeResultRows(Format2021)
	if len(rows) != len(disclosure.Rows) {
		t.Fatalf("%d result rows, disclosure has %d", len(rows), len(disclosure.Rows))
	}
	for i, r := range disclosure.Rows {
		if rows[i] != r.Label() {
			t.Errorf("row %d: %q vs disclosure %q", i, rows[i], r.Label())
		}
	}
	for i, k := range disclosure.ApplicantKinds {
		if ThreeCols[i] != k.Label() {
			t.Errorf("col %d: %q vs %q", i, ThreeCols[i], k.Label())
		}
	}
	for i, rr := range disclosure.ReviewResults {
		if FourCols[i] != rr.Label() {
			t.Errorf("table 四 col %d", i)
		}
	}
	// 三、本年度办理结果 spans 22 rows in 2021 and 20 in 2019 (spec §2.3, §2.8).
	if n := len(ThreeResultRows(Format2021)) + 1; n != 22 {
		t.Errorf("2021 span %d", n)
	}
	if n := len(ThreeResultRows(Format2019)) + 1; n != 20 {
		t.Errorf("2019 span %d", n)
	}
	if n := len(Keys(Format2021)); n != (2*3+1+2+1)+25*7+15 {
		t.Errorf("2021 has %d cells", n)
	}
	if _, ok := KindOf(Format2021, Key{TableTwo, RowNormative9, ColMade9}); ok {
		t.Error("2019 key accepted in the 2021 format")
	}
	if err := New(2024, UnitDepartment, Format2021).Set(TableTwo, "行政事业型收费", ColFeeAmount, 0); err == nil {
		t.Error("a misspelt label was accepted")
	}
}
