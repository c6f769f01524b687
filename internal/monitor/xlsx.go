package monitor

import (
	"fmt"
	"io"

	"gongkai/internal/xlsxout"
)

// WriteInspectionXLSX writes the inspection report as a workbook: the
// result with the veto items and deductions, the columns, and the open
// findings.
func WriteInspectionXLSX(w io.Writer, in Inspection) error {
	summary := [][]any{{"项目", "结果", "说明"},
		{"网站", in.Site.Name, ""},
		{"检查时间", in.At.In(china).Format("2006-01-02 15:04"), ""},
		{"得分", in.Score.Points, in.Score.Verdict()}}
	for _, v := range in.Score.Vetoes {
		summary = append(summary, []any{fmt.Sprintf("单项否决%d：%s", v.No, v.Name), v.Status, v.Detail})
	}
	for _, d := range in.Score.Deductions {
		summary = append(summary, []any{"扣分：" + d.Name, -d.Points, fmt.Sprintf("%d项，最多扣%g分", d.Count, d.Cap)})
	}
	cols := [][]any{{"栏目", "类型", "负责科室", "更新周期（天）", "信息条数", "最近更新", "距超期（天）", "状态"}}
	for _, c := range in.Columns {
		last, left, window := "", any(""), any("")
		if !c.Last.IsZero() {
			last = day(c.Last)
		}
		if c.Window > 0 {
			window = c.Window
			if c.Published > 0 {
				left = c.DaysLeft
			}
		}
		cols = append(cols, []any{c.Column.Name, string(c.Column.Kind), c.Org, window, c.Published, last, left, c.State.Label()})
	}
	issues := [][]any{{"性质", "检查项", "问题", "地址", "所在页面", "说明", "首次发现"}}
	for _, x := range in.Findings {
		issues = append(issues, []any{SeverityLabel(x.Severity), TitleOf(x.Check), x.Message, x.URL, x.Source, x.Detail,
			x.FirstSeen.In(china).Format("2006-01-02")})
	}
	return xlsxout.Write(w, xlsxout.Sheet{Name: "总体情况", Widths: []float64{46, 22, 50}, Rows: summary},
		xlsxout.Sheet{Name: "栏目更新", Widths: []float64{24, 14, 16, 14, 10, 12, 12, 14}, Rows: cols},
		xlsxout.Sheet{Name: "问题清单", Widths: []float64{10, 18, 60, 40, 40, 40, 12}, Rows: issues})
}

// WriteBulletinXLSX writes the 通报 as a workbook.
func WriteBulletinXLSX(w io.Writer, b Bulletin) error {
	rows := [][]any{{"排名", "科室", "报送（提交审核）", "采用（发布）", "退回", "按时发布", "超期发布", "待核算", "按时发布率",
		"负责栏目", "超期栏目", "空白栏目", "即将超期栏目"}}
	for _, r := range b.Rows {
		rows = append(rows, []any{r.Rank, r.Org.Name, r.Counts.Submitted, r.Counts.Published, r.Counts.Rejected, r.Counts.OnTime,
			r.Counts.Late, r.Counts.Unknown, r.OnTime, len(r.Columns), r.Stale, r.Blank, r.Due})
	}
	t := b.Total
	rows = append(rows, []any{"", "合计", t.Submitted, t.Published, t.Rejected, t.OnTime, t.Late, t.Unknown, "", "", "", "", ""},
		[]any{}, []any{b.Title}, []any{RankingRule})
	cols := [][]any{{"科室", "栏目", "类型", "更新周期（天）", "最近更新", "状态"}}
	for _, r := range b.Rows {
		for _, c := range r.Columns {
			last := ""
			if !c.Last.IsZero() {
				last = day(c.Last)
			}
			cols = append(cols, []any{r.Org.Name, c.Column.Name, string(c.Column.Kind), c.Window, last, c.State.Label()})
		}
	}
	return xlsxout.Write(w, xlsxout.Sheet{Name: "通报", Widths: []float64{6, 18, 16, 12, 8, 10, 10, 8, 12, 10, 10, 10, 12}, Rows: rows},
		xlsxout.Sheet{Name: "栏目情况", Widths: []float64{18, 24, 14, 14, 12, 14}, Rows: cols})
}
