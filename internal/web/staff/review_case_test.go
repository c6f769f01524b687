package staff_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestReviewCaseRegister(t *testing.T) {
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	office := e.login("office")
	id := office.register(applicationForm("2025-03-10"))
	code := e.record(id).Code
	form := url.Values{"code": {code}, "route": {"reconsideration"}, "body": {remedyOrgan}, "case_no": {"黄政复〔2025〕3号"},
		"filed_on": {"2025-04-01"}, "result": {"upheld"}}
	// A decided case needs its date.
	res := office.post("/admin/review-cases/new", form)
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "请填写审结日期") || !strings.Contains(res.body, "黄政复〔2025〕3号") {
		t.Fatalf("missing date: %d %s", res.status, errorText(res.body))
	}
	form.Set("decided_on", "2025-05-20")
	if res := office.post("/admin/review-cases/new", form); res.status != http.StatusSeeOther {
		t.Fatalf("create: %d %s", res.status, errorText(res.body))
	}
	unknown := url.Values{"code": {"YS2025-999999"}, "route": {"litigation"}, "body": {"黄石市中级人民法院"}, "filed_on": {"2025-06-01"}, "result": {"pending"}}
	if res := office.post("/admin/review-cases/new", unknown); res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "找不到该查询码") {
		t.Fatalf("unknown code: %d", res.status)
	}
	rcs, err := e.st.ReviewCases(t.Context(), store.ReviewCaseFilter{ApplicationID: id})
	if err != nil || len(rcs) != 1 || rcs[0].Result != disclosure.ResultUpheld || rcs[0].SiteID != e.site.ID {
		t.Fatalf("stored: %+v %v", rcs, err)
	}
	list := office.get("/admin/review-cases?year=2025")
	if list.status != 200 || !strings.Contains(list.body, code) || !strings.Contains(list.body, "黄政复〔2025〕3号") {
		t.Fatalf("list: %d", list.status)
	}
	// Edit: a lawsuit after the 复议, still pending.
	edit := "/admin/review-cases/" + itoa(rcs[0].ID) + "/edit"
	if page := office.get(edit); page.status != 200 || !strings.Contains(page.body, `value="2025-05-20"`) {
		t.Fatalf("edit form: %d", page.status)
	}
	form.Set("result", "pending")
	if res := office.post(edit, form); res.status != http.StatusUnprocessableEntity {
		t.Fatalf("pending with a decision date: %d", res.status)
	}
	form.Set("decided_on", "")
	if res := office.post(edit, form); res.status != http.StatusSeeOther {
		t.Fatalf("update: %d %s", res.status, errorText(res.body))
	}
	if page := office.get("/admin/applications/" + itoa(id)); !strings.Contains(page.body, "黄政复〔2025〕3号") || !strings.Contains(page.body, "尚未审结") {
		t.Fatalf("case page lacks the linked review: %s", errorText(page.body))
	}
}
