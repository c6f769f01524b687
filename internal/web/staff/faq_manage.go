package staff

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type faqListPage struct {
	web.Page
	FAQs  []store.FAQ
	Sites map[int64]string
}

// faqList lists the assistant's FAQ: the entries of every site and each
// site's own.
func (h handlers) faqList(w http.ResponseWriter, r *http.Request) {
	p := faqListPage{Page: h.base(r, "问答知识库"), Sites: map[int64]string{}}
	seen := map[int64]bool{}
	for _, s := range h.app.Sites() {
		p.Sites[s.ID] = s.Name
		faqs, err := h.app.Store.FAQs(r.Context(), s.ID, false)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		for _, f := range faqs {
			if !seen[f.ID] {
				seen[f.ID] = true
				p.FAQs = append(p.FAQs, f)
			}
		}
	}
	h.app.Render(w, r, http.StatusOK, "staff/faq_list.html", p)
}

type faqFormPage struct {
	web.Page
	form
	FAQ   store.FAQ
	Sites []catalog.Site
}

func (h handlers) faqNew(w http.ResponseWriter, r *http.Request) {
	h.renderFAQForm(w, r, http.StatusOK, store.FAQ{Enabled: true}, nil)
}

func (h handlers) faqEdit(w http.ResponseWriter, r *http.Request) {
	showEditForm(h.app, w, r, h.app.Store.FAQ, h.renderFAQForm)
}

func (h handlers) renderFAQForm(w http.ResponseWriter, r *http.Request, status int, f store.FAQ, fe catalog.FieldErrors) {
	title := "新建问答"
	if f.ID != 0 {
		title = "修改问答"
	}
	h.app.Render(w, r, status, "staff/faq_form.html", faqFormPage{Page: h.base(r, title), form: form{Errs: fe}, FAQ: f, Sites: h.app.Sites()})
}

// faqSave creates (no {id}) or updates an FAQ entry.
func (h handlers) faqSave(w http.ResponseWriter, r *http.Request) {
	f, err := loadByPath(r, h.app.Store.FAQ)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.FormValue(k)) }
	f.SiteID, f.Question, f.Keywords, f.Answer = formID(r, "site"), get("question"), get("keywords"), get("answer")
	f.Basis, f.Link, f.Enabled = get("basis"), get("link"), r.FormValue("enabled") == "1"
	fe := catalog.FieldErrors{}
	if f.SiteID != 0 && !h.siteExists(f.SiteID) {
		fe.Add("site", "请从列表中选择站点")
	}
	if n := utf8.RuneCountInString(f.Question); n == 0 || n > 100 {
		fe.Add("question", "请填写问题，不超过 100 个字")
	}
	if utf8.RuneCountInString(f.Keywords) > 300 {
		fe.Add("keywords", "其他问法不能超过 300 个字")
	}
	if n := utf8.RuneCountInString(f.Answer); n == 0 || n > 2000 {
		fe.Add("answer", "请填写回答，不超过 2000 个字")
	}
	if utf8.RuneCountInString(f.Basis) > 200 {
		fe.Add("basis", "依据不能超过 200 个字")
	}
	// Only a path of the site: answers never send visitors elsewhere.
	if f.Link != "" && (!strings.HasPrefix(f.Link, "/") || strings.HasPrefix(f.Link, "//") || strings.ContainsAny(f.Link, " <>\"'")) {
		fe.Add("link", "请填写本站内的路径，以 / 开头，例如 /guide")
	}
	if len(fe) > 0 {
		h.renderFAQForm(w, r, http.StatusBadRequest, f, fe)
		return
	}
	id, err := h.app.Store.SaveFAQ(r.Context(), f)
	if err == nil {
		err = h.app.Audit(r, "faq.save", "faq:"+strconv.FormatInt(id, 10), f.Question)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/faqs?done=saved", http.StatusSeeOther)
}

func (h handlers) siteExists(id int64) bool {
	for _, s := range h.app.Sites() {
		if s.ID == id {
			return true
		}
	}
	return false
}
