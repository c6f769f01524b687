package store

import (
	"context"
	"fmt"

	"gongkai/internal/catalog"
)

// RegisterCounts is one row of the register of 规章 or 行政规范性文件 for a
// year, as table 二 of the annual report asks (条例第二十条第(一)项:
// 本年制发件数, 本年废止件数, 现行有效件数).
type RegisterCounts struct {
	Genre    catalog.Genre
	Issued   int // published during the year
	Repealed int // repealed (已废止) during the year
	InForce  int // at the end of the year: published and not yet repealed, expired or replaced
}

// NormativeRegister counts a site's rules and normative documents for year.
// A document stops being in force on its validity date when it was
// repealed, expired or amended (the amending document replaces it and is
// counted itself), so past years keep their figures.
func (s *Store) NormativeRegister(ctx context.Context, siteID int64, year int) ([]RegisterCounts, error) {
	start, end := yearStart(year), yearStart(year+1)
	endDay := fmt.Sprintf("%04d-12-31", year)
	startDay := fmt.Sprintf("%04d-01-01", year)
	var out []RegisterCounts
	for _, g := range []catalog.Genre{catalog.GenreRule, catalog.GenreNormative} {
		rc := RegisterCounts{Genre: g}
		err := s.queryRow(ctx, `SELECT
			COALESCE(SUM(CASE WHEN published_at >= ? AND published_at < ? THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN validity = ? AND validity_on >= ? AND validity_on <= ? THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN published_at < ? AND NOT (validity <> ? AND validity_on <> '' AND validity_on <= ?) THEN 1 ELSE 0 END), 0)
			FROM documents WHERE site_id = ? AND genre = ? AND state IN (?, ?)`,
			start, end,
			string(catalog.Repealed), startDay, endDay,
			end, string(catalog.Valid), endDay,
			siteID, string(g), string(catalog.StatePublished), string(catalog.StateWithdrawn)).
			Scan(&rc.Issued, &rc.Repealed, &rc.InForce)
		if err != nil {
			return nil, mapErr(err)
		}
		out = append(out, rc)
	}
	return out, nil
}

// InForce lists a site's rules and normative documents currently in force
// (现行有效), newest first: the register page the 2022 政务公开工作要点 asks
// for (统一的现行有效行政规范性文件库).
func (s *Store) InForce(ctx context.Context, siteID int64) ([]catalog.Document, error) {
	rows, err := s.query(ctx, `SELECT `+documentCols+` FROM documents WHERE site_id = ? AND genre IN (?, ?)
		AND state = ? AND validity = ? ORDER BY published_at DESC, id DESC`,
		siteID, string(catalog.GenreRule), string(catalog.GenreNormative), string(catalog.StatePublished), string(catalog.Valid))
	return collect(rows, err, scanDocument)
}
