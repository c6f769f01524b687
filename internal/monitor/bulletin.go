package monitor

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// Bulletin is the 通报 of a period (a quarter, or any date range): per 科室,
// what it submitted, what was adopted (published) and sent back, what went
// online within the 20 working days of 条例第二十六条, the columns it owns
// and their state, and its rank.
type Bulletin struct {
	Site     catalog.Site
	From, To string // inclusive dates, YYYY-MM-DD
	Title    string
	Rows     []BulletinRow
	Total    store.OrgCounts
	Chart    BarChart
}

// BulletinRow is one 科室's line.
type BulletinRow struct {
	Org     catalog.Org // ID 0: documents of no 科室
	Counts  store.OrgCounts
	OnTime  string // on-time rate, "—" when nothing was published
	Columns []ColumnStatus
	Stale   int // columns past their window
	Blank   int // blank columns
	Due     int // columns crossing their window soon
	Rank    int
}

// ColumnProblems is the number of the 科室's columns that are stale or blank.
func (r BulletinRow) ColumnProblems() int { return r.Stale + r.Blank }

// QuarterRange is the first day of quarter q of year and the day after its
// last, in China time.
func QuarterRange(year, q int) (time.Time, time.Time) {
	from := time.Date(year, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, china)
	return from, from.AddDate(0, 3, 0)
}

// ParseDay reads a YYYY-MM-DD date as the start of that day in China.
func ParseDay(s string) (time.Time, error) { return time.ParseInLocation("2006-01-02", s, china) }

// BuildBulletin counts a site's 科室 between from and to (exclusive) and
// states each one's columns at now. The ranking is by documents adopted
// (published), then on-time rate, then fewer stale or blank columns; the
// rule is printed with the 通报.
func BuildBulletin(ctx context.Context, st *store.Store, siteID int64, from, to time.Time, s Settings, now time.Time) (Bulletin, error) {
	b := Bulletin{From: day(from), To: day(to.AddDate(0, 0, -1))}
	site, err := st.Site(ctx, siteID)
	if err != nil {
		return b, err
	}
	b.Site = site
	b.Title = fmt.Sprintf("%s政务公开信息报送情况通报（%s至%s）", site.Name, b.From, b.To)
	counts, err := st.OrgCounts(ctx, siteID, from, to)
	if err != nil {
		return b, err
	}
	orgs, err := st.Orgs(ctx, siteID)
	if err != nil {
		return b, err
	}
	fresh, err := SiteFreshness(ctx, st, siteID, s, now)
	if err != nil {
		return b, err
	}
	if _, ok := counts[0]; ok {
		orgs = append(orgs, catalog.Org{SiteID: siteID, Name: "未指定科室"})
	}
	for _, o := range orgs {
		r := BulletinRow{Org: o, Counts: counts[o.ID], OnTime: "—"}
		r.Counts.OrgID = o.ID
		if r.Counts.Published > 0 {
			r.OnTime = fmt.Sprintf("%.1f%%", float64(r.Counts.OnTime)*100/float64(r.Counts.Published))
		}
		for _, c := range fresh.Columns {
			if c.Column.OrgID != o.ID || c.State == StateArchived {
				continue
			}
			r.Columns = append(r.Columns, c)
			switch c.State {
			case StateStale:
				r.Stale++
			case StateBlank:
				r.Blank++
			case StateDue:
				r.Due++
			}
		}
		b.Total.Submitted += r.Counts.Submitted
		b.Total.Rejected += r.Counts.Rejected
		b.Total.Published += r.Counts.Published
		b.Total.OnTime += r.Counts.OnTime
		b.Total.Late += r.Counts.Late
		b.Total.Unknown += r.Counts.Unknown
		b.Rows = append(b.Rows, r)
	}
	rank(b.Rows)
	labels := make([]string, len(b.Rows))
	values := make([]float64, len(b.Rows))
	late := make([]bool, len(b.Rows))
	for i, r := range b.Rows {
		labels[i], values[i], late[i] = r.Org.Name, float64(r.Counts.Published), r.Counts.Late > 0
	}
	b.Chart = NewBarChart("published", "各科室采用（发布）信息条数（红色为有超期发布的科室）", labels, values, late, 640)
	return b, nil
}

// rank sorts rows best first and numbers them; rows equal on every key
// share a rank.
func rank(rows []BulletinRow) {
	rate := func(r BulletinRow) float64 {
		if r.Counts.Published == 0 {
			return 0
		}
		return float64(r.Counts.OnTime) / float64(r.Counts.Published)
	}
	compare := func(a, b BulletinRow) int {
		return cmp.Or(cmp.Compare(b.Counts.Published, a.Counts.Published), cmp.Compare(rate(b), rate(a)),
			cmp.Compare(a.ColumnProblems(), b.ColumnProblems()))
	}
	slices.SortStableFunc(rows, func(a, b BulletinRow) int { return cmp.Or(compare(a, b), cmp.Compare(a.Org.ID, b.Org.ID)) })
	for i := range rows {
		rows[i].Rank = i + 1
		if i > 0 && compare(rows[i-1], rows[i]) == 0 {
			rows[i].Rank = rows[i-1].Rank
		}
	}
}

// RankingRule explains the order, printed under the table.
const RankingRule = "排名依据：依次比较采用（发布）条数（多者在前）、按时发布率（高者在前）、超期和空白栏目数（少者在前）；三项相同者名次并列。" +
	"按时发布指在信息形成或变更之日起20个工作日内公开（《政府信息公开条例》第二十六条）。"
