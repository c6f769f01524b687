package annualreport

import "fmt"

// CodeCarryOverGap: last year's imported report carried more applications
// into this year than the platform holds. G7 (CodeCarryOver) says the two
// figures differ; this finding says what to do about it.
const CodeCarryOverGap Code = "carry-over-gap"

// CarryOverGaps compares last year's imported report (its table 三 row
// 四, 结转下年度继续办理) with this year's row 二 as counted from the
// applications stored in the platform, per applicant column. An
// installation that starts from an imported report holds none of the
// applications that were still open at its 12-31 (spec legal-rules §2.5:
// they are this year's 二 and get their outcome this year); until staff
// register them with their original date of receipt, this year's 二 is
// short and G1/G7 cannot balance. One warning per applicant column that
// is short; the 总计 column follows from them and is left to G7.
//
// Only live tables are compared: once the report is approved its cells
// are frozen and registering applications no longer changes them.
func CarryOverGaps(prev, cur *Report) []Finding {
	if prev == nil || cur == nil || !prev.Imported || prev.Year != cur.Year-1 {
		return nil
	}
	var out []Finding
	for _, col := range ThreeCols {
		if col == ColTotal {
			continue
		}
		want, have := prev.Value(TableThree, ThreeCarriedOut, col), cur.Value(TableThree, ThreeCarriedIn, col)
		if want <= have {
			continue
		}
		out = append(out, Finding{Code: CodeCarryOverGap, Severity: SevWarning, Table: TableThree, Row: ThreeCarriedIn, Col: col,
			Message: fmt.Sprintf("“%s”列：上年度报告结转%s件，平台登记%s件，请在依申请公开登记中补录上年结转的申请（按原收到日期）",
				col, want, have)})
	}
	return out
}
