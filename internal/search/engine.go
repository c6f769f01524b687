package search

import (
	"context"
	"html/template"
	"slices"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// Engine answers searches over a store's index.
type Engine struct {
	st  *store.Store
	Log *QueryLog
	syn synonymCache
	now func() time.Time
}

// New returns an engine over st, which it attaches (see Attach).
func New(st *store.Store, now func() time.Time) *Engine {
	Attach(st)
	return &Engine{st: st, Log: NewQueryLog(st, now), now: now}
}

// Request is a search as a visitor asks it.
type Request struct {
	Query     string
	SiteID    int64
	ColumnIDs []int64
	OrgID     int64
	Year      int
	Genre     catalog.Genre
	Validity  catalog.Validity // "" = any
	// Validities, when set, allows any of these instead (the assistant
	// leaves out repealed and expired documents).
	Validities []catalog.Validity
	Topic      string
	Order      store.SearchOrder
	Page       int // from 1
	PerPage    int
	NoLog      bool // the assistant's searches are not visitors' queries
}

// MaxPage bounds paging (the store stops at 1,000 results anyway).
const MaxPage = 50

// Hit is one result, ready to show.
type Hit struct {
	Doc     catalog.Document
	Title   template.HTML // highlighted
	Snippet template.HTML // highlighted excerpt of the body
	InTitle bool
	Score   float64
}

// Result is one page of a search.
type Result struct {
	Query      string // cleaned
	Words      []string
	Hits       []Hit
	Total      int
	Capped     bool // Total is a lower bound
	Page       int
	PerPage    int
	Suggestion string // did-you-mean, when few or no results
}

// Pages is the number of result pages.
func (r Result) Pages() int {
	if r.PerPage == 0 {
		return 0
	}
	return min((r.Total+r.PerPage-1)/r.PerPage, MaxPage)
}

// Search runs a visitor's search and logs the query.
func (e *Engine) Search(ctx context.Context, req Request) (Result, error) {
	seg, err := Default()
	if err != nil {
		return Result{}, err
	}
	syn, err := e.syn.get(ctx, e.st)
	if err != nil {
		return Result{}, err
	}
	p := seg.Parse(req.Query, syn)
	res := Result{Query: p.Text, Words: p.Words(), Page: min(max(req.Page, 1), MaxPage), PerPage: req.PerPage}
	if res.PerPage <= 0 || res.PerPage > 50 {
		res.PerPage = 10
	}
	if len(p.Groups) == 0 {
		return res, nil
	}
	q := store.SearchQuery{Groups: p.terms(), SiteID: req.SiteID, ColumnIDs: req.ColumnIDs, OrgID: req.OrgID,
		Year: req.Year, Genre: req.Genre, Topic: req.Topic, Order: req.Order,
		Limit: res.PerPage, Offset: (res.Page - 1) * res.PerPage}
	if req.Validity != "" {
		q.Validities = []catalog.Validity{req.Validity}
	}
	if len(req.Validities) > 0 {
		q.Validities = req.Validities
	}
	page, err := e.st.Search(ctx, q)
	if err != nil {
		return res, err
	}
	res.Total, res.Capped = page.Total, page.Capped
	for _, h := range page.Hits {
		res.Hits = append(res.Hits, Hit{Doc: h.Doc, InTitle: h.InTitle, Score: h.Score,
			Title:   Highlight(h.Doc.Title, res.Words),
			Snippet: Snippet(snippetSource(h.Doc), res.Words)})
	}
	if res.Total < 3 {
		if res.Suggestion, err = e.didYouMean(ctx, req, p.Text); err != nil {
			return res, err
		}
	}
	if !req.NoLog && res.Page == 1 {
		_ = e.Log.Record(ctx, req.SiteID, p.Text, res.Total) // the log is bookkeeping; a failed write must not fail the search
	}
	return res, nil
}

// snippetSource is the text a result's excerpt comes from.
func snippetSource(d catalog.Document) string {
	t := PlainText(d.BodyHTML)
	if d.Summary != "" {
		t = d.Summary + " " + t
	}
	return t
}

// didYouMean proposes a correction that finds more than q did.
func (e *Engine) didYouMean(ctx context.Context, req Request, q string) (string, error) {
	past, err := e.st.Queries(ctx, store.QueryFilter{SiteID: req.SiteID, WithHits: true, Limit: 500})
	if err != nil {
		return "", err
	}
	syn, err := e.syn.get(ctx, e.st)
	if err != nil {
		return "", err
	}
	vocab := append(vocabulary(), syn.Words()...)
	for _, p := range past {
		vocab = append(vocab, p.Query)
	}
	s := suggest(q, vocab)
	if s == "" {
		return "", nil
	}
	seg, _ := Default()
	p := seg.Parse(s, syn)
	page, err := e.st.Search(ctx, store.SearchQuery{Groups: p.terms(), SiteID: req.SiteID, Limit: 1})
	if err != nil || page.Total == 0 {
		return "", err
	}
	return s, nil
}

// HotQueries lists the site's most searched queries of the last 30 days
// that found something.
func (e *Engine) HotQueries(ctx context.Context, siteID int64, n int) ([]string, error) {
	qs, err := e.st.Queries(ctx, store.QueryFilter{SiteID: siteID, WithHits: true,
		Since: e.now().AddDate(0, 0, -30), Limit: n})
	if err != nil {
		return nil, err
	}
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.Query
	}
	return out, nil
}

// Count counts the matches of a query on a site (up to the store's cap),
// with synonyms, as Search would find them.
func (e *Engine) Count(ctx context.Context, siteID int64, q string, validities []catalog.Validity) (int, error) {
	seg, err := Default()
	if err != nil {
		return 0, err
	}
	syn, err := e.syn.get(ctx, e.st)
	if err != nil {
		return 0, err
	}
	p := seg.Parse(q, syn)
	if len(p.Groups) == 0 {
		return 0, nil
	}
	page, err := e.st.Search(ctx, store.SearchQuery{Groups: p.terms(), SiteID: siteID, Validities: validities, Limit: 1})
	return page.Total, err
}

// Weights rates each word's rarity over the index, as idf (ln(1 + N/df)
// from the store's cached counts), the way Search matches it: a word found
// through a synonym is as common as its most common synonym, one found
// through its parts as its rarest part.
func (e *Engine) Weights(ctx context.Context, words []string) ([]float64, error) {
	seg, err := Default()
	if err != nil {
		return nil, err
	}
	syn, err := e.syn.get(ctx, e.st)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(words))
	for i, w := range words {
		out[i] = -1
		for _, g := range seg.Parse(w, syn).Groups {
			for _, alt := range g.Alternatives {
				ws, err := e.st.SearchWeights(ctx, alt)
				if err != nil {
					return nil, err
				}
				if a := slices.Max(ws); out[i] < 0 || a < out[i] {
					out[i] = a
				}
			}
		}
		if out[i] < 0 {
			ws, err := e.st.SearchWeights(ctx, []string{w})
			if err != nil {
				return nil, err
			}
			out[i] = ws[0]
		}
	}
	return out, nil
}
