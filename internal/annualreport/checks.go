package annualreport

import (
	"fmt"
	"sort"
)

// Severity says whether a finding blocks approval (error) or asks a human
// to look (warning).
type Severity string

const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
)

// Label is the severity as printed beside a finding.
func (s Severity) Label() string {
	if s == SevError {
		return "错误"
	}
	return "警告"
}

// Code is a finding's stable identifier (shared with `gongkai lint`).
type Code string

const (
	CodeBalance           Code = "balance"            // G1: 一 + 二 = 三（七） + 四 per column of table 三
	CodeTotal             Code = "total"              // G3: （七）总计 = sum of the result rows
	CodeRowSum            Code = "row-sum"            // G4: 总计 column = the six applicant columns
	CodeReviewSum         Code = "review-sum"         // G5: table 四 block 总计
	CodeValue             Code = "value"              // G6: negative, fractional count, not a number, blank
	CodeCarryOver         Code = "carry-over"         // G7: this year's 二 = last year's 四
	CodeInForce           Code = "in-force"           // §2.2: 现行有效 ≈ last year's + 制发 − 废止
	CodeNarrativeMismatch Code = "narrative-mismatch" // a number in the text contradicts a cell
	CodeNarrativeSum      Code = "narrative-sum"      // the text's parts do not add up to its total
	CodeImplausible       Code = "implausible"        // e.g. 规章 from a unit without 规章 power
	CodeSupersededFormat  Code = "superseded-format"  // 2019 layout for a year ≥ 2021
	CodeLabel             Code = "label"              // non-canonical or misspelt label (linter)
	CodeTruncated         Code = "truncated"          // tables cut short (linter)
	CodePlaceholder       Code = "placeholder"        // unfilled template text, missing year
	CodeYear              Code = "year"               // figures attributed to the wrong year
)

// Finding is one check result with its location: a cell (Table, Row, Col)
// or a place in a section's text (Section, Quote).
type Finding struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	Table    Table    `json:"table,omitempty"`
	Row      string   `json:"row,omitempty"`
	Col      string   `json:"col,omitempty"`
	Section  Section  `json:"section,omitempty"`
	Quote    string   `json:"quote,omitempty"` // the narrative text the finding is about
	Message  string   `json:"message"`
}

// HasErrors reports whether any finding is an error (approval is blocked).
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == SevError {
			return true
		}
	}
	return false
}

// Check runs every check on one report: G3–G6 on the tables, G1, the
// plausibility and format checks, and the narrative numbers. G2 is a
// counting rule (a 部分公开 case counts only in （二）) enforced where the
// cases are counted (disclosure.RowOf), not visible in the totals.
func Check(r *Report) []Finding {
	out := CheckTables(r)
	out = append(out, CheckNarrative(r)...)
	return out
}

// CheckTables runs the arithmetic and value checks G1 and G3–G6 and the
// report-level checks (implausible 规章, superseded format).
func CheckTables(r *Report) []Finding {
	var out []Finding
	out = append(out, checkValues(r)...)
	out = append(out, checkThree(r)...)
	out = append(out, checkFour(r)...)
	if r.Format == Format2019 && r.Year >= FirstYear2021 {
		out = append(out, Finding{Code: CodeSupersededFormat, Severity: SevError,
			Message: fmt.Sprintf("%d年度报告使用了已废止的2019年试行格式（国办公开办函〔2019〕60号），应使用国办公开办函〔2021〕30号格式", r.Year)})
	}
	if !r.Unit.MayIssueRules() && r.Unit.Valid() {
		for _, c := range TwoBlocks(r.Format)[0].Cols {
			if v := r.Value(TableTwo, RowRules, c); v > 0 {
				out = append(out, Finding{Code: CodeImplausible, Severity: SevWarning, Table: TableTwo, Row: RowRules, Col: c,
					Message: fmt.Sprintf("%s无规章制定权，规章“%s”却为%s，请核实", r.Unit.Label(), c, v)})
			}
		}
	}
	return out
}

// G6: counts are non-negative integers, amounts non-negative decimals;
// blanks read as 0 but are flagged.
func checkValues(r *Report) []Finding {
	var out []Finding
	for _, k := range r.Keys() {
		c := r.cells[k]
		kind, _ := KindOf(r.Format, k)
		at := Finding{Code: CodeValue, Severity: SevError, Table: k.Table, Row: k.Row, Col: k.Col}
		switch {
		case c.Invalid:
			at.Message = fmt.Sprintf("表%s“%s”“%s”不是数字：“%s”", k.Table, k.Row, k.Col, c.Raw)
		case c.Blank:
			at.Severity = SevWarning
			at.Message = fmt.Sprintf("表%s“%s”“%s”为空，按0计；应填写0", k.Table, k.Row, k.Col)
		case c.Value < 0 && kind != KindDelta:
			at.Message = fmt.Sprintf("表%s“%s”“%s”为负数（%s）", k.Table, k.Row, k.Col, c.Value)
		case !c.Value.IsInt() && kind != KindAmount:
			at.Message = fmt.Sprintf("表%s“%s”“%s”应为整数，实为%s", k.Table, k.Row, k.Col, c.Value)
		default:
			continue
		}
		out = append(out, at)
	}
	return out
}

