package public

import (
	"net/http"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// registerYears is how many years of 制发/废止/现行有效 counts the page shows.
const registerYears = 5

type registerYear struct {
	Year   int
	Counts []store.RegisterCounts // 规章, then 行政规范性文件
}

type registerPage struct {
	web.Page
	InForce []catalog.Document
	Years   []registerYear
}

// registerShow is the register of the site's 规章 and 行政规范性文件 in force
// (现行有效), the library the 2020–2022 政务公开工作要点 ask agencies to publish
// and update the same day a document's validity changes, with the yearly
// counts that table 二 of the annual report reports (条例第二十条第(一)项).
func (h handlers) registerShow(w http.ResponseWriter, r *http.Request) {
	site, _, err := siteOf(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	p := registerPage{Page: h.app.Base(r, "现行有效规章和行政规范性文件")}
	if p.InForce, err = h.app.Store.InForce(ctx, site.ID); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	this := h.app.Now().In(china).Year()
	for y := this; y > this-registerYears; y-- {
		counts, err := h.app.Store.NormativeRegister(ctx, site.ID, y)
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		p.Years = append(p.Years, registerYear{Year: y, Counts: counts})
	}
	h.app.Render(w, r, http.StatusOK, "public/register.html", p)
}
