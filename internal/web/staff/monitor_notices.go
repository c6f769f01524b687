package staff

import (
	"net/http"

	"gongkai/internal/store"
	"gongkai/internal/web"
)

// monitorNoticesPage is a staff member's notices from the monitors: a
// column of their 科室 about to go stale, the office's daily digest.
type monitorNoticesPage struct {
	web.Page
	Notices []store.MonitorNotice
	Unread  int
}

const noticesShown = 100

func (h handlers) monitorNotices(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	list, unread, err := h.app.Store.MonitorNotices(r.Context(), u.ID, noticesShown)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, http.StatusOK, "staff/monitor_notices.html",
		monitorNoticesPage{Page: h.base(r, "提醒"), Notices: list, Unread: unread})
}

func (h handlers) monitorNoticesRead(w http.ResponseWriter, r *http.Request) {
	u, _ := web.UserOf(r)
	if err := h.app.Store.MarkMonitorNoticesRead(r.Context(), u.ID, h.app.Now()); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/notices", "saved")
}
