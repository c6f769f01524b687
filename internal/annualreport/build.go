package annualreport

import (
	"context"
	"errors"
	"fmt"

	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
)

// Source is what Build reads: the store's registers and counts. *store.Store
// implements it; tests may too.
type Source interface {
	NormativeRegister(ctx context.Context, siteID int64, year int) ([]store.RegisterCounts, error)
	AdminDecisionTotals(ctx context.Context, siteID int64, year int) (map[store.DecisionKind]int64, error)
	TableThreeCounts(ctx context.Context, f store.TableThreeFilter) (store.TableThree, error)
	ReviewTally(ctx context.Context, f store.ReviewTallyFilter) (map[disclosure.ReviewRoute]map[disclosure.ReviewResult]int, error)
	FeeTallyFor(ctx context.Context, siteID int64, year int) (store.FeeTally, error)
	PublicationCountsFor(ctx context.Context, siteID int64, year int) (store.PublicationCounts, error)
	AnnualReportFor(ctx context.Context, siteID int64, year int) (store.AnnualReportRecord, error)
}

// BuildOptions say whose report and how to count.
type BuildOptions struct {
	SiteID   int64
	Year     int
	Unit     UnitKind // used when no report of the year is stored yet
	UnitName string
	// IncludeEarlierReviews also counts in table 四 the cases filed in
	// earlier years and concluded in Year (spec legal-rules §2.4: most
	// agencies do; a documented setting).
	IncludeEarlierReviews bool
}

// Built is a report with what it was checked against.
type Built struct {
	Report   *Report
	Drafted  map[Section]string // the sections as drafted from the data
	Previous *Report            // last year's stored report; nil when none
	Record   *store.AnnualReportRecord
	Findings []Finding // Check(Report) and CheckAcross(Previous, Report), sorted
}

