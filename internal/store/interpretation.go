package store

import (
	"context"
	"fmt"

	"gongkai/internal/catalog"
	"gongkai/internal/interact"
)

// InterpretationLink is an interpretation with the titles both pages show
// (双向关联: the policy lists its interpretations, an interpretation
// document names its policy).
type InterpretationLink struct {
	interact.Interpretation
	DocTitle    string        // the interpretation document's title, when it is one
	DocState    catalog.State // only a published document is linked on the portal
	PolicyTitle string
	PolicyState catalog.State
}

// LinkTitle is what a link shows: the document's title or the typed one.
func (l InterpretationLink) LinkTitle() string {
	if l.DocumentID != 0 && l.DocTitle != "" {
		return l.DocTitle
	}
	return l.Title
}

const interpretationCols = `i.id, i.site_id, i.policy_id, i.form, COALESCE(i.document_id, 0), i.title, i.url, i.published_on,
	i.created_at, COALESCE(d.title, ''), COALESCE(d.state, ''), p.title, p.state`

const interpretationFrom = ` FROM interpretations i JOIN documents p ON p.id = i.policy_id
	LEFT JOIN documents d ON d.id = i.document_id`

func scanInterpretation(sc scanner) (InterpretationLink, error) {
	var l InterpretationLink
	err := sc.Scan(&l.ID, &l.SiteID, &l.PolicyID, &l.Form, &l.DocumentID, &l.Title, &l.URL, &l.PublishedOn,
		&l.CreatedAt, &l.DocTitle, &l.DocState, &l.PolicyTitle, &l.PolicyState)
	return l, mapErr(err)
}

// CreateInterpretation links a policy document to an interpretation. The
// same document linked twice to the same policy is a conflict.
func (s *Store) CreateInterpretation(ctx context.Context, i interact.Interpretation) (int64, error) {
	var id int64
	err := s.tx(ctx, func(c conn) error {
		if i.DocumentID != 0 {
			var n int
			if err := c.queryRow(ctx, `SELECT COUNT(*) FROM interpretations WHERE policy_id = ? AND document_id = ?`,
				i.PolicyID, i.DocumentID).Scan(&n); err != nil {
				return mapErr(err)
			}
			if n > 0 {
				return fmt.Errorf("%w: document %d already interprets %d", ErrConflict, i.DocumentID, i.PolicyID)
			}
		}
		var err error
		id, err = c.insert(ctx, `INSERT INTO interpretations (site_id, policy_id, form, document_id, title, url, published_on, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, i.SiteID, i.PolicyID, string(i.Form), nullID(i.DocumentID), i.Title, i.URL,
			i.PublishedOn, now())
		return err
	})
	return id, err
}

// DeleteInterpretation removes a link (the documents stay).
func (s *Store) DeleteInterpretation(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM interpretations WHERE id = ?`, id)
	return oneRow(res, err)
}

// Interpretation reads one link.
func (s *Store) Interpretation(ctx context.Context, id int64) (InterpretationLink, error) {
	return scanInterpretation(s.queryRow(ctx, `SELECT `+interpretationCols+interpretationFrom+` WHERE i.id = ?`, id))
}

// InterpretationsOf lists the links a document's page shows: its
// interpretations when it is a policy, and the policies it interprets.
func (s *Store) InterpretationsOf(ctx context.Context, docID int64) ([]InterpretationLink, error) {
	rows, err := s.query(ctx, `SELECT `+interpretationCols+interpretationFrom+
		` WHERE i.policy_id = ? OR i.document_id = ? ORDER BY i.published_on, i.id`, docID, docID)
	return collect(rows, err, scanInterpretation)
}

// Interpretations lists a site's links of one year (by the date the
// interpretation came out; 0 = all), newest first.
func (s *Store) Interpretations(ctx context.Context, siteID int64, year int) ([]InterpretationLink, error) {
	q, args := ` WHERE i.site_id = ?`, []any{siteID}
	if year != 0 {
		q, args = q+` AND i.published_on >= ? AND i.published_on < ?`, append(args, fmt.Sprintf("%04d-", year), fmt.Sprintf("%04d-", year+1))
	}
	rows, err := s.query(ctx, `SELECT `+interpretationCols+interpretationFrom+q+` ORDER BY i.published_on DESC, i.id DESC`, args...)
	return collect(rows, err, scanInterpretation)
}

// UninterpretedPolicies lists a site's published policy documents
// (interact.IsPolicy: 规章, 行政规范性文件 and documents of 政策文件
// columns) that have no interpretation yet, oldest publication first.
func (s *Store) UninterpretedPolicies(ctx context.Context, siteID int64) ([]catalog.Document, error) {
	rows, err := s.query(ctx, `SELECT `+documentHeadCols+` FROM documents d WHERE site_id = ? AND state = ?
		AND (genre IN (?, ?) OR column_id IN (SELECT id FROM site_columns WHERE kind = ?))
		AND NOT EXISTS (SELECT 1 FROM interpretations i WHERE i.policy_id = d.id)
		ORDER BY published_at, id`, siteID, string(catalog.StatePublished), string(catalog.GenreRule),
		string(catalog.GenreNormative), string(catalog.KindPolicy))
	return collect(rows, err, scanDocumentHead)
}
