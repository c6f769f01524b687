package store

import (
	"context"
	"database/sql"

	"gongkai/internal/catalog"
)

const siteCols = `id, COALESCE(parent_id, 0), code, name, host, uscc, site_id_code, icp, address, phone, office_hours, is_demo, created_at`

func scanSite(sc scanner) (catalog.Site, error) {
	var s catalog.Site
	err := sc.Scan(&s.ID, &s.ParentID, &s.Code, &s.Name, &s.Host, &s.USCC, &s.SiteIDCode, &s.ICP,
		&s.Address, &s.Phone, &s.OfficeHours, &s.IsDemo, &s.CreatedAt)
	return s, mapErr(err)
}

// CreateSite stores a new site and returns its ID.
func (s *Store) CreateSite(ctx context.Context, x catalog.Site) (int64, error) {
	return s.insert(ctx, `INSERT INTO sites (parent_id, code, name, host, uscc, site_id_code, icp, address, phone, office_hours, is_demo, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, nullID(x.ParentID), x.Code, x.Name, x.Host, x.USCC,
		x.SiteIDCode, x.ICP, x.Address, x.Phone, x.OfficeHours, x.IsDemo, now())
}

// UpdateSite changes a site's descriptive fields.
func (s *Store) UpdateSite(ctx context.Context, x catalog.Site) error {
	_, err := s.exec(ctx, `UPDATE sites SET name=?, host=?, uscc=?, site_id_code=?, icp=?, address=?, phone=?, office_hours=? WHERE id=?`,
		x.Name, x.Host, x.USCC, x.SiteIDCode, x.ICP, x.Address, x.Phone, x.OfficeHours, x.ID)
	return err
}

// Site reads one site.
func (s *Store) Site(ctx context.Context, id int64) (catalog.Site, error) {
	return scanSite(s.queryRow(ctx, `SELECT `+siteCols+` FROM sites WHERE id = ?`, id))
}

// Sites lists every site, the root (parentless) ones first.
func (s *Store) Sites(ctx context.Context) ([]catalog.Site, error) {
	rows, err := s.query(ctx, `SELECT `+siteCols+` FROM sites ORDER BY parent_id IS NOT NULL, id`)
	return collect(rows, err, scanSite)
}

// scanner is what *sql.Row and *sql.Rows share.
type scanner interface{ Scan(...any) error }

// collect scans every row with scan and closes rows.
func collect[T any](rows *sql.Rows, err error, scan func(scanner) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, mapErr(rows.Err())
}
