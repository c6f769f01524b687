package store

import (
	"context"

	"gongkai/internal/catalog"
)

const orgCols = `id, site_id, name, duties, phone`

func scanOrg(sc scanner) (catalog.Org, error) {
	var o catalog.Org
	return o, mapErr(sc.Scan(&o.ID, &o.SiteID, &o.Name, &o.Duties, &o.Phone))
}

// CreateOrg stores a 科室.
func (s *Store) CreateOrg(ctx context.Context, o catalog.Org) (int64, error) {
	return s.insert(ctx, `INSERT INTO orgs (site_id, name, duties, phone) VALUES (?, ?, ?, ?)`,
		o.SiteID, o.Name, o.Duties, o.Phone)
}

// UpdateOrg changes a 科室.
func (s *Store) UpdateOrg(ctx context.Context, o catalog.Org) error {
	_, err := s.exec(ctx, `UPDATE orgs SET name=?, duties=?, phone=? WHERE id=?`, o.Name, o.Duties, o.Phone, o.ID)
	return err
}

// Org reads one 科室.
func (s *Store) Org(ctx context.Context, id int64) (catalog.Org, error) {
	return scanOrg(s.queryRow(ctx, `SELECT `+orgCols+` FROM orgs WHERE id = ?`, id))
}

// Orgs lists a site's 科室 by name.
func (s *Store) Orgs(ctx context.Context, siteID int64) ([]catalog.Org, error) {
	rows, err := s.query(ctx, `SELECT `+orgCols+` FROM orgs WHERE site_id = ? ORDER BY id`, siteID)
	return collect(rows, err, scanOrg)
}
