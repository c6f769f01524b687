package staff

import (
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// maxNoticeText bounds a pasted notice; real ones are about 1,500 characters.
const maxNoticeText = 20000

type noticeConfirmPage struct {
	web.Page
	Text string
	Year int
	Days []calendarDay
}

// KindLabel is the Chinese name of a day kind.
func (noticeConfirmPage) KindLabel(k workday.Kind) string { return calendarPage{}.KindLabel(k) }

// calendarNoticeParse parses a pasted 国务院办公厅 holiday notice and shows
// the days it found for confirmation. Nothing is saved yet.
func (h handlers) calendarNoticeParse(w http.ResponseWriter, r *http.Request) {
	text, days, year, ok := h.postedNotice(w, r)
	if !ok {
		return
	}
	p := noticeConfirmPage{Page: h.base(r, fmt.Sprintf("确认%d年节假日安排", year)), Text: text, Year: year}
	for _, d := range days {
		p.Days = append(p.Days, calendarDay{CalendarDay: store.CalendarDay{Day: d}, Weekday: weekdays[d.Date.Weekday()]})
	}
	h.app.Render(w, r, http.StatusOK, "staff/calendar_confirm.html", p)
}

// calendarNoticeConfirm stores what the confirmed notice says and marks its
// year as covered. The text is parsed again rather than trusting posted
// dates, so what is saved is exactly what the notice says.
func (h handlers) calendarNoticeConfirm(w http.ResponseWriter, r *http.Request) {
	_, days, year, ok := h.postedNotice(w, r)
	if !ok {
		return
	}
	var res store.RecomputeResult
	err := h.app.Store.SaveCalendar(r.Context(), days, []int{year}, store.CalendarNotice)
	if err == nil {
		res, err = h.calendarChanged(r, "calendar.notice", fmt.Sprintf("%d年节假日安排，%d天", year, len(days)))
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, calendarTarget(year, res), "calendar")
}

// postedNotice reads and parses the pasted notice; its year is the one most
// of its days fall in (a 元旦 span may reach into the year before). When the
// text cannot be used, the calendar page is shown again with the message
// beside the text box and the text as pasted, and ok is false.
func (h handlers) postedNotice(w http.ResponseWriter, r *http.Request) (text string, days []workday.Day, year int, ok bool) {
	text = r.PostFormValue("notice")
	days, err := checkNotice(text)
	if err != nil {
		fe := catalog.FieldErrors{"notice": err.Error()}
		h.renderCalendar(w, r, http.StatusUnprocessableEntity, h.calendarYear(r), fe, nil, text)
		return text, nil, 0, false
	}
	return text, days, workday.MainYear(days), true
}

func checkNotice(text string) ([]workday.Day, error) {
	switch {
	case strings.TrimSpace(text) == "":
		return nil, fmt.Errorf("请粘贴国务院办公厅关于节假日安排的通知全文")
	case utf8.RuneCountInString(text) > maxNoticeText:
		return nil, fmt.Errorf("通知文本过长（超过%d字），请只粘贴通知正文", maxNoticeText)
	}
	return workday.ParseNotice(text)
}
