package staff

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"gongkai/internal/store"
	"gongkai/internal/web"
)

// recomputeDueDates replays every open application on the calendar as now
// stored, so each due date counts the rest days and 调休 working days just
// saved (条例第三十三条: 20 working days). A case that cannot be replayed
// (its year no longer covered) keeps its date and is counted in Failed;
// the log names it by id only.
func (h handlers) recomputeDueDates(r *http.Request) (store.RecomputeResult, error) {
	ctx := r.Context()
	cal, err := h.app.Store.Calendar(ctx)
	if err != nil {
		return store.RecomputeResult{}, err
	}
	res, err := h.app.Store.RecomputeDueDates(ctx, cal)
	if err != nil {
		return res, err
	}
	if res.Failed > 0 {
		h.app.Log.Error("due dates not recomputed", "request_id", web.RequestID(r), "failed", res.Failed, "err", res.Err)
	}
	if res.Changed > 0 {
		err = h.app.Audit(r, "calendar.due_recomputed", "calendar", fmt.Sprintf("重新计算了%d件未办结申请的答复期限", res.Changed))
	}
	return res, err
}

// calendarTarget is the calendar page of year after a change, with the
// recomputation's counts for the confirmation.
func calendarTarget(year int, res store.RecomputeResult) string {
	return fmt.Sprintf("/admin/calendar?year=%d&recomputed=%d&failed=%d", year, res.Changed, res.Failed)
}

// recomputeFlash is the confirmation of a calendar change with the counts
// of calendarTarget. Only numbers are read from the query, so it cannot
// carry a message of its own.
func recomputeFlash(q url.Values) (string, bool) {
	changed, err := strconv.Atoi(q.Get("recomputed"))
	if err != nil || changed < 0 || q.Get("done") != "calendar" {
		return "", false
	}
	msg := "工作日历已更新，未办结申请的答复期限均无变化。"
	if changed > 0 {
		msg = fmt.Sprintf("工作日历已更新，已重新计算%d件未办结申请的答复期限。", changed)
	}
	if failed, err := strconv.Atoi(q.Get("failed")); err == nil && failed > 0 {
		msg += fmt.Sprintf("另有%d件申请涉及的年度未录入工作日历，答复期限暂未重新计算，请补录日历。", failed)
	}
	return msg, true
}
