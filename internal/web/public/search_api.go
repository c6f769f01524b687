package public

import (
	"encoding/json"
	"net/http"
	"strconv"

	"gongkai/internal/catalog"
	"gongkai/internal/search"
)

// searchAPIResult is one result of GET /api/v1/search. The snippet is an
// HTML fragment: text escaped, the query words inside <mark>.
type searchAPIResult struct {
	Title       string           `json:"title"`
	URL         string           `json:"url"`
	Snippet     string           `json:"snippet"`
	DocNo       string           `json:"doc_no"`
	PublishedOn string           `json:"published_on"`
	Validity    catalog.Validity `json:"validity"`
}

type searchAPIResponse struct {
	Total      int               `json:"total"`
	Capped     bool              `json:"total_is_lower_bound,omitempty"`
	Suggestion string            `json:"suggestion,omitempty"`
	Results    []searchAPIResult `json:"results"`
}

// apiError is the body of a refused API call: a Chinese message per field.
type apiError struct {
	Error  string              `json:"error"`
	Fields catalog.FieldErrors `json:"fields,omitempty"`
}

// searchAPI is GET /api/v1/search?q=…&limit=… (and the page's filters:
// column, org, year, type, validity, order, page).
func (h searchHandlers) searchAPI(w http.ResponseWriter, r *http.Request) {
	site, base, err := siteOf(r)
	if err != nil {
		writeJSON(w, http.StatusNotFound, apiError{Error: "站点不存在"})
		return
	}
	ctx := r.Context()
	f := readSearchForm(r)
	choices, err := h.choices(ctx, site.ID, false)
	if err != nil {
		h.apiFail(w, r, err)
		return
	}
	req, fe := f.check(choices, site.ID)
	limit := 10
	if s := r.URL.Query().Get("limit"); s != "" {
		if n, err := strconv.Atoi(s); err != nil || n < 1 || n > 50 {
			fe.Add("limit", "limit 应为 1 到 50 之间的整数")
		} else {
			limit = n
		}
	}
	page := 1
	if s := r.URL.Query().Get("page"); s != "" {
		if n, err := strconv.Atoi(s); err != nil || n < 1 || n > search.MaxPage {
			fe.Add("page", "page 应为 1 到 "+strconv.Itoa(search.MaxPage)+" 之间的整数")
		} else {
			page = n
		}
	}
	if f.Q == "" {
		fe.Add("q", "请输入检索词")
	}
	if len(fe) > 0 {
		writeJSON(w, http.StatusBadRequest, apiError{Error: "请求参数有误", Fields: fe})
		return
	}
	req.Page, req.PerPage = page, limit
	res, err := h.eng.Search(ctx, req)
	if err != nil {
		h.apiFail(w, r, err)
		return
	}
	out := searchAPIResponse{Total: res.Total, Capped: res.Capped, Suggestion: res.Suggestion, Results: []searchAPIResult{}}
	abs := absBase(r, base)
	for _, hit := range res.Hits {
		out.Results = append(out.Results, searchAPIResult{Title: hit.Doc.Title, URL: abs + "/doc/" + itoa(hit.Doc.ID),
			Snippet: string(hit.Snippet), DocNo: hit.Doc.DocNo, PublishedOn: dateCN(hit.Doc), Validity: hit.Doc.Validity})
	}
	writeJSON(w, http.StatusOK, out)
}

// apiFail logs an unexpected failure once and answers without internals.
func (h searchHandlers) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	h.app.Log.Error("api", "path", r.URL.Path, "err", err)
	writeJSON(w, http.StatusInternalServerError, apiError{Error: "系统繁忙，请稍后再试"})
}

func dateCN(d catalog.Document) string {
	if d.PublishedAt.IsZero() {
		return ""
	}
	return d.PublishedAt.In(china).Format("2006-01-02")
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
