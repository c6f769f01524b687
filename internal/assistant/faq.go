package assistant

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"gongkai/internal/search"
	"gongkai/internal/store"
)

var china = time.FixedZone("CST", 8*3600)

// faqEntry is an FAQ with the words of its question and keywords.
type faqEntry struct {
	store.FAQ
	words []string
}

// faqCache holds a site's FAQ, cut into words, until content changes.
type faqCache struct {
	mu     sync.Mutex
	gen    uint64
	bySite map[int64][]faqEntry
}

func (c *faqCache) get(ctx context.Context, st *store.Store, seg *search.Segmenter, siteID int64) ([]faqEntry, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen := st.Generation(); c.bySite == nil || gen != c.gen {
		c.bySite, c.gen = map[int64][]faqEntry{}, gen
	}
	if es, ok := c.bySite[siteID]; ok {
		return es, nil
	}
	faqs, err := st.FAQs(ctx, siteID, true)
	if err != nil {
		return nil, err
	}
	es := make([]faqEntry, len(faqs))
	for i, f := range faqs {
		es[i] = faqEntry{FAQ: f, words: keywords(seg, f.Question+" "+f.Keywords)}
	}
	c.bySite[siteID] = es
	return es, nil
}

// matchFAQ finds the FAQ entry that best covers the question: the share of
// the question's words (weighted by rarity over the documents) that the
// entry's question or keywords hold.
func (a *Assistant) matchFAQ(ctx context.Context, site Site, q string) (*store.FAQ, float64, error) {
	seg, err := search.Default()
	if err != nil {
		return nil, 0, err
	}
	entries, err := a.faq.get(ctx, a.st, seg, site.ID)
	if err != nil || len(entries) == 0 {
		return nil, 0, err
	}
	words := keywords(seg, q)
	if len(words) == 0 {
		return nil, 0, nil
	}
	weights, err := a.st.SearchWeights(ctx, words)
	if err != nil {
		return nil, 0, err
	}
	total := 0.0
	for _, w := range weights {
		total += w
	}
	var best *store.FAQ
	bestScore := 0.0
	for i := range entries {
		e := &entries[i]
		got := 0.0
		for j, w := range words {
			if slices.Contains(e.words, w) || strings.Contains(e.Question+e.Keywords, w) {
				got += weights[j]
			}
		}
		s := got / total
		// A question naming a year or a number asks about a particular
		// document or fact, which a general answer does not give.
		for _, w := range words {
			if isNumber(w) && !strings.Contains(e.Question+e.Answer, w) {
				s /= 2
			}
		}
		if s > bestScore {
			best, bestScore = &e.FAQ, s
		}
	}
	return best, bestScore, nil
}

func faqAnswer(site Site, f store.FAQ, score float64) Answer {
	ans := Answer{Kind: KindFAQ, Confident: true, Confidence: score, Text: f.Answer, Basis: f.Basis}
	if f.Link != "" {
		ans.Links = firstRouted(site, "详细说明", f.Link)
	}
	return ans
}
