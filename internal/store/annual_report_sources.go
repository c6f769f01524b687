package store

import (
	"context"
	"fmt"

	"gongkai/internal/catalog"
)

// PublicationCounts is what a site published proactively in a year, for
// the 主动公开 sentence of the annual report ("主动公开信息N条，其中网站…条、
// 政务微信…条"): documents on the website and channel records (政务微信,
// 报纸…) dated in the year, each channel publication counted once.
type PublicationCounts struct {
	Website  int
	Channels map[catalog.Channel]int // every catalog.Channels entry, zero included
	// Late counts the documents published after the 20 working days of
	// 条例第二十六条 (late_workdays > 0): a problem for section 五.
	Late int
}

// Total is the website plus every channel.
func (p PublicationCounts) Total() int {
	n := p.Website
	for _, c := range p.Channels {
		n += c
	}
	return n
}

// PublicationCountsFor counts a site's publications of year. Withdrawn
// documents were published that year and still count.
func (s *Store) PublicationCountsFor(ctx context.Context, siteID int64, year int) (PublicationCounts, error) {
	p := PublicationCounts{Channels: map[catalog.Channel]int{}}
	for _, c := range catalog.Channels {
		p.Channels[c] = 0
	}
	start, end := yearStart(year), yearStart(year+1)
	states := []any{string(catalog.StatePublished), string(catalog.StateWithdrawn)}
	err := s.queryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN late_workdays > 0 THEN 1 ELSE 0 END), 0)
		FROM documents WHERE site_id = ? AND state IN (?, ?) AND published_at >= ? AND published_at < ?`,
		append([]any{siteID}, append(states, start, end)...)...).Scan(&p.Website, &p.Late)
	if err != nil {
		return p, mapErr(err)
	}
	rows, err := s.query(ctx, `SELECT c.channel, COUNT(*) FROM document_channels c JOIN documents d ON d.id = c.document_id
		WHERE d.site_id = ? AND d.state IN (?, ?) AND c.date >= ? AND c.date <= ? GROUP BY c.channel`,
		siteID, states[0], states[1], fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year))
	type cnt struct {
		ch catalog.Channel
		n  int
	}
	cs, err := collect(rows, err, func(sc scanner) (cnt, error) {
		var c cnt
		return c, sc.Scan(&c.ch, &c.n)
	})
	for _, c := range cs {
		p.Channels[c.ch] += c.n
	}
	return p, err
}
