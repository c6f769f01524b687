package store

import (
	"context"

	"gongkai/internal/disclosure"
	"gongkai/internal/workday"
)

// TableThree holds the counts of one year's table 三 per applicant kind
// (国办公开办函〔2021〕30号; spec legal-rules §2.5). An application counts
// in 一 in the year it was received (条例第三十一条 date), in 三 under the
// row of its legal basis in the year it was closed, and in 四 of every
// year-end it was still open at (and in 二 of the next year). Items split
// off by 一事一申请 (ParentID) are not counted again: the report keeps the
// raw application count.
type TableThree struct {
	Year       int
	Received   map[disclosure.ApplicantKind]int                    // 一、本年新收
	CarriedIn  map[disclosure.ApplicantKind]int                    // 二、上年结转
	Results    map[disclosure.Row]map[disclosure.ApplicantKind]int // 三、本年度办理结果
	CarriedOut map[disclosure.ApplicantKind]int                    // 四、结转下年度继续办理
}

// TableThreeFilter selects the applications of one report.
type TableThreeFilter struct {
	SiteID int64 // 0 = every site
	Year   int
}

// TableThreeCounts counts table 三 from the stored applications. Every
// cell is there, zero included, so G1 (一 + 二 = 三（七） + 四 per column)
// can be checked directly.
func (s *Store) TableThreeCounts(ctx context.Context, f TableThreeFilter) (TableThree, error) {
	start := workday.NewDate(f.Year, 1, 1).String()
	end := workday.NewDate(f.Year, 12, 31).String()
	t := TableThree{Year: f.Year, Received: kindMap(), CarriedIn: kindMap(), CarriedOut: kindMap(),
		Results: map[disclosure.Row]map[disclosure.ApplicantKind]int{}}
	for _, r := range disclosure.Rows {
		t.Results[r] = kindMap()
	}
	site, siteArgs := ``, []any{}
	if f.SiteID != 0 {
		site, siteArgs = ` AND site_id = ?`, []any{f.SiteID}
	}
	base := ` FROM applications WHERE parent_id IS NULL` + site
	count := func(dst map[disclosure.ApplicantKind]int, cond string, args ...any) error {
		rows, err := s.query(ctx, `SELECT applicant_kind, COUNT(*)`+base+` AND `+cond+` GROUP BY applicant_kind`,
			append(append([]any{}, siteArgs...), args...)...)
		cells, err := collect(rows, err, scanKindCount)
		for _, c := range cells {
			dst[c.kind] += c.n
		}
		return err
	}
	if err := count(t.Received, `received_on >= ? AND received_on <= ?`, start, end); err != nil {
		return t, err
	}
	if err := count(t.CarriedIn, `received_on < ? AND (closed = ? OR closed_on >= ?)`, start, false, start); err != nil {
		return t, err
	}
	if err := count(t.CarriedOut, `received_on <= ? AND (closed = ? OR closed_on > ?)`, end, false, end); err != nil {
		return t, err
	}
	rows, err := s.query(ctx, `SELECT table_row, applicant_kind, COUNT(*)`+base+` AND closed = ? AND closed_on >= ? AND closed_on <= ?
		GROUP BY table_row, applicant_kind`, append(siteArgs, true, start, end)...)
	type cell struct {
		row  disclosure.Row
		kind disclosure.ApplicantKind
		n    int
	}
	cells, err := collect(rows, err, func(sc scanner) (cell, error) {
		var c cell
		return c, sc.Scan(&c.row, &c.kind, &c.n)
	})
	if err != nil {
		return t, err
	}
	for _, c := range cells {
		if t.Results[c.row] == nil {
			t.Results[c.row] = kindMap()
		}
		t.Results[c.row][c.kind] += c.n
	}
	return t, nil
}

type kindCount struct {
	kind disclosure.ApplicantKind
	n    int
}

func scanKindCount(sc scanner) (kindCount, error) {
	var c kindCount
	return c, sc.Scan(&c.kind, &c.n)
}

func kindMap() map[disclosure.ApplicantKind]int {
	m := make(map[disclosure.ApplicantKind]int, len(disclosure.ApplicantKinds))
	for _, k := range disclosure.ApplicantKinds {
		m[k] = 0
	}
	return m
}
