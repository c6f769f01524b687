package store

import (
	"context"
	"fmt"
	"time"
)

// DecisionKind is a line of the administrative-decisions register behind
// table 二 of the annual report (条例第二十条第(五)(六)(八)项).
type DecisionKind string

const (
	DecisionLicense  DecisionKind = "license"  // 行政许可 decisions (第二十条第(五)项)
	DecisionPenalty  DecisionKind = "penalty"  // 行政处罚 decisions (第(六)项)
	DecisionCoercion DecisionKind = "coercion" // 行政强制 decisions (第(六)项)
	DecisionFee      DecisionKind = "fee"      // 行政事业性收费 collected, in 分 (第(八)项)
)

// DecisionKinds lists the kinds in table-二 order.
var DecisionKinds = []DecisionKind{DecisionLicense, DecisionPenalty, DecisionCoercion, DecisionFee}

// Label is the table-二 row label.
func (k DecisionKind) Label() string {
	switch k {
	case DecisionLicense:
		return "行政许可"
	case DecisionPenalty:
		return "行政处罚"
	case DecisionCoercion:
		return "行政强制"
	case DecisionFee:
		return "行政事业性收费"
	}
	return string(k)
}

// Valid reports whether k is known.
func (k DecisionKind) Valid() bool { return k.Label() != string(k) }

// IsAmount reports whether the kind's value is money (分) rather than a count.
func (k DecisionKind) IsAmount() bool { return k == DecisionFee }

// AdminDecision is one cell of the register: an Org's figure for one kind
// in one month. Value is a count, or 分 for DecisionFee.
type AdminDecision struct {
	ID        int64
	SiteID    int64
	OrgID     int64
	Year      int
	Month     int
	Kind      DecisionKind
	Value     int64
	UpdatedBy int64
	UpdatedAt time.Time
}

// Validate checks what the schema would refuse, with a reason fit for a
// per-row import report.
func (d AdminDecision) Validate() error {
	switch {
	case d.SiteID == 0 || d.OrgID == 0:
		return fmt.Errorf("缺少单位或科室")
	case d.Year < 2000 || d.Year > 2200:
		return fmt.Errorf("年份%d无效", d.Year)
	case d.Month < 1 || d.Month > 12:
		return fmt.Errorf("月份%d无效，应为1至12", d.Month)
	case !d.Kind.Valid():
		return fmt.Errorf("类别“%s”无效", d.Kind)
	case d.Value < 0:
		return fmt.Errorf("数值不能为负数")
	}
	return nil
}

// AdminDecisionFilter selects register cells: a site's year, optionally one Org.
type AdminDecisionFilter struct {
	SiteID int64
	Year   int
	OrgID  int64 // 0 = every Org
}

const adminDecisionCols = `id, site_id, org_id, year, month, kind, value, updated_by, updated_at`

func scanAdminDecision(sc scanner) (AdminDecision, error) {
	var d AdminDecision
	var by *int64
	err := sc.Scan(&d.ID, &d.SiteID, &d.OrgID, &d.Year, &d.Month, &d.Kind, &d.Value, &by, &d.UpdatedAt)
	d.UpdatedBy = deref(by)
	return d, mapErr(err)
}

// AdminDecisions lists the register cells of a site's year by Org, month, kind.
// Months never entered are absent (they count as 0).
func (s *Store) AdminDecisions(ctx context.Context, f AdminDecisionFilter) ([]AdminDecision, error) {
	q, args := `SELECT `+adminDecisionCols+` FROM admin_decisions WHERE site_id = ? AND year = ?`, []any{f.SiteID, f.Year}
	if f.OrgID != 0 {
		q, args = q+` AND org_id = ?`, append(args, f.OrgID)
	}
	rows, err := s.query(ctx, q+` ORDER BY org_id, month, kind`, args...)
	return collect(rows, err, scanAdminDecision)
}

// SetAdminDecision stores one cell (insert or overwrite) with who and when.
func (s *Store) SetAdminDecision(ctx context.Context, d AdminDecision) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(c conn) error { return c.setAdminDecision(ctx, d, now()) })
}

func (c conn) setAdminDecision(ctx context.Context, d AdminDecision, at time.Time) error {
	// The same upsert syntax works on SQLite ≥ 3.24 and PostgreSQL.
	_, err := c.exec(ctx, `INSERT INTO admin_decisions (site_id, org_id, year, month, kind, value, updated_by, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (site_id, year, org_id, month, kind) DO UPDATE SET value = excluded.value,
		updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
		d.SiteID, d.OrgID, d.Year, d.Month, string(d.Kind), d.Value, nullID(d.UpdatedBy), at)
	return err
}

// ImportAdminDecisions stores many cells in one transaction: every row is
// validated first and nothing is written unless all are valid, so an
// import is never half done. Each row's Org must belong to the site.
func (s *Store) ImportAdminDecisions(ctx context.Context, siteID, userID int64, ds []AdminDecision) error {
	orgs, err := s.Orgs(ctx, siteID)
	if err != nil {
		return err
	}
	known := map[int64]bool{}
	for _, o := range orgs {
		known[o.ID] = true
	}
	for i, d := range ds {
		if d.SiteID != siteID || !known[d.OrgID] {
			return fmt.Errorf("第%d条：科室不属于本单位", i+1)
		}
		if err := d.Validate(); err != nil {
			return fmt.Errorf("第%d条：%w", i+1, err)
		}
	}
	at := now()
	return s.tx(ctx, func(c conn) error {
		for _, d := range ds {
			d.UpdatedBy = userID
			if err := c.setAdminDecision(ctx, d, at); err != nil {
				return err
			}
		}
		return nil
	})
}

// AdminDecisionTotals sums a site's register for a year per kind: counts,
// and 分 for DecisionFee. Every kind is present, zero included.
func (s *Store) AdminDecisionTotals(ctx context.Context, siteID int64, year int) (map[DecisionKind]int64, error) {
	rows, err := s.query(ctx, `SELECT kind, COALESCE(SUM(value), 0) FROM admin_decisions WHERE site_id = ? AND year = ? GROUP BY kind`,
		siteID, year)
	type sum struct {
		kind DecisionKind
		n    int64
	}
	sums, err := collect(rows, err, func(sc scanner) (sum, error) {
		var x sum
		return x, sc.Scan(&x.kind, &x.n)
	})
	if err != nil {
		return nil, err
	}
	out := map[DecisionKind]int64{}
	for _, k := range DecisionKinds {
		out[k] = 0
	}
	for _, x := range sums {
		out[x.kind] += x.n
	}
	return out, nil
}
