package staff_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestQueueFiltersAndMasking(t *testing.T) {
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	e.at("2025-02-10")
	office := e.login("office")
	old := office.register(applicationForm("2025-02-10")) // due 2025-03-10
	e.at("2025-03-03")
	fresh := office.register(applicationForm("2025-03-03")) // due 2025-03-31
	waiting := office.register(applicationForm("2025-03-03"))
	office.mustStep(fresh, "assign", url.Values{"on": {"2025-03-03"}, "org": {itoa(e.orgB)}})
	office.mustStep(waiting, "amendment", url.Values{"on": {"2025-03-03"}, "items": {"写明年度"}, "deadline": {"2025-03-20"}})
	e.at("2025-03-11")

	has := func(body string, ids ...int64) string {
		var got []string
		for _, id := range []int64{old, fresh, waiting} {
			if strings.Contains(body, `href="/admin/applications/`+itoa(id)+`"`) {
				got = append(got, itoa(id))
			}
		}
		return strings.Join(got, ",")
	}
	want := func(ids ...int64) string {
		var s []string
		for _, id := range ids {
			s = append(s, itoa(id))
		}
		return strings.Join(s, ",")
	}
	for query, ids := range map[string][]int64{
		"":                          {old, fresh, waiting},
		"?state=awaiting_amendment": {waiting},
		"?state=received":           {old},
		"?org=" + itoa(e.orgB):      {fresh},
		"?overdue=1":                {old},
		"?due=5":                    {},
		"?due=20":                   {fresh},
		"?state=closed":             {},
	} {
		res := office.get("/admin/applications" + query)
		if res.status != 200 {
			t.Fatalf("%q: %d", query, res.status)
		}
		if got := has(res.body); got != want(ids...) {
			t.Errorf("queue%s lists %q, want %q", query, got, want(ids...))
		}
	}
	res := office.get("/admin/applications?overdue=1")
	if !strings.Contains(res.body, "已超期1个工作日") {
		t.Errorf("overdue case not marked: %s", errorText(res.body))
	}
	// Personal data is masked in the queue and on the case page.
	all := office.get("/admin/applications")
	page := office.get("/admin/applications/" + itoa(old))
	for name, body := range map[string]string{"queue": all.body, "case page": page.body} {
		for _, secret := range []string{personID, personPhone, "zhang@example.com", "团城山街道8号"} {
			if strings.Contains(body, secret) {
				t.Errorf("%s shows %q in full", name, secret)
			}
		}
	}
	if strings.Contains(all.body, personName) || !strings.Contains(all.body, "张**") {
		t.Error("the queue shows the person's name unmasked")
	}
	if !strings.Contains(page.body, "110***********002X") || !strings.Contains(page.body, "138****5678") {
		t.Errorf("case page lacks the masked values: %s", errorText(page.body))
	}
}

func TestRevealIsAudited(t *testing.T) {
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	office := e.login("office")
	id := office.register(applicationForm("2025-03-10"))
	if n := len(e.audits("application.reveal")); n != 0 {
		t.Fatalf("audited before any reveal: %d", n)
	}
	// Only an explicit POST shows the full data.
	if res := office.get("/admin/applications/" + itoa(id) + "/reveal"); res.status == http.StatusOK {
		t.Fatal("GET reveals")
	}
	res := office.post("/admin/applications/"+itoa(id)+"/reveal", nil)
	if res.status != 200 || !strings.Contains(res.body, personID) || !strings.Contains(res.body, personPhone) || !strings.Contains(res.body, "团城山街道8号") {
		t.Fatalf("reveal: %d %s", res.status, errorText(res.body))
	}
	if res.header.Get("Cache-Control") != "no-store" {
		t.Errorf("revealed page may be cached: %q", res.header.Get("Cache-Control"))
	}
	es := e.audits("application.reveal")
	if len(es) != 1 || es[0].Username != "office" || es[0].Target != e.record(id).Code || strings.Contains(es[0].Detail, personID) {
		t.Fatalf("reveal audit: %+v", es)
	}
}

// A 科室信息员 reaches their own Org's cases only, on both engines.
func TestApplicationPermissions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newAppEnv(t, s)
		e.user("reviewer", auth.RoleReviewer, 0)
		office, a, b := e.login("office"), e.login("officer-a"), e.login("officer-b")
		idA := office.register(applicationForm("2025-03-10"))
		idB := office.register(applicationForm("2025-03-10"))
		unassigned := office.register(applicationForm("2025-03-10"))
		office.mustStep(idA, "assign", url.Values{"on": {"2025-03-10"}, "org": {itoa(e.orgA)}})
		office.mustStep(idB, "assign", url.Values{"on": {"2025-03-10"}, "org": {itoa(e.orgB)}})

		// The queue: own Org only, even when asking for another Org.
		for _, q := range []string{"", "?org=" + itoa(e.orgB)} {
			res := a.get("/admin/applications" + q)
			if res.status != 200 || !strings.Contains(res.body, `/admin/applications/`+itoa(idA)+`"`) ||
				strings.Contains(res.body, `/admin/applications/`+itoa(idB)+`"`) || strings.Contains(res.body, `/admin/applications/`+itoa(unassigned)+`"`) {
				t.Fatalf("officer A's queue%s: %d", q, res.status)
			}
		}
		// Own case: page and steps work.
		if res := a.get("/admin/applications/" + itoa(idA)); res.status != 200 {
			t.Fatalf("own case: %d", res.status)
		}
		a.mustStep(idA, "extension", url.Values{"on": {"2025-03-10"}, "days": {"5"}, "reason": {"需要汇总"}})
		ns := e.notices(idA)
		for name, res := range map[string]response{
			"view other Org's case":      a.get("/admin/applications/" + itoa(idB)),
			"view unassigned case":       a.get("/admin/applications/" + itoa(unassigned)),
			"reveal other Org's case":    a.post("/admin/applications/"+itoa(idB)+"/reveal", nil),
			"reply on other Org's case":  a.step(idB, "reply", url.Values{"on": {"2025-03-10"}, "basis": {"art36_4"}}),
			"notice of other Org's case": b.get("/admin/application-notices/" + itoa(ns[0].ID)),
			"docx of other Org's case":   b.get("/admin/application-notices/" + itoa(ns[0].ID) + "/docx"),
			"register":                   a.post(registerPath, applicationForm("2025-03-10")),
			"assign own case":            a.step(idA, "assign", url.Values{"on": {"2025-03-10"}, "org": {itoa(e.orgB)}}),
			"approve own extension":      a.step(idA, "extension-approve", url.Values{"on": {"2025-03-10"}}),
			"review register":            a.get("/admin/review-cases"),
			"notice templates":           a.get("/admin/notice-templates"),
			"reviewer sees the queue":    e.login("reviewer").get("/admin/applications"),
		} {
			if res.status != http.StatusForbidden {
				t.Errorf("%s: %d, want 403", name, res.status)
			}
		}
		if got := e.record(idB); got.Version != 2 {
			t.Fatalf("other Org's case changed: version %d", got.Version)
		}
		if n := len(e.audits("application.reveal")); n != 0 {
			t.Fatalf("refused reveal was audited as a reveal: %d", n)
		}
	})
}
