package staff

import (
	"net/http"

	"gongkai/internal/web"
)

type dashboardPage struct {
	web.Page
}

func (h handlers) dashboard(w http.ResponseWriter, r *http.Request) {
	h.app.Render(w, r, http.StatusOK, "staff/dashboard.html", dashboardPage{Page: h.app.Base(r, "工作台")})
}
