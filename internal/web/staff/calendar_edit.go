package staff

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// calendarDaySave adds or changes one day (a rest day or a 调休 working day).
func (h handlers) calendarDaySave(w http.ResponseWriter, r *http.Request) {
	typed := map[string]string{
		"date": strings.TrimSpace(r.PostFormValue("date")),
		"kind": r.PostFormValue("kind"),
		"name": strings.TrimSpace(r.PostFormValue("name")),
	}
	year := h.calendarYear(r)
	fe := catalog.FieldErrors{}
	d, err := workday.ParseDate(typed["date"])
	if err != nil {
		fe.Add("date", "请按“2026-10-01”的格式填写日期")
	}
	kind := workday.Kind(typed["kind"])
	if !kind.Valid() {
		fe.Add("kind", "请选择放假或调休上班")
	}
	if utf8.RuneCountInString(typed["name"]) > 20 {
		fe.Add("name", "节日名称不能超过20字")
	}
	if len(fe) > 0 {
		h.renderCalendar(w, r, http.StatusUnprocessableEntity, year, fe, typed, "")
		return
	}
	day := workday.Day{Date: d, Kind: kind, Name: typed["name"]}
	var res store.RecomputeResult
	err = h.app.Store.SaveCalendar(r.Context(), []workday.Day{day}, nil, store.CalendarAdmin)
	if err == nil {
		res, err = h.calendarChanged(r, "calendar.day", fmt.Sprintf("%s %s %s", d, kind, day.Name))
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, calendarTarget(d.Year(), res), "calendar")
}

// calendarDayDelete removes a stored day: the date follows Mon–Fri again.
func (h handlers) calendarDayDelete(w http.ResponseWriter, r *http.Request) {
	d, err := workday.ParseDate(r.PostFormValue("date"))
	if err != nil {
		h.app.Fail(w, r, web.ErrBadRequest)
		return
	}
	var res store.RecomputeResult
	err = h.app.Store.DeleteCalendarDay(r.Context(), d)
	if err == nil {
		res, err = h.calendarChanged(r, "calendar.day_delete", d.String())
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, calendarTarget(d.Year(), res), "calendar")
}

// calendarYearCover declares a year's arrangement complete. Until then no
// deadline in that year is computed (never a Mon–Fri guess), so the
// administrator confirms that its holidays have been entered.
func (h handlers) calendarYearCover(w http.ResponseWriter, r *http.Request) {
	year, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue("year")))
	typed := map[string]string{"cover_year": r.PostFormValue("year")}
	fe := catalog.FieldErrors{}
	if err != nil || year < 2000 || year > 2100 {
		fe.Add("cover_year", "请填写2000至2100之间的年份")
	}
	if r.PostFormValue("confirm") != "yes" {
		fe.Add("cover_confirm", "请确认已录入该年度全部放假和调休上班日期")
	}
	if len(fe) > 0 {
		h.renderCalendar(w, r, http.StatusUnprocessableEntity, h.calendarYear(r), fe, typed, "")
		return
	}
	var res store.RecomputeResult
	err = h.app.Store.SaveCalendar(r.Context(), nil, []int{year}, store.CalendarAdmin)
	if err == nil {
		res, err = h.calendarChanged(r, "calendar.year", strconv.Itoa(year))
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, calendarTarget(year, res), "calendar")
}

// calendarChanged audits a calendar change, computes the lateness of
// publications that were waiting for it, and recomputes the due dates of
// open applications (architecture: when the calendar changes, open due
// dates are recomputed), returning what that changed.
func (h handlers) calendarChanged(r *http.Request, action, detail string) (store.RecomputeResult, error) {
	if err := h.app.Audit(r, action, "calendar", detail); err != nil {
		return store.RecomputeResult{}, err
	}
	n, err := resolveLateFlags(r.Context(), h.app.Store)
	if err != nil {
		return store.RecomputeResult{}, err
	}
	if n > 0 {
		if err := h.app.Audit(r, "calendar.late_resolved", "calendar", fmt.Sprintf("核算了%d条此前无法核算公开时限的信息", n)); err != nil {
			return store.RecomputeResult{}, err
		}
	}
	return h.recomputeDueDates(r)
}
