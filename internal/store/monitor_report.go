package store

import (
	"context"
	"time"

	"gongkai/internal/catalog"
)

// OrgCounts is one 科室's line of the quarterly 通报 for a period.
type OrgCounts struct {
	OrgID     int64 // 0: documents without a 科室
	Submitted int   // documents sent for review (提交审核) in the period
	Rejected  int   // documents sent back (退回) in the period
	Published int   // documents that went online in the period (采用)
	OnTime    int   // of those, within the 20 working days of 条例第二十六条
	Late      int   // of those, later than the 20 working days
	Unknown   int   // of those, not yet computable (the calendar lacked a year)
}

// OrgCounts counts, per 科室 of a site, what was submitted, rejected and
// published between from (inclusive) and to (exclusive). A document counts
// once per kind of event however often it went round the review loop.
// Documents withdrawn later still count as published in the period.
func (s *Store) OrgCounts(ctx context.Context, siteID int64, from, to time.Time) (map[int64]OrgCounts, error) {
	out := map[int64]OrgCounts{}
	get := func(org int64) OrgCounts { c := out[org]; c.OrgID = org; return c }
	type pair struct {
		org int64
		n   int
	}
	scanPair := func(sc scanner) (pair, error) {
		var p pair
		return p, sc.Scan(&p.org, &p.n)
	}
	for _, act := range []catalog.Action{catalog.ActSubmit, catalog.ActReject} {
		rows, err := s.query(ctx, `SELECT COALESCE(d.org_id, 0), COUNT(DISTINCT r.document_id) FROM document_reviews r
			JOIN documents d ON d.id = r.document_id
			WHERE d.site_id = ? AND r.action = ? AND r.at >= ? AND r.at < ? GROUP BY COALESCE(d.org_id, 0)`,
			siteID, string(act), from.UTC(), to.UTC())
		pairs, err := collect(rows, err, scanPair)
		if err != nil {
			return nil, err
		}
		for _, p := range pairs {
			c := get(p.org)
			if act == catalog.ActSubmit {
				c.Submitted = p.n
			} else {
				c.Rejected = p.n
			}
			out[p.org] = c
		}
	}
	rows, err := s.query(ctx, `SELECT COALESCE(d.org_id, 0), COUNT(*),
		COALESCE(SUM(CASE WHEN d.late_workdays > 0 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN d.late_workdays = 0 AND EXISTS (SELECT 1 FROM document_flags f WHERE f.document_id = d.id
			AND f.kind = ? AND f.resolved_at IS NULL) THEN 1 ELSE 0 END), 0)
		FROM documents d WHERE d.site_id = ? AND d.state IN (?, ?) AND d.published_at >= ? AND d.published_at < ?
		GROUP BY COALESCE(d.org_id, 0)`,
		FlagLateUnknown, siteID, string(catalog.StatePublished), string(catalog.StateWithdrawn), from.UTC(), to.UTC())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var org int64
		var pub, late, unknown int
		if err := rows.Scan(&org, &pub, &late, &unknown); err != nil {
			return nil, mapErr(err)
		}
		c := get(org)
		c.Published, c.Late, c.Unknown = pub, late, unknown
		c.OnTime = pub - late - unknown
		out[org] = c
	}
	return out, mapErr(rows.Err())
}
