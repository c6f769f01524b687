package linkage

import (
	"fmt"
	"io"
	"strings"

	"gongkai/internal/xlsxout"
)

// ReportRow is one required item of the monthly repost report.
type ReportRow struct {
	Title       string
	Source      string // the subscription's name
	Link        string // the original
	PublishedOn string
	DueOn       string
	RepostedOn  string // "" while not online
	ProofURL    string
	ProofBy     string
	Verdict     Verdict
}

// Report is a month's required reposts and how each went, kept for the
// inspection ("及时转载", website-rules §2.1 and §4.4 item 4).
type Report struct {
	SiteName string
	Month    string // YYYY-MM
	AsOf     string // the day it was judged
	Rows     []ReportRow
	Tally    Tally
}

// MonthValid reports whether s is a month as YYYY-MM.
func MonthValid(s string) bool {
	if len(s) != 7 || s[4] != '-' {
		return false
	}
	var y, m int
	_, err := fmt.Sscanf(s, "%4d-%2d", &y, &m)
	return err == nil && y >= 2000 && y <= 2100 && m >= 1 && m <= 12 && !strings.ContainsAny(s, "+ ")
}

// WriteReportXLSX writes the report as a workbook: the summary and one
// row per required item.
func WriteReportXLSX(w io.Writer, rep Report) error {
	t := rep.Tally
	rows := [][]any{
		{fmt.Sprintf("%s %s 上级信息转载情况月报（统计截至%s）", rep.SiteName, rep.Month, rep.AsOf)},
		{fmt.Sprintf("应转载%d条：按时转载%d条，逾期转载%d条，逾期未转载%d条，待转载%d条", t.Required, t.OnTime, t.Late, t.Missing, t.Pending)},
		{"序号", "标题", "来源", "原文链接", "原文日期", "应转载日期", "转载日期", "本站链接", "转载人", "情况"},
	}
	for i, r := range rep.Rows {
		rows = append(rows, []any{i + 1, r.Title, r.Source, r.Link, r.PublishedOn, r.DueOn, r.RepostedOn, r.ProofURL, r.ProofBy, r.Verdict.Label()})
	}
	// Two title lines, then the header row.
	return xlsxout.Write(w, xlsxout.Sheet{Name: "转载情况", Widths: []float64{6, 48, 16, 40, 12, 12, 12, 40, 12, 12},
		Rows: rows, Titles: 2})
}
