package store

import (
	"context"

	"gongkai/internal/catalog"
)

const columnCols = `id, site_id, COALESCE(parent_id, 0), slug, name, kind, COALESCE(org_id, 0), description, sort, archived`

func scanColumn(sc scanner) (catalog.Column, error) {
	var c catalog.Column
	err := sc.Scan(&c.ID, &c.SiteID, &c.ParentID, &c.Slug, &c.Name, &c.Kind, &c.OrgID, &c.Description, &c.Sort, &c.Archived)
	return c, mapErr(err)
}

// CreateColumn stores a 栏目.
func (s *Store) CreateColumn(ctx context.Context, c catalog.Column) (int64, error) {
	return s.insert(ctx, `INSERT INTO site_columns (site_id, parent_id, slug, name, kind, org_id, description, sort, archived)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.SiteID, nullID(c.ParentID), c.Slug, c.Name, string(c.Kind),
		nullID(c.OrgID), c.Description, c.Sort, c.Archived)
}

// UpdateColumn changes a 栏目 (not its site or slug, which URLs depend on).
func (s *Store) UpdateColumn(ctx context.Context, c catalog.Column) error {
	_, err := s.exec(ctx, `UPDATE site_columns SET parent_id=?, name=?, kind=?, org_id=?, description=?, sort=?, archived=? WHERE id=?`,
		nullID(c.ParentID), c.Name, string(c.Kind), nullID(c.OrgID), c.Description, c.Sort, c.Archived, c.ID)
	return err
}

// Column reads one 栏目.
func (s *Store) Column(ctx context.Context, id int64) (catalog.Column, error) {
	return scanColumn(s.queryRow(ctx, `SELECT `+columnCols+` FROM site_columns WHERE id = ?`, id))
}

// ColumnBySlug reads a site's 栏目 by its URL slug.
func (s *Store) ColumnBySlug(ctx context.Context, siteID int64, slug string) (catalog.Column, error) {
	return scanColumn(s.queryRow(ctx, `SELECT `+columnCols+` FROM site_columns WHERE site_id = ? AND slug = ?`, siteID, slug))
}

// Columns lists a site's 栏目 in tree order (parents before children by sort).
func (s *Store) Columns(ctx context.Context, siteID int64) ([]catalog.Column, error) {
	rows, err := s.query(ctx, `SELECT `+columnCols+` FROM site_columns WHERE site_id = ? ORDER BY sort, id`, siteID)
	return collect(rows, err, scanColumn)
}