// Build makes the report of a year. Tables come from the frozen cells when
// the stored report has them (approved, published or imported), otherwise
// live from the records. Sections are the stored ones where staff wrote
// them, else drafted from the data.
func Build(ctx context.Context, src Source, o BuildOptions) (*Built, error) {
	b := &Built{}
	rec, err := src.AnnualReportFor(ctx, o.SiteID, o.Year)
	switch {
	case err == nil:
		b.Record = &rec
	case !errors.Is(err, store.ErrNotFound):
		return nil, err
	}
	if prev, err := src.AnnualReportFor(ctx, o.SiteID, o.Year-1); err == nil {
		if b.Previous, err = loadOrBuild(ctx, src, prev, nil, o); err != nil {
			return nil, fmt.Errorf("annualreport: last year's report: %w", err)
		}
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	if b.Record != nil {
		b.Report, err = loadOrBuild(ctx, src, *b.Record, b.Previous, o)
	} else {
		b.Report = New(o.Year, o.Unit, Format2021)
		b.Report.UnitName = o.UnitName
		err = fillTables(ctx, src, b.Report, b.Previous, o)
	}
	if err != nil {
		return nil, err
	}
	if b.Drafted, err = Draft(ctx, src, b.Report, b.Previous, o); err != nil {
		return nil, err
	}
	for _, s := range Sections {
		if b.Report.Sections[s] == "" {
			b.Report.Sections[s] = b.Drafted[s]
		}
	}
	b.Recheck()
	return b, nil
}

// Recheck runs every check of the built report again: after Build, and
// after staff changed its sections or unit (what they typed, before or
// after saving it), so the page always shows the same set of findings.
func (b *Built) Recheck() {
	b.Findings = append(Check(b.Report), CheckAcross(b.Previous, b.Report)...)
	if b.Record == nil || b.Record.Cells == "" { // live tables: registering the missing cases fixes them
		b.Findings = append(b.Findings, CarryOverGaps(b.Previous, b.Report)...)
	}
	SortFindings(b.Findings)
}

// Load turns a stored record into a Report: its sections and, when frozen
// or imported, its tables (otherwise the tables are all 0; use Build).
func Load(rec store.AnnualReportRecord) (*Report, error) {
	r := New(rec.Year, UnitKind(rec.UnitKind), Format2021)
	r.UnitName, r.Imported = rec.UnitName, rec.Source == store.ReportImported
	for i, s := range rec.Sections {
		if s != "" {
			r.Sections[Section(i+1)] = s
		}
	}
	if rec.Cells != "" {
		if err := UnmarshalCells(r, rec.Cells); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// loadOrBuild reads a stored report, computing its tables live unless
// they are frozen; prev is the report of the year before, if any.
func loadOrBuild(ctx context.Context, src Source, rec store.AnnualReportRecord, prev *Report, o BuildOptions) (*Report, error) {
	r, err := Load(rec)
	if err != nil || rec.Cells != "" {
		return r, err
	}
	o.Year = rec.Year
	return r, fillTables(ctx, src, r, prev, o)
}

// fillTables computes tables 二, 三 and 四 from the records.
func fillTables(ctx context.Context, src Source, r *Report, prev *Report, o BuildOptions) error {
	reg, err := src.NormativeRegister(ctx, o.SiteID, r.Year)
	if err != nil {
		return err
	}
	for _, rc := range reg {
		row := RowNormative
		if rc.Genre == catalog.GenreRule {
			row = RowRules
		}
		inForce := int64(rc.InForce)
		// A report imported from before the platform holds the 现行有效
		// baseline the platform's own documents lack (spec §2.2 continuity).
		if prev != nil && prev.Format == Format2021 && prev.Imported {
			inForce = prev.Count(TableTwo, row, ColInForce) + int64(rc.Issued) - int64(rc.Repealed)
		}
		_ = r.SetCount(TableTwo, row, ColIssued, int64(rc.Issued))
		_ = r.SetCount(TableTwo, row, ColRepealed, int64(rc.Repealed))
		_ = r.SetCount(TableTwo, row, ColInForce, max(inForce, 0))
	}
	dec, err := src.AdminDecisionTotals(ctx, o.SiteID, r.Year)
	if err != nil {
		return err
	}
	_ = r.SetCount(TableTwo, RowLicensing, ColDecisions, dec[store.DecisionLicense])
	_ = r.SetCount(TableTwo, RowPenalty, ColDecisions, dec[store.DecisionPenalty])
	_ = r.SetCount(TableTwo, RowCoercion, ColDecisions, dec[store.DecisionCoercion])
	_ = r.Set(TableTwo, RowAdminFees, ColFeeAmount, FromFen(dec[store.DecisionFee]))

	three, err := src.TableThreeCounts(ctx, store.TableThreeFilter{SiteID: o.SiteID, Year: r.Year})
	if err != nil {
		return err
	}
	setRow := func(row string, counts map[disclosure.ApplicantKind]int) {
		var total int64
		for _, k := range disclosure.ApplicantKinds {
			_ = r.SetCount(TableThree, row, k.Label(), int64(counts[k]))
			total += int64(counts[k])
		}
		_ = r.SetCount(TableThree, row, ColTotal, total)
	}
	setRow(ThreeReceived, three.Received)
	setRow(ThreeCarriedIn, three.CarriedIn)
	setRow(ThreeCarriedOut, three.CarriedOut)
	all := map[disclosure.ApplicantKind]int{}
	for _, row := range disclosure.Rows {
		setRow(row.Label(), three.Results[row])
		for k, n := range three.Results[row] {
			all[k] += n
		}
	}
	setRow(ThreeTotal, all)

	four, err := src.ReviewTally(ctx, store.ReviewTallyFilter{SiteID: o.SiteID, Year: r.Year, IncludeEarlier: o.IncludeEarlierReviews})
	if err != nil {
		return err
	}
	for _, route := range disclosure.ReviewRoutes {
		var total int64
		for _, res := range disclosure.ReviewResults {
			n := int64(four[route][res])
			_ = r.SetCount(TableFour, route.Label(), res.Label(), n)
			total += n
		}
		_ = r.SetCount(TableFour, route.Label(), ColTotal, total)
	}
	return nil
}