// checkThree runs G4 (every row), G3 (every column) and G1 (every column).
func checkThree(r *Report) []Finding {
	var out []Finding
	v := func(row, col string) Amount { return r.Value(TableThree, row, col) }
	for _, row := range ThreeRows(r.Format) {
		var sum Amount
		for _, c := range ThreeCols[:6] {
			sum += v(row, c)
		}
		if got := v(row, ColTotal); got != sum {
			out = append(out, Finding{Code: CodeRowSum, Severity: SevError, Table: TableThree, Row: row, Col: ColTotal,
				Message: fmt.Sprintf("表三“%s”的总计为%s，但自然人与各类法人或其他组织之和为%s", row, got, sum)})
		}
	}
	for _, col := range ThreeCols {
		var sum Amount
		for _, row := range ThreeResultRows(r.Format) {
			sum += v(row, col)
		}
		if got := v(ThreeTotal, col); got != sum {
			out = append(out, Finding{Code: CodeTotal, Severity: SevError, Table: TableThree, Row: ThreeTotal, Col: col,
				Message: fmt.Sprintf("表三“%s”列（七）总计为%s，但各项办理结果之和为%s", col, got, sum)})
		}
		in := v(ThreeReceived, col) + v(ThreeCarriedIn, col)
		outN := v(ThreeTotal, col) + v(ThreeCarriedOut, col)
		if in != outN {
			out = append(out, Finding{Code: CodeBalance, Severity: SevError, Table: TableThree, Row: ThreeCarriedOut, Col: col,
				Message: fmt.Sprintf("表三“%s”列不平衡：本年新收%s＋上年结转%s＝%s，办理结果总计%s＋结转下年度%s＝%s",
					col, v(ThreeReceived, col), v(ThreeCarriedIn, col), in, v(ThreeTotal, col), v(ThreeCarriedOut, col), outN)})
		}
	}
	return out
}

// G5: in each block of table 四, 总计 = 维持 + 纠正 + 其他 + 尚未审结.
func checkFour(r *Report) []Finding {
	var out []Finding
	for _, b := range FourBlocks {
		var sum Amount
		for _, c := range FourCols[:4] {
			sum += r.Value(TableFour, b, c)
		}
		if got := r.Value(TableFour, b, ColTotal); got != sum {
			out = append(out, Finding{Code: CodeReviewSum, Severity: SevError, Table: TableFour, Row: b, Col: ColTotal,
				Message: fmt.Sprintf("表四“%s”总计为%s，但结果维持、结果纠正、其他结果、尚未审结之和为%s", b, got, sum)})
		}
	}
	return out
}

// CheckAcross compares a report with the previous year's (G7 and the
// 现行有效 continuity of §2.2). Both are warnings: the format does not
// state them, and amendments or expiry legitimately move 现行有效.
func CheckAcross(prev, cur *Report) []Finding {
	if prev == nil || cur == nil || prev.Year != cur.Year-1 {
		return nil
	}
	var out []Finding
	for _, col := range ThreeCols {
		last, now := prev.Value(TableThree, ThreeCarriedOut, col), cur.Value(TableThree, ThreeCarriedIn, col)
		if last != now {
			out = append(out, Finding{Code: CodeCarryOver, Severity: SevWarning, Table: TableThree, Row: ThreeCarriedIn, Col: col,
				Message: fmt.Sprintf("表三“%s”列上年结转为%s，但%d年度报告的结转下年度继续办理为%s", col, now, prev.Year, last)})
		}
	}
	if prev.Format != Format2021 || cur.Format != Format2021 {
		return out
	}
	for _, row := range []string{RowRules, RowNormative} {
		want := prev.Value(TableTwo, row, ColInForce) + cur.Value(TableTwo, row, ColIssued) - cur.Value(TableTwo, row, ColRepealed)
		if got := cur.Value(TableTwo, row, ColInForce); got != want {
			out = append(out, Finding{Code: CodeInForce, Severity: SevWarning, Table: TableTwo, Row: row, Col: ColInForce,
				Message: fmt.Sprintf("%s现行有效件数为%s，按上年现行有效%s＋本年制发%s－本年废止%s应为%s；如有修改、失效请核实",
					row, got, prev.Value(TableTwo, row, ColInForce), cur.Value(TableTwo, row, ColIssued),
					cur.Value(TableTwo, row, ColRepealed), want)})
		}
	}
	return out
}

// SortFindings orders findings errors first, then by table, section, code,
// so reports and exports are stable.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Severity != b.Severity {
			return a.Severity == SevError
		}
		if a.Table != b.Table {
			return a.Table < b.Table
		}
		if a.Section != b.Section {
			return a.Section < b.Section
		}
		return a.Code < b.Code
	})
}
