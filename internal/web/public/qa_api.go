package public

import (
	"encoding/json"
	"net/http"
	"strings"
	"unicode/utf8"

	"gongkai/internal/assistant"
	"gongkai/internal/catalog"
)

type qaAPIRequest struct {
	Question string `json:"question"`
}

type qaAPICitation struct {
	Title       string           `json:"title"`
	URL         string           `json:"url"`
	DocNo       string           `json:"doc_no"`
	PublishedOn string           `json:"published_on"`
	Validity    catalog.Validity `json:"validity"`
}

type qaAPILink struct {
	Label string `json:"label"`
	URL   string `json:"url"`
}

type qaAPIResponse struct {
	Answer     string          `json:"answer"`
	Confident  bool            `json:"confident"`
	Confidence float64         `json:"confidence"`
	Kind       assistant.Kind  `json:"kind"`
	Basis      string          `json:"basis,omitempty"`
	Steps      []string        `json:"steps,omitempty"`
	Links      []qaAPILink     `json:"links,omitempty"`
	Citations  []qaAPICitation `json:"citations"`
	Generated  bool            `json:"generated"`
}

// qaAPI is POST /api/v1/assistant/ask {"question"}.
func (h qaHandlers) qaAPI(w http.ResponseWriter, r *http.Request) {
	site, err := h.site(r)
	if err != nil {
		writeJSON(w, http.StatusNotFound, apiError{Error: "站点不存在"})
		return
	}
	var req qaAPIRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 8<<10)).Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{Error: "请求体应为 JSON：{\"question\": \"…\"}"})
		return
	}
	q := strings.TrimSpace(req.Question)
	if n := utf8.RuneCountInString(q); n == 0 || n > assistant.MaxQuestionRunes {
		writeJSON(w, http.StatusBadRequest, apiError{Error: "请求参数有误", Fields: catalog.FieldErrors{"question": "问题应为 1 到 100 个字"}})
		return
	}
	if !h.allow(r) {
		writeJSON(w, http.StatusTooManyRequests, apiError{Error: errTooMany.Message})
		return
	}
	ans, err := h.as.Ask(r.Context(), site, q)
	if err != nil {
		h.app.Log.Error("assistant", "err", err)
		writeJSON(w, http.StatusInternalServerError, apiError{Error: "系统繁忙，请稍后再试"})
		return
	}
	out := qaAPIResponse{Answer: ans.Text, Confident: ans.Confident, Confidence: ans.Confidence, Kind: ans.Kind, Basis: ans.Basis,
		Steps: ans.Steps, Citations: []qaAPICitation{}, Generated: ans.Generated}
	abs := absBase(r, "")
	for _, l := range ans.Links {
		u := l.URL
		if strings.HasPrefix(u, "/") { // site paths become absolute; a phone number stays without URL
			u = abs + u
		}
		out.Links = append(out.Links, qaAPILink{Label: l.Label, URL: u})
	}
	for _, c := range ans.Citations {
		out.Citations = append(out.Citations, qaAPICitation{Title: c.Title, URL: abs + c.URL, DocNo: c.DocNo,
			PublishedOn: c.PublishedOn, Validity: c.Validity})
	}
	writeJSON(w, http.StatusOK, out)
}
