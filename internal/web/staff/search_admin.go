package staff

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// registerSearchAdmin adds the editors' pages of site search and the Q&A
// assistant: what visitors searched for in vain, the synonyms, the FAQ
// and the assistant's conversations. They belong to whoever manages the
// site's content (the 公开办).
func (h handlers) registerSearchAdmin() {
	s := h.staff
	s("GET /admin/search", auth.PermManageCatalog, h.searchAdmin)
	s("POST /admin/search/synonyms", auth.PermManageCatalog, h.synonymSave)
	s("GET /admin/faqs", auth.PermManageCatalog, h.faqList)
	s("GET /admin/faqs/new", auth.PermManageCatalog, h.faqNew)
	s("POST /admin/faqs/new", auth.PermManageCatalog, h.faqSave)
	s("GET /admin/faqs/{id}/edit", auth.PermManageCatalog, h.faqEdit)
	s("POST /admin/faqs/{id}/edit", auth.PermManageCatalog, h.faqSave)
	s("GET /admin/assistant", auth.PermManageCatalog, h.assistantLog)
}

type searchAdminPage struct {
	web.Page
	form
	Sites    []catalog.Site
	SiteID   int64
	Zero     []store.QueryCount
	Hot      []store.QueryCount
	Synonyms []store.SynonymSet
	// Edited is the set whose form has errors (0: the new-set form), with
	// what was typed.
	Edited      int64
	EditedWords string
}

// searchAdmin lists the queries that found nothing (so editors can add
// content or a synonym), the most searched ones, and the synonyms.
func (h handlers) searchAdmin(w http.ResponseWriter, r *http.Request) {
	h.renderSearchAdmin(w, r, http.StatusOK, nil, -1, "")
}

func (h handlers) renderSearchAdmin(w http.ResponseWriter, r *http.Request, status int, fe catalog.FieldErrors, edited int64, words string) {
	ctx := r.Context()
	p := searchAdminPage{Page: h.base(r, "搜索与问答"), form: form{Errs: fe}, Sites: h.app.Sites(), Edited: edited, EditedWords: words}
	p.SiteID = chosenSite(r, p.Sites)
	var err error
	if p.Zero, err = h.app.Store.Queries(ctx, store.QueryFilter{SiteID: p.SiteID, ZeroOnly: true, Limit: 100}); err == nil {
		if p.Hot, err = h.app.Store.Queries(ctx, store.QueryFilter{SiteID: p.SiteID, WithHits: true, Limit: 30}); err == nil {
			p.Synonyms, err = h.app.Store.SynonymSets(ctx)
		}
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, status, "staff/search_admin.html", p)
}

// chosenSite is ?site= when it names a site, else the first site.
func chosenSite(r *http.Request, sites []catalog.Site) int64 {
	id := formIDq(r.URL.Query().Get("site"))
	for _, s := range sites {
		if s.ID == id {
			return id
		}
	}
	if len(sites) > 0 {
		return sites[0].ID
	}
	return 0
}

// synonymWords splits what an editor typed into words: spaces, commas and
// 顿号 separate them.
func synonymWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" ,，、;；\t\r\n", r) }) {
		if !strings.Contains(strings.Join(out, "\x00")+"\x00", w+"\x00") {
			out = append(out, w)
		}
	}
	return out
}

// synonymSave creates or changes a synonym set; an emptied set is deleted.
func (h handlers) synonymSave(w http.ResponseWriter, r *http.Request) {
	id := formID(r, "id")
	raw := strings.TrimSpace(r.FormValue("words"))
	words := synonymWords(raw)
	fe := catalog.FieldErrors{}
	switch {
	case raw == "" && id != 0: // emptied: delete
	case len(words) < 2:
		fe.Add("words", "请至少填写两个意思相同的词，用空格或顿号分隔")
	case len(words) > 10:
		fe.Add("words", "一组最多 10 个词")
	}
	for _, w := range words {
		if utf8.RuneCountInString(w) > 20 {
			fe.Add("words", "每个词不能超过 20 个字："+w)
		}
	}
	if len(fe) > 0 {
		h.renderSearchAdmin(w, r, http.StatusBadRequest, fe, id, raw)
		return
	}
	saved, err := h.app.Store.SaveSynonymSet(r.Context(), store.SynonymSet{ID: id, Words: words})
	if err == nil {
		err = h.app.Audit(r, "search.synonyms", "synonyms:"+strconv.FormatInt(max(saved, id), 10), strings.Join(words, " "))
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	done := "saved"
	if len(words) == 0 {
		done = "deleted"
	}
	http.Redirect(w, r, "/admin/search?done="+done+"#synonyms", http.StatusSeeOther)
}
