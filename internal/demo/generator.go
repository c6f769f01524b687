package demo

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/docimport"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// Years the demo documents span.
var years = []int{2023, 2024, 2025}

var china = time.FixedZone("CST", 8*3600)

// generator builds the demo documents. Everything random comes from one
// seeded source, so two runs give the same agency.
type generator struct {
	rng    *rand.Rand
	site   catalog.Site
	cols   map[string]catalog.Column
	orgs   map[string]int64
	cal    *workday.Calendar
	now    time.Time
	drafts []*draft
	docNos map[string]int // 文号 kind+year → last number
	nth    int            // documents added, to make every lateEvery-th one late

	normReg register // normative drafts by year, to link repeals
}

// draft is a document before it is stored, with its link to the document
// that amended or repealed it.
type draft struct {
	doc        catalog.Document
	replacedBy *draft
}

// item is what a content function says about one document.
type item struct {
	col      string // column slug
	org      string // 科室; "" = the column's
	title    string
	body     []string // paragraphs
	docNo    string
	genre    catalog.Genre
	topic    string
	day      workday.Date // publication day
	lag      int          // calendar days from 成文 to 发布
	channels []catalog.ChannelRecord
}

// lateEvery makes one in so many documents that have a 成文日期 of their
// own miss the 20 working days of 条例第二十六条, so the flag shows.
const lateEvery = 17

func newGenerator(site catalog.Site, cols map[string]catalog.Column, orgs map[string]int64, cal *workday.Calendar, now time.Time) *generator {
	return &generator{rng: rand.New(rand.NewPCG(2023, 2025)), site: site, cols: cols, orgs: orgs, cal: cal,
		now: now, docNos: map[string]int{}}
}

func (g *generator) generate() {
	for _, y := range years {
		g.news(y)
		g.notices(y)
		g.normative(y)
		g.otherPolicies(y)
		g.personnel(y)
		g.plans(y)
		g.services(y)
		g.specials(y)
	}
	g.catalogue()
	g.guide()
	g.interaction()
	g.reports()
}

// dateOf is the China-time day of t.
func dateOf(t time.Time) workday.Date { return workday.FromTime(t.In(china)) }

// pick returns one of xs.
func pick[T any](g *generator, xs []T) T { return xs[g.rng.IntN(len(xs))] }

// dayIn returns a working day between the given months of year.
func (g *generator) dayIn(year int, from, to time.Month) workday.Date {
	first := workday.NewDate(year, from, 1)
	last := workday.NewDate(year, to+1, 1).AddDays(-1)
	span := int(last.Time().Sub(first.Time()).Hours()/24) + 1
	return g.workdayFrom(first.AddDays(g.rng.IntN(span)))
}

// workdayFrom moves d forward to a working day (documents go online on
// working days).
func (g *generator) workdayFrom(d workday.Date) workday.Date {
	for i := 0; i < 15; i++ {
		if ok, err := g.cal.IsWorkday(d); err != nil || ok {
			return d
		}
		d = d.AddDays(1)
	}
	return d
}

// docNo hands out the next 文号 of a kind (发, 函, 规) for a year.
func (g *generator) docNo(kind string, year int) string {
	k := fmt.Sprintf("%s%d", kind, year)
	g.docNos[k]++
	return fmt.Sprintf("%s%s〔%d〕%d号", docNoStem, kind, year, g.docNos[k])
}

// add turns an item into a draft, unless it would be published after now.
func (g *generator) add(it item) *draft {
	g.nth++
	pub := it.day.Time()
	at := time.Date(pub.Year(), pub.Month(), pub.Day(), 9, g.rng.IntN(8*60), 0, 0, china)
	if at.After(g.now) {
		return nil
	}
	lag := it.lag
	if lag > 0 && g.nth%lateEvery == 0 {
		lag = 35 + g.rng.IntN(15) // well past 20 working days
	}
	col := g.cols[it.col]
	org := col.OrgID
	if it.org != "" {
		org = g.orgs[it.org]
	}
	genre := it.genre
	if genre == "" {
		genre = catalog.GenreOther
	}
	d := catalog.Document{SiteID: g.site.ID, ColumnID: col.ID, OrgID: org, Title: it.title, DocNo: it.docNo,
		Topic: it.topic, Issuer: g.site.Name, Genre: genre, WrittenOn: it.day.AddDays(-lag).String(),
		Validity: catalog.Valid, State: catalog.StatePublished, PublishedAt: at.UTC(), Channels: it.channels}
	var b strings.Builder
	for _, p := range it.body {
		b.WriteString("<p>" + p + "</p>\n")
	}
	d.BodyHTML = catalog.SanitizeBody(b.String())
	d.Summary = docimport.SummaryOf(d.BodyHTML)
	d.LateWorkdays, _ = docimport.LateWorkdays(g.cal, d.WrittenOn, at)
	dr := &draft{doc: d}
	g.drafts = append(g.drafts, dr)
	return dr
}

