package staff

import (
	"net/http"
	"slices"
	"strconv"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// calendarDay is a stored day as the page shows it.
type calendarDay struct {
	store.CalendarDay
	Weekday     string
	SourceLabel string
}

var weekdays = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

var sourceLabels = map[string]string{store.CalendarOfficial: "官方数据", store.CalendarNotice: "国务院办公厅通知", store.CalendarAdmin: "手工维护"}

type calendarPage struct {
	web.Page
	form
	Year       int
	Covered    bool
	Years      []int
	Days       []calendarDay
	Typed      map[string]string // the single-day and cover forms as typed
	NoticeText string
}

// KindLabel is the Chinese name of a day kind.
func (calendarPage) KindLabel(k workday.Kind) string {
	if k == workday.Work {
		return "调休上班"
	}
	return "放假"
}

// calendarYear reads ?year=, defaulting to this year.
func (h handlers) calendarYear(r *http.Request) int {
	y, err := strconv.Atoi(r.FormValue("year"))
	if err != nil || y < 2000 || y > 2100 {
		return h.app.Now().In(china).Year()
	}
	return y
}

func (h handlers) calendarShow(w http.ResponseWriter, r *http.Request) {
	h.renderCalendar(w, r, http.StatusOK, h.calendarYear(r), nil, nil, "")
}

func (h handlers) renderCalendar(w http.ResponseWriter, r *http.Request, status, year int, fe catalog.FieldErrors, typed map[string]string, notice string) {
	ctx := r.Context()
	years, err := h.app.Store.CalendarYears(ctx)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	days, err := h.app.Store.CalendarDays(ctx, year)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if typed == nil {
		typed = map[string]string{"kind": string(workday.Rest)}
	}
	p := calendarPage{Page: h.base(r, strconv.Itoa(year)+"年工作日历"), form: form{Errs: fe}, Year: year,
		Covered: slices.Contains(years, year), Years: years, Typed: typed, NoticeText: notice}
	for _, d := range days {
		p.Days = append(p.Days, calendarDay{CalendarDay: d, Weekday: weekdays[d.Date.Weekday()], SourceLabel: sourceLabels[d.Source]})
	}
	if msg, ok := recomputeFlash(r.URL.Query()); ok {
		p.Flash = msg
	}
	h.app.Render(w, r, status, "staff/calendar.html", p)
}
