package store

import (
	"context"
	"time"
)

// FAQ is an entry of the assistant's knowledge base, edited by staff.
type FAQ struct {
	ID        int64
	SiteID    int64 // 0: every site
	Question  string
	Keywords  string // other ways people ask, space-separated
	Answer    string
	Basis     string // 依据, e.g. 《政府信息公开条例》第四十二条
	Link      string // a path of the site, e.g. /guide
	Enabled   bool
	UpdatedAt time.Time
}

const faqCols = `id, COALESCE(site_id, 0), question, keywords, answer, basis, link, enabled, updated_at`

func scanFAQ(sc scanner) (FAQ, error) {
	var f FAQ
	return f, sc.Scan(&f.ID, &f.SiteID, &f.Question, &f.Keywords, &f.Answer, &f.Basis, &f.Link, &f.Enabled, &f.UpdatedAt)
}

// FAQs lists a site's entries and those of every site; enabledOnly leaves
// out the switched-off ones.
func (s *Store) FAQs(ctx context.Context, siteID int64, enabledOnly bool) ([]FAQ, error) {
	q := `SELECT ` + faqCols + ` FROM faqs WHERE (site_id IS NULL OR site_id = ?)`
	if enabledOnly {
		q += ` AND enabled = TRUE`
	}
	rows, err := s.query(ctx, q+` ORDER BY id`, siteID)
	return collect(rows, err, scanFAQ)
}

// FAQ reads one entry.
func (s *Store) FAQ(ctx context.Context, id int64) (FAQ, error) {
	return scanFAQ(s.queryRow(ctx, `SELECT `+faqCols+` FROM faqs WHERE id = ?`, id))
}

// SaveFAQ creates (ID 0) or updates an entry.
func (s *Store) SaveFAQ(ctx context.Context, f FAQ) (int64, error) {
	if f.ID == 0 {
		return s.insert(ctx, `INSERT INTO faqs (site_id, question, keywords, answer, basis, link, enabled, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, nullID(f.SiteID), f.Question, f.Keywords, f.Answer, f.Basis, f.Link, f.Enabled, now())
	}
	res, err := s.exec(ctx, `UPDATE faqs SET site_id = ?, question = ?, keywords = ?, answer = ?, basis = ?, link = ?, enabled = ?,
		updated_at = ? WHERE id = ?`, nullID(f.SiteID), f.Question, f.Keywords, f.Answer, f.Basis, f.Link, f.Enabled, now(), f.ID)
	return f.ID, oneRow(res, err)
}
