package public

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"gongkai/internal/assistant"
	"gongkai/internal/catalog"
	"gongkai/internal/web"
)

type qaPage struct {
	web.Page
	Question string
	Errors   catalog.FieldErrors
	Answer   *assistant.Answer
	Examples []string
}

// qaExamples are shown on the empty page: what the assistant can do.
var qaExamples = []string{"怎么申请政府信息公开？", "申请政府信息公开要收费吗？", "专精特新中小企业怎么认定？", "政府信息公开年度报告在哪里看？"}

// qaShow is the assistant's page.
func (h qaHandlers) qaShow(w http.ResponseWriter, r *http.Request) {
	if _, _, err := siteOf(r); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, http.StatusOK, "public/qa.html", qaPage{Page: h.page(r), Examples: qaExamples})
}

// qaAsk answers the question posted by the page or by the widget of any
// page. The question travels in the body, not the address, so it stays
// out of access logs and browser history.
func (h qaHandlers) qaAsk(w http.ResponseWriter, r *http.Request) {
	site, err := h.site(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := qaPage{Page: h.page(r), Question: strings.TrimSpace(r.PostFormValue("question")), Examples: qaExamples}
	fe := catalog.FieldErrors{}
	switch n := utf8.RuneCountInString(p.Question); {
	case n == 0:
		fe.Add("question", "请输入您的问题")
	case n > assistant.MaxQuestionRunes:
		fe.Add("question", "问题不能超过 100 个字，请精简后再问")
	}
	if len(fe) > 0 {
		p.Errors = fe
		h.app.Render(w, r, http.StatusBadRequest, "public/qa.html", p)
		return
	}
	if !h.allow(r) {
		h.app.Fail(w, r, errTooMany)
		return
	}
	ans, err := h.as.Ask(r.Context(), site, p.Question)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p.Answer = &ans
	w.Header().Set("Cache-Control", "no-store")
	h.app.Render(w, r, http.StatusOK, "public/qa.html", p)
}

func (h qaHandlers) page(r *http.Request) web.Page {
	p := h.app.Base(r, "智能问答")
	p.Meta.ColumnName, p.Meta.ColumnType = "智能问答", "assistant"
	return p
}
