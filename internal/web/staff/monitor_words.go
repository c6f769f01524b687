package staff

import (
	"net/http"
	"strings"

	"gongkai/internal/monitor"
	"gongkai/internal/web"
)

// monitorWordsPage edits the 错别字 and 敏感词 list the text check uses.
type monitorWordsPage struct {
	web.Page
	Text   string
	Errors []string
	Count  int
}

func (h handlers) monitorWords(w http.ResponseWriter, r *http.Request) {
	text, err := monitor.LoadWords(r.Context(), h.app.Store)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	words, _ := monitor.ParseWords(text)
	h.app.Render(w, r, http.StatusOK, "staff/monitor_words.html",
		monitorWordsPage{Page: h.base(r, "错别字与敏感词清单"), Text: text, Count: len(words)})
}

func (h handlers) monitorWordsSave(w http.ResponseWriter, r *http.Request) {
	text := strings.ReplaceAll(r.PostFormValue("words"), "\r\n", "\n")
	if r.PostFormValue("reset") == "yes" {
		text = monitor.DefaultWords()
	}
	errs, err := monitor.SaveWords(r.Context(), h.app.Store, text)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if len(errs) > 0 {
		words, _ := monitor.ParseWords(text)
		h.app.Render(w, r, http.StatusUnprocessableEntity, "staff/monitor_words.html",
			monitorWordsPage{Page: h.base(r, "错别字与敏感词清单"), Text: text, Errors: errs, Count: len(words)})
		return
	}
	if err := h.app.Audit(r, "monitor.words", "错别字与敏感词清单", ""); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/monitor/words", "saved")
}
