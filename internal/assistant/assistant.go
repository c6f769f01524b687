// Package assistant answers citizens' questions from the site's own
// sources: a staff-edited FAQ, guided flows for the common tasks, and the
// valid published documents found by search. Answers are extracted from
// those sources and cite them (title, 文号, date, link); below a confidence
// threshold the assistant says it found no reliable basis and points to the
// hotline, the message board and the application form, instead of
// guessing. Repealed documents are cited only when the question asks about
// history, and then labelled. An optional language model may rephrase the
// extracted passages, never add to them.
package assistant

import (
	"context"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/search"
	"gongkai/internal/store"
)

// MaxQuestionRunes caps a question.
const MaxQuestionRunes = 100

// Kind is how a question was answered.
type Kind string

const (
	KindFAQ       Kind = "faq"
	KindDocuments Kind = "documents"
	KindFlow      Kind = "flow"
	KindRefusal   Kind = "refusal"
)

// Citation is a source of an answer.
type Citation struct {
	DocID       int64
	Title       string
	URL         string
	DocNo       string
	PublishedOn string
	Validity    catalog.Validity
}

// Link is a labelled address offered with an answer; without URL it is
// only told (a phone number).
type Link struct {
	Label, URL string
}

// Answer is what the assistant says.
type Answer struct {
	Question   string
	Text       string
	Kind       Kind
	Confident  bool
	Confidence float64 // 0..1
	Basis      string  // the FAQ's legal basis
	Steps      []string
	Links      []Link
	Citations  []Citation
	Generated  bool // worded by the language model from the extracted text
}

// Site is what the assistant needs to know about the site asked.
type Site struct {
	ID    int64
	Name  string
	Phone string
	Base  string // link prefix: "" or "/s/{code}"
	// Routed reports whether the site answers a path (so no answer links
	// to a page the platform does not have).
	Routed func(path string) bool
}

// Assistant answers questions.
type Assistant struct {
	st  *store.Store
	eng *search.Engine
	llm *LLM // nil: extractive answers only
	now func() time.Time
	faq faqCache
	// Threshold is the confidence below which the assistant refuses.
	Threshold float64
}

// DefaultThreshold was chosen with the evaluation set (eval_test.go): it
// keeps the refusal rate on out-of-scope questions above 90 % while the
// in-scope questions are still answered.
const DefaultThreshold = 0.6

// strongFAQ is the FAQ score above which an entry answers before the
// guided flows are considered.
const strongFAQ = 0.85

// New returns an assistant over st searching with eng; llm may be nil.
func New(st *store.Store, eng *search.Engine, llm *LLM, now func() time.Time) *Assistant {
	return &Assistant{st: st, eng: eng, llm: llm, now: now, Threshold: DefaultThreshold}
}

// Ask answers question for site and logs the turn (redacted) for review.
func (a *Assistant) Ask(ctx context.Context, site Site, question string) (Answer, error) {
	q := cleanQuestion(question)
	ans, err := a.answer(ctx, site, q)
	if err != nil {
		return ans, err
	}
	ans.Question = q
	if ans.Confident && a.llm != nil && ans.Kind != KindFlow {
		if text, ok := a.llm.Rephrase(ctx, q, ans); ok {
			ans.Text, ans.Generated = text, true
		}
	}
	ids := make([]string, len(ans.Citations))
	for i, c := range ans.Citations {
		ids[i] = strconv.FormatInt(c.DocID, 10)
	}
	err = a.st.LogAssistantTurn(ctx, store.AssistantTurn{SiteID: site.ID, At: a.now(), Question: search.Redact(q),
		Kind: string(ans.Kind), Confident: ans.Confident, Confidence: ans.Confidence,
		Citations: strings.Join(ids, " "), Generated: ans.Generated})
	return ans, err
}

// answer picks the best of the flows, the FAQ and the documents.
func (a *Assistant) answer(ctx context.Context, site Site, q string) (Answer, error) {
	if q == "" {
		return a.refusal(site, 0), nil
	}
	faq, faqScore, err := a.matchFAQ(ctx, site, q)
	if err != nil {
		return Answer{}, err
	}
	// An FAQ entry that covers nearly the whole question is the most
	// specific answer (要收费吗 is a question about applying, but not
	// how to apply).
	if faq != nil && faqScore >= strongFAQ {
		return faqAnswer(site, *faq, faqScore), nil
	}
	if ans, ok, err := a.fromServices(ctx, site, q); err != nil || ok { // 办事服务 items (service.go)
		return ans, err
	}
	if f, ok := matchFlow(q); ok {
		ans := f.answer(site)
		if f.withDocuments {
			docs, err := a.fromDocuments(ctx, site, q)
			if err != nil {
				return ans, err
			}
			if docs.Confident || docs.Confidence >= a.Threshold {
				ans.Citations = docs.Citations
			}
		}
		return ans, nil
	}
	docs, err := a.fromDocuments(ctx, site, q)
	if err != nil {
		return Answer{}, err
	}
	if faq != nil && faqScore >= a.Threshold && faqScore > docs.Confidence {
		return faqAnswer(site, *faq, faqScore), nil
	}
	if docs.Confidence >= a.Threshold {
		docs.Confident = true
		return docs, nil
	}
	return a.refusal(site, max(docs.Confidence, faqScore)), nil
}

// refusal is the honest answer when no source is reliable enough.
func (a *Assistant) refusal(site Site, confidence float64) Answer {
	ans := Answer{Kind: KindRefusal, Confidence: confidence,
		Text: "未找到可靠依据，无法准确回答这个问题。为免误导，请通过以下方式咨询："}
	if site.Phone != "" {
		ans.Links = append(ans.Links, Link{Label: "咨询电话 " + site.Phone}) // no URL: shown as text
	}
	ans.Links = append(ans.Links, firstRouted(site, "在线留言", "/messages/", "/messages", "/liuyan/")...)
	ans.Links = append(ans.Links, firstRouted(site, "依申请公开（申请获取政府信息）", "/apply", "/ysqgk/")...)
	ans.Links = append(ans.Links, Link{Label: "站内搜索", URL: site.Base + "/search"})
	return ans
}

// firstRouted is a link to the first of paths the site answers, if any.
func firstRouted(site Site, label string, paths ...string) []Link {
	for _, p := range paths {
		if site.Routed == nil || site.Routed(p) {
			return []Link{{Label: label, URL: site.Base + p}}
		}
	}
	return nil
}

func cleanQuestion(q string) string {
	q = strings.Join(strings.Fields(q), " ")
	if r := []rune(q); len(r) > MaxQuestionRunes {
		q = string(r[:MaxQuestionRunes])
	}
	return q
}

// UseLLM sets (or, with nil, removes) the language model that rewords
// confident answers.
func (a *Assistant) UseLLM(l *LLM) { a.llm = l }

// Store is the store the assistant reads and logs to.
func (a *Assistant) Store() *store.Store { return a.st }
