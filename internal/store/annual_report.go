package store

import (
	"context"
	"fmt"
	"time"
)

// ReportState is where an annual report is in its workflow (条例第四十九条:
// prepared by the 工作机构, approved by the 分管领导, then published).
type ReportState string

const (
	ReportDraft     ReportState = "draft"     // staff edit the sections; tables computed live
	ReportReviewed  ReportState = "reviewed"  // checked by the 工作机构's head
	ReportApproved  ReportState = "approved"  // approved by the 分管领导; tables frozen
	ReportPublished ReportState = "published" // published in the 年报 column
)

// ReportStates lists the states in workflow order.
var ReportStates = []ReportState{ReportDraft, ReportReviewed, ReportApproved, ReportPublished}

// Label is the Chinese name of the state.
func (s ReportState) Label() string {
	switch s {
	case ReportDraft:
		return "草稿"
	case ReportReviewed:
		return "已审核"
	case ReportApproved:
		return "已批准"
	case ReportPublished:
		return "已发布"
	}
	return string(s)
}

// reportMoves are the allowed transitions: forward one step, or back to
// draft from reviewed or approved (sent back for changes, which unfreezes
// the tables). A published report is final: corrections are a new document.
var reportMoves = map[ReportState][]ReportState{
	ReportDraft:    {ReportReviewed},
	ReportReviewed: {ReportApproved, ReportDraft},
	ReportApproved: {ReportPublished, ReportDraft},
}

// CanMove reports whether a report may go from s to to.
func (s ReportState) CanMove(to ReportState) bool {
	for _, x := range reportMoves[s] {
		if x == to {
			return true
		}
	}
	return false
}

// Report sources.
const (
	ReportBuilt    = "built"    // made in the platform from its records
	ReportImported = "imported" // read from a report published elsewhere (baseline)
)

// AnnualReportRecord is a stored annual report.
type AnnualReportRecord struct {
	ID                      int64
	SiteID                  int64
	Year                    int
	UnitKind                string // annualreport.UnitKind
	UnitName                string
	State                   ReportState
	Source                  string    // ReportBuilt or ReportImported
	Sections                [6]string // 一 … 六
	Cells                   string    // tables as JSON (annualreport.MarshalCells) once frozen or imported; '' = live
	Version                 int64     // optimistic lock of drafts
	CreatedBy, UpdatedBy    int64
	ReviewedBy, ApprovedBy  int64
	PublishedBy, DocumentID int64
	ReviewedAt, ApprovedAt  time.Time
	PublishedAt             time.Time
	CreatedAt, UpdatedAt    time.Time
}

const annualReportCols = `id, site_id, year, unit_kind, unit_name, state, source, section_1, section_2, section_3,
	section_4, section_5, section_6, cells, version, created_by, updated_by, reviewed_by, reviewed_at, approved_by,
	approved_at, published_by, published_at, document_id, created_at, updated_at`

func scanAnnualReport(sc scanner) (AnnualReportRecord, error) {
	var r AnnualReportRecord
	var created, updated, reviewed, approved, published, doc *int64
	var rAt, aAt, pAt nullableTime
	err := sc.Scan(&r.ID, &r.SiteID, &r.Year, &r.UnitKind, &r.UnitName, &r.State, &r.Source, &r.Sections[0],
		&r.Sections[1], &r.Sections[2], &r.Sections[3], &r.Sections[4], &r.Sections[5], &r.Cells, &r.Version,
		&created, &updated, &reviewed, &rAt, &approved, &aAt, &published, &pAt, &doc, &r.CreatedAt, &r.UpdatedAt)
	if err != nil {
		return r, mapErr(err)
	}
	r.CreatedBy, r.UpdatedBy, r.ReviewedBy = deref(created), deref(updated), deref(reviewed)
	r.ApprovedBy, r.PublishedBy, r.DocumentID = deref(approved), deref(published), deref(doc)
	r.ReviewedAt, r.ApprovedAt, r.PublishedAt = rAt.t, aAt.t, pAt.t
	return r, nil
}

