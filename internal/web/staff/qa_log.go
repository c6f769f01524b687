package staff

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type assistantLogPage struct {
	web.Page
	Sites       []catalog.Site
	SiteID      int64
	RefusedOnly bool
	Turns       []assistantTurn
	Total       int
	PageNo      int
	Pages       int
	PrevURL     string
	NextURL     string
}

// assistantTurn is a logged turn with its cited documents as links.
type assistantTurn struct {
	store.AssistantTurn
	Cited []int64
}

// KindLabel names how the turn was answered.
func (t assistantTurn) KindLabel() string {
	switch t.Kind {
	case "faq":
		return "知识库"
	case "documents":
		return "文件"
	case "flow":
		return "办事引导"
	case "refusal":
		return "未找到依据"
	}
	return t.Kind
}

const assistantLogPerPage = 50

// assistantLog lists the assistant's conversations for review: the
// refusals show what the FAQ or the site lacks, the answers whether the
// citations were right. Questions were redacted before they were stored.
func (h handlers) assistantLog(w http.ResponseWriter, r *http.Request) {
	p := assistantLogPage{Page: h.base(r, "智能问答记录"), Sites: h.app.Sites()}
	p.SiteID = chosenSite(r, p.Sites)
	p.RefusedOnly = r.URL.Query().Get("refused") == "1"
	p.PageNo = max(int(formIDq(r.URL.Query().Get("page"))), 1)
	turns, total, err := h.app.Store.AssistantTurns(r.Context(), store.AssistantFilter{SiteID: p.SiteID, RefusedOnly: p.RefusedOnly,
		Limit: assistantLogPerPage, Offset: (p.PageNo - 1) * assistantLogPerPage})
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.Total, p.Pages = total, max((total+assistantLogPerPage-1)/assistantLogPerPage, 1)
	for _, t := range turns {
		at := assistantTurn{AssistantTurn: t}
		for _, s := range strings.Fields(t.Citations) {
			if id, err := strconv.ParseInt(s, 10, 64); err == nil {
				at.Cited = append(at.Cited, id)
			}
		}
		p.Turns = append(p.Turns, at)
	}
	link := func(page int) string {
		q := url.Values{"site": {strconv.FormatInt(p.SiteID, 10)}, "page": {strconv.Itoa(page)}}
		if p.RefusedOnly {
			q.Set("refused", "1")
		}
		return "/admin/assistant?" + q.Encode()
	}
	if p.PageNo > 1 {
		p.PrevURL = link(p.PageNo - 1)
	}
	if p.PageNo < p.Pages {
		p.NextURL = link(p.PageNo + 1)
	}
	h.app.Render(w, r, http.StatusOK, "staff/qa_log.html", p)
}
