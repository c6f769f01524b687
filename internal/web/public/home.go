package public

import (
	"net/http"

	"gongkai/internal/web"
)

type homePage struct {
	web.Page
}

func (h handlers) home(w http.ResponseWriter, r *http.Request) {
	h.app.Render(w, r, http.StatusOK, "public/home.html", homePage{Page: h.app.Base(r, "首页")})
}
