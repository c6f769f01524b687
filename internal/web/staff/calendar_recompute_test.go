package staff_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/workday"
)

// TestCalendarChangeRecomputesDueDates: a rest day added inside an open
// case's 20 working days moves its due date one working day later (and
// removing it moves it back), and the administrator is told how many
// cases changed.
func TestCalendarChangeRecomputesDueDates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newAppEnv(t, st)
		ctx := context.Background()
		e.at("2025-03-10")
		office := e.login("office")
		id := office.register(applicationForm("2025-03-10"))
		cal, _ := st.Calendar(ctx)
		due, _ := cal.AddWorkdays(workday.NewDate(2025, 3, 10), 20)
		dueOf := func() workday.Date {
			t.Helper()
			rec, err := st.Application(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return rec.DueOn
		}
		if got := dueOf(); got != due {
			t.Fatalf("due %s, want %s", got, due)
		}
		admin := e.login2("sysadmin1", auth.RoleSysAdmin)
		res := admin.post("/admin/calendar/days", url.Values{"date": {"2025-03-20"}, "kind": {"rest"}, "name": {"临时放假"}})
		if res.status != http.StatusSeeOther || !strings.Contains(res.location, "recomputed=1") {
			t.Fatalf("add rest day: %d %s", res.status, res.location)
		}
		later, _ := cal.AddWorkdays(due, 1)
		if got := dueOf(); got != later {
			t.Fatalf("after a rest day on 2025-03-20: due %s, want %s", got, later)
		}
		if page := admin.get(res.location); !strings.Contains(page.body, "已重新计算1件未办结申请的答复期限") {
			t.Fatalf("confirmation: %d %s", page.status, errorText(page.body))
		}
		if len(e.audits("calendar.due_recomputed")) != 1 {
			t.Error("recomputation not audited")
		}
		res = admin.post("/admin/calendar/days/delete", url.Values{"date": {"2025-03-20"}})
		if res.status != http.StatusSeeOther || !strings.Contains(res.location, "recomputed=1") || dueOf() != due {
			t.Fatalf("delete rest day: %d %s, due %s", res.status, res.location, dueOf())
		}
		// A day outside every open window changes nothing, and says so.
		res = admin.post("/admin/calendar/days", url.Values{"date": {"2025-08-20"}, "kind": {"rest"}})
		if page := admin.get(res.location); !strings.Contains(page.body, "答复期限均无变化") || dueOf() != due {
			t.Fatalf("unrelated day: %s, due %s", res.location, dueOf())
		}
		// Only numbers come from the query: text there shows nothing.
		if page := admin.get("/admin/calendar?year=2025&done=calendar&recomputed=%3Cb%3Ex"); !strings.Contains(page.body, "工作日历已更新。") ||
			strings.Contains(page.body, "&lt;b&gt;x") || strings.Contains(page.body, "<b>x") {
			t.Fatalf("query text: %s", errorText(page.body))
		}
	})
}