// supersede marks old as amended, repealed or expired by repl (nil for
// expiry) from the day repl was written, or on when given.
func supersede(old, repl *draft, v catalog.Validity, on string) {
	if old == nil {
		return
	}
	if repl != nil {
		on = repl.doc.WrittenOn
	}
	if on == "" {
		return // the replacement lies in the future of this run
	}
	old.doc.Validity, old.doc.ValidityOn, old.replacedBy = v, on, repl
}

// channels returns other channels a document went out on, with the given
// chances in percent for 政务微信, 报纸, 电视 and 广播.
func (g *generator) channels(day workday.Date, wechat, paper, tv, radio int) []catalog.ChannelRecord {
	var out []catalog.ChannelRecord
	if g.rng.IntN(100) < wechat {
		out = append(out, catalog.ChannelRecord{Channel: catalog.ChannelWeChat, Date: day.String(), Ref: wechatName})
	}
	if g.rng.IntN(100) < paper {
		next := day.AddDays(1)
		out = append(out, catalog.ChannelRecord{Channel: catalog.ChannelNewspaper, Date: next.String(),
			Ref: fmt.Sprintf("《示例日报》%d年%d月%d日第%d版", next.Year(), next.Month(), next.Day(), 1+g.rng.IntN(8))})
	}
	if g.rng.IntN(100) < tv {
		out = append(out, catalog.ChannelRecord{Channel: catalog.ChannelTV, Date: day.String(), Ref: "示例广播电视台《示例新闻》"})
	}
	if g.rng.IntN(100) < radio {
		out = append(out, catalog.ChannelRecord{Channel: catalog.ChannelRadio, Date: day.String(), Ref: "示例人民广播电台《新闻早高峰》"})
	}
	return out
}

// save numbers the documents and stores them in one transaction, then links
// superseded documents to their replacements.
func (g *generator) save(ctx context.Context, st *store.Store) error {
	slices.SortStableFunc(g.drafts, func(a, b *draft) int {
		return cmp.Or(strings.Compare(a.doc.WrittenOn, b.doc.WrittenOn), a.doc.PublishedAt.Compare(b.doc.PublishedAt),
			strings.Compare(a.doc.Title, b.doc.Title))
	})
	serial := map[string]int{}
	docs := make([]catalog.Document, len(g.drafts))
	for i, d := range g.drafts {
		// 索引号: {USCC}/{year of 成文日期}-{serial} (website-rules §4.6).
		y := d.doc.WrittenOn[:4]
		serial[y]++
		d.doc.IndexNo = fmt.Sprintf("%s/%s-%05d", g.site.USCC, y, serial[y])
		docs[i] = d.doc
	}
	ids, err := st.ImportDocuments(ctx, docs)
	if err != nil {
		return fmt.Errorf("保存演示文件: %w", err)
	}
	idOf := map[*draft]int64{}
	for i, d := range g.drafts {
		d.doc.ID, idOf[d] = ids[i], ids[i]
	}
	links := map[int64]int64{}
	for _, d := range g.drafts {
		if d.replacedBy != nil {
			links[d.doc.ID] = idOf[d.replacedBy]
		}
	}
	if _, err := st.SetReplacements(ctx, links); err != nil {
		return fmt.Errorf("关联废止文件: %w", err)
	}
	return nil
}

func (g *generator) count(s *Summary) {
	for _, d := range g.drafts {
		s.Documents++
		s.Channels += len(d.doc.Channels)
		if d.doc.Genre == catalog.GenreNormative {
			s.Normative++
			if d.doc.Validity.Superseded() {
				s.Superseded++
			}
		}
		if d.doc.LateWorkdays > 0 {
			s.Late++
		}
	}
}
