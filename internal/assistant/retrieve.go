package assistant

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/search"
	"gongkai/internal/store"
)

// questionWords carry the asking, not the subject: they are dropped before
// searching (怎么申请专精特新 searches 申请 专精特新).
var questionWords = map[string]bool{
	"怎么": true, "如何": true, "怎样": true, "什么": true, "哪里": true, "哪些": true, "哪个": true, "哪儿": true,
	"多少": true, "请问": true, "我们": true, "你们": true, "需要": true, "可以": true, "能否": true, "是否": true,
	"有没有": true, "一下": true, "知道": true, "告诉": true, "相关": true, "有关": true, "关于": true, "哪儿有": true,
	"怎么办": true, "为什么": true, "是不是": true, "能不能": true, "可不可以": true, "要求": false, "咨询": true,
	"了解": true, "查询": true, "查看": true, "查找": true, "找到": true, "具体": true, "目前": true, "现在": true,
	"想要": true, "应该": true, "自己": true, "办理": false, "的话": true, "情况": true, "问题": true, "内容": true,
	"方面": true, "这个": true, "那个": true, "哪家": true, "什么样": true, "多久": false, "时候": true, "本市": true,
	"现行": true, "版本": true, "最新": true, "全文": true, "原文": true, "详细": true, "文件": true,
}

// historyWords mark a question about the past: only then are repealed and
// expired documents cited, labelled.
var historyWords = []string{"历史", "以前", "原来", "曾经", "废止", "失效", "旧版", "过去", "修订前", "原办法", "老版", "当年", "已废止", "已失效"}