// CreateAnnualReport stores a new report (a draft, or a published report
// imported as the baseline of carry-over). One per site and year: a
// second one is ErrConflict.
func (s *Store) CreateAnnualReport(ctx context.Context, r AnnualReportRecord) (int64, error) {
	if r.State == "" {
		r.State = ReportDraft
	}
	if r.Source == "" {
		r.Source = ReportBuilt
	}
	t := now()
	if r.State == ReportPublished && r.PublishedAt.IsZero() {
		r.PublishedAt = t
	}
	return s.insert(ctx, `INSERT INTO annual_reports (site_id, year, unit_kind, unit_name, state, source, section_1,
		section_2, section_3, section_4, section_5, section_6, cells, version, created_by, updated_by, published_by,
		published_at, document_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
		r.SiteID, r.Year, r.UnitKind, r.UnitName, string(r.State), r.Source, r.Sections[0], r.Sections[1], r.Sections[2],
		r.Sections[3], r.Sections[4], r.Sections[5], r.Cells, nullID(r.CreatedBy), nullID(r.CreatedBy),
		nullID(r.PublishedBy), nullTime(r.PublishedAt), nullID(r.DocumentID), t, t)
}

// AnnualReport reads one report.
func (s *Store) AnnualReport(ctx context.Context, id int64) (AnnualReportRecord, error) {
	return scanAnnualReport(s.queryRow(ctx, `SELECT `+annualReportCols+` FROM annual_reports WHERE id = ?`, id))
}

// AnnualReportFor reads a site's report of a year (ErrNotFound if none).
func (s *Store) AnnualReportFor(ctx context.Context, siteID int64, year int) (AnnualReportRecord, error) {
	return scanAnnualReport(s.queryRow(ctx, `SELECT `+annualReportCols+` FROM annual_reports WHERE site_id = ? AND year = ?`,
		siteID, year))
}

// AnnualReportFilter selects reports; zero fields do not filter.
type AnnualReportFilter struct {
	SiteID int64
	State  ReportState
}

// AnnualReports lists reports, newest year first.
func (s *Store) AnnualReports(ctx context.Context, f AnnualReportFilter) ([]AnnualReportRecord, error) {
	q, args := `SELECT `+annualReportCols+` FROM annual_reports WHERE 1 = 1`, []any{}
	if f.SiteID != 0 {
		q, args = q+` AND site_id = ?`, append(args, f.SiteID)
	}
	if f.State != "" {
		q, args = q+` AND state = ?`, append(args, string(f.State))
	}
	rows, err := s.query(ctx, q+` ORDER BY year DESC, site_id`, args...)
	return collect(rows, err, scanAnnualReport)
}

// SaveAnnualReportDraft saves a draft's unit and sections. r.Version must
// be the version that was read: if someone saved in between, or the report
// has left the draft state, nothing is written and ErrConflict is
// returned. It returns the new version.
func (s *Store) SaveAnnualReportDraft(ctx context.Context, r AnnualReportRecord) (int64, error) {
	res, err := s.exec(ctx, `UPDATE annual_reports SET unit_kind = ?, unit_name = ?, section_1 = ?, section_2 = ?,
		section_3 = ?, section_4 = ?, section_5 = ?, section_6 = ?, version = version + 1, updated_by = ?, updated_at = ?
		WHERE id = ? AND version = ? AND state = ?`,
		r.UnitKind, r.UnitName, r.Sections[0], r.Sections[1], r.Sections[2], r.Sections[3], r.Sections[4], r.Sections[5],
		nullID(r.UpdatedBy), now(), r.ID, r.Version, string(ReportDraft))
	if err := oneRow(res, err); err != nil {
		return 0, s.reportConflict(ctx, r.ID, err, notDraft)
	}
	return r.Version + 1, nil
}

// reportConflict tells a missing report (ErrNotFound) from a stale one
// (ErrConflict, saying why) after a guarded write touched no row.
func (s *Store) reportConflict(ctx context.Context, id int64, err error, why string) error {
	if err != ErrNotFound {
		return err
	}
	if _, rerr := s.AnnualReport(ctx, id); rerr != nil {
		return rerr
	}
	return fmt.Errorf("%w: %s", ErrConflict, why)
}

const notDraft = "the report was changed by someone else or is no longer a draft"

// ReportMove is a workflow step of a report.
type ReportMove struct {
	ID      int64
	From    ReportState // the state the user saw; another state is ErrConflict
	To      ReportState
	Version int64 // the version the user saw
	By      int64
	At      time.Time // zero = now
	// Cells freezes the tables on approval (required when To is approved).
	Cells string
	// DocumentID is the published document in the 年报 column (required
	// when To is published).
	DocumentID int64
}

// MoveAnnualReport applies one workflow step with who and when: reviewed
// and approved record their user and time, approval freezes the tables,
// publication links the document, and going back to draft clears the
// review, the approval and the frozen tables.
func (s *Store) MoveAnnualReport(ctx context.Context, m ReportMove) (int64, error) {
	if !m.From.CanMove(m.To) {
		return 0, fmt.Errorf("%w: a report cannot go from %s to %s", ErrConflict, m.From, m.To)
	}
	if m.To == ReportApproved && m.Cells == "" {
		return 0, fmt.Errorf("store: approving a report needs its frozen tables")
	}
	if m.To == ReportPublished && m.DocumentID == 0 {
		return 0, fmt.Errorf("store: publishing a report needs its document")
	}
	at := m.At
	if at.IsZero() {
		at = now()
	}
	set, args := `state = ?, version = version + 1, updated_by = ?, updated_at = ?`, []any{string(m.To), nullID(m.By), now()}
	switch m.To {
	case ReportReviewed:
		set, args = set+`, reviewed_by = ?, reviewed_at = ?`, append(args, nullID(m.By), at)
	case ReportApproved:
		set, args = set+`, approved_by = ?, approved_at = ?, cells = ?`, append(args, nullID(m.By), at, m.Cells)
	case ReportPublished:
		set, args = set+`, published_by = ?, published_at = ?, document_id = ?`, append(args, nullID(m.By), at, m.DocumentID)
	case ReportDraft:
		set += `, reviewed_by = NULL, reviewed_at = NULL, approved_by = NULL, approved_at = NULL, cells = ''`
	}
	res, err := s.exec(ctx, `UPDATE annual_reports SET `+set+` WHERE id = ? AND state = ? AND version = ?`,
		append(args, m.ID, string(m.From), m.Version)...)
	if err := oneRow(res, err); err != nil {
		return 0, s.reportConflict(ctx, m.ID, err, "the report was changed by someone else")
	}
	return m.Version + 1, nil
}

// DeleteAnnualReport removes a draft (e.g. made for the wrong year).
// Reports past draft are records of the workflow and stay.
func (s *Store) DeleteAnnualReport(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM annual_reports WHERE id = ? AND state = ?`, id, string(ReportDraft))
	if err := oneRow(res, err); err != nil {
		return s.reportConflict(ctx, id, err, notDraft)
	}
	return nil
}