// keywords are the words of q worth searching: no question words, no
// single characters (their meaning depends on the words around them).
func keywords(seg *search.Segmenter, q string) []string {
	var out []string
	for _, w := range seg.Words(q) {
		if questionWords[w] || slices.Contains(historyWords, w) || slices.Contains(out, w) {
			continue
		}
		if utf8.RuneCountInString(w) < 2 && !isNumber(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

func isNumber(w string) bool { _, err := strconv.Atoi(w); return err == nil && len(w) >= 2 }

func historyIntent(q string) bool {
	return slices.ContainsFunc(historyWords, func(w string) bool { return strings.Contains(q, w) })
}

// fromDocuments answers from the published documents. The question's
// words that no document holds are set aside; the rest are AND-ed, and
// while nothing matches, the word whose removal keeps the most weight goes.
// The confidence is the share of the question's weight (idf) the search
// kept, scaled down to half as the kept weight found in the cited title
// falls to none: an answer that had to drop the distinctive words of the
// question, or whose document is only about them in passing, is not
// reliable.
func (a *Assistant) fromDocuments(ctx context.Context, site Site, q string) (Answer, error) {
	valid := []catalog.Validity{catalog.Valid, catalog.Amended}
	if historyIntent(q) {
		// A question about what used to apply is answered from the
		// superseded documents first (labelled as such), else from all.
		old, err := a.documents(ctx, site, q, []catalog.Validity{catalog.Amended, catalog.Repealed, catalog.Expired})
		if err != nil || old.Confidence >= a.Threshold {
			return old, err
		}
		valid = nil
	}
	return a.documents(ctx, site, q, valid)
}

// documents answers from the documents of the given validities.
func (a *Assistant) documents(ctx context.Context, site Site, q string, valid []catalog.Validity) (Answer, error) {
	ans := Answer{Kind: KindDocuments}
	seg, err := search.Default()
	if err != nil {
		return ans, err
	}
	if no := docNoRE.FindString(q); no != "" {
		if found, err := a.byDocNo(ctx, site, no, valid); err != nil || found.Confident {
			return found, err
		}
	}
	words := keywords(seg, q)
	if len(words) == 0 {
		return ans, nil
	}
	weights, err := a.eng.Weights(ctx, words)
	if err != nil {
		return ans, err
	}
	total := 0.0
	var kept []string
	var keptW []float64
	for i, w := range words {
		total += weights[i]
		n, err := a.eng.Count(ctx, site.ID, w, valid)
		if err != nil {
			return ans, err
		}
		if n > 0 {
			kept, keptW = append(kept, w), append(keptW, weights[i])
		}
	}
	res, kept, keptW, err := a.relax(ctx, site, valid, kept, keptW)
	if err != nil || len(res.Hits) == 0 {
		return ans, err
	}
	keptTotal := 0.0
	for _, w := range keptW {
		keptTotal += w
	}
	top := res.Hits[0]
	titleTokens := seg.IndexTokens(top.Doc.Title + " " + top.Doc.DocNo)
	inTitle := 0.0
	for i, w := range kept {
		if slices.Contains(titleTokens, w) || strings.Contains(top.Doc.Title, w) {
			inTitle += keptW[i]
		}
	}
	ans.Confidence = keptTotal / total * (0.5 + 0.5*inTitle/keptTotal)
	for _, h := range res.Hits {
		if len(ans.Citations) == 3 || h.Score < top.Score/2 {
			break
		}
		ans.Citations = append(ans.Citations, cite(site, h.Doc))
	}
	ans.Text = extract(top.Doc, kept, keptW)
	return ans, nil
}

// relax searches the words AND-ed; while nothing matches, it drops the
// word whose removal leaves the most weight with matches (trying each).
func (a *Assistant) relax(ctx context.Context, site Site, valid []catalog.Validity, words []string, weights []float64) (search.Result, []string, []float64, error) {
	for len(words) > 0 {
		res, err := a.eng.Search(ctx, search.Request{Query: strings.Join(words, " "), SiteID: site.ID, Validities: valid,
			Order: store.ByRelevance, PerPage: 5, NoLog: true})
		if err != nil || len(res.Hits) > 0 {
			return res, words, weights, err
		}
		drop, bestW := -1, -1.0
		for i := range words {
			rest := slices.Delete(slices.Clone(words), i, i+1)
			n, err := a.eng.Count(ctx, site.ID, strings.Join(rest, " "), valid)
			if err != nil {
				return res, nil, nil, err
			}
			if w := sum(weights) - weights[i]; n > 0 && w > bestW {
				drop, bestW = i, w
			}
		}
		if drop < 0 { // no single removal helps: drop the most common word
			drop = slices.Index(weights, slices.Min(weights))
		}
		words, weights = slices.Delete(words, drop, drop+1), slices.Delete(weights, drop, drop+1)
	}
	return search.Result{}, nil, nil, nil
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// docNoRE finds a 文号 such as 示经信规〔2025〕1号 (brackets as typed).
var docNoRE = regexp.MustCompile(`\p{Han}{1,10}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号`)

// byDocNo answers a question naming a 文号 with the document bearing it.
func (a *Assistant) byDocNo(ctx context.Context, site Site, no string, valid []catalog.Validity) (Answer, error) {
	ans := Answer{Kind: KindDocuments}
	res, err := a.eng.Search(ctx, search.Request{Query: no, SiteID: site.ID, Validities: valid, PerPage: 10, NoLog: true})
	if err != nil {
		return ans, err
	}
	norm := func(s string) string {
		return strings.NewReplacer("[", "〔", "]", "〕", "［", "〔", "］", "〕", "(", "〔", ")", "〕", "（", "〔", "）", "〕").Replace(s)
	}
	for _, h := range res.Hits {
		if norm(h.Doc.DocNo) == norm(no) {
			ans.Confident, ans.Confidence = true, 1
			ans.Citations = []Citation{cite(site, h.Doc)}
			ans.Text = "文号为" + h.Doc.DocNo + "的文件是" + quoteTitle(h.Doc.Title) + "。" + strings.TrimPrefix(extract(h.Doc, nil, nil), "根据")
			return ans, nil
		}
	}
	return ans, nil
}

func cite(site Site, d catalog.Document) Citation {
	c := Citation{DocID: d.ID, Title: d.Title, URL: site.Base + "/doc/" + strconv.FormatInt(d.ID, 10), DocNo: d.DocNo,
		Validity: d.Validity}
	if !d.PublishedAt.IsZero() {
		c.PublishedOn = d.PublishedAt.In(china).Format("2006-01-02")
	}
	return c
}

// extract quotes the one or two sentences of d that hold most of the
// question's weight, in document order, after the source.
func extract(d catalog.Document, words []string, weights []float64) string {
	text := search.PlainText(d.BodyHTML)
	if d.Summary != "" {
		text = d.Summary + "。" + text
	}
	sentences := slices.Compact(splitSentences(text))
	type scored struct {
		i     int
		score float64
	}
	var best []scored
	for i, s := range sentences {
		var sc float64
		for j, w := range words {
			if strings.Contains(s, w) {
				sc += weights[j]
			}
		}
		best = append(best, scored{i, sc})
	}
	slices.SortStableFunc(best, func(a, b scored) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return 0
	})
	var pick []int
	for _, b := range best {
		if len(pick) == 2 || (len(pick) > 0 && b.score == 0) {
			break
		}
		pick = append(pick, b.i)
	}
	slices.Sort(pick)
	var quote []string
	for _, i := range pick {
		quote = append(quote, sentences[i])
	}
	source := quoteTitle(d.Title)
	if d.DocNo != "" {
		source += "（" + d.DocNo + "）"
	}
	out := "根据" + source + "：" + strings.Join(quote, "")
	if d.Validity.Superseded() {
		out += "（注意：该文件" + string(d.Validity) + "，仅供了解历史情况，请以现行有效文件为准。）"
	}
	return out
}

// splitSentences cuts text after 。！？； and line ends, keeping the marks.
func splitSentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if strings.ContainsRune("。！？；\n", r) {
			end := i + utf8.RuneLen(r)
			if s := strings.TrimSpace(text[start:end]); utf8.RuneCountInString(s) > 1 {
				out = append(out, s)
			}
			start = end
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// quoteTitle puts a title in 《》, the marks inside it becoming 〈〉.
func quoteTitle(t string) string {
	return "《" + strings.NewReplacer("《", "〈", "》", "〉").Replace(t) + "》"
}
