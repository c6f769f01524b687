package staff_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web/staff"
	"gongkai/internal/workday"
)

var indexNoRE = regexp.MustCompile(`^` + testUSCC + `/\d{4}-\d{5}$`)

// pdf is a small file that is a PDF by content.
var pdf = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

func TestReviewWorkflow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		ctx := context.Background()
		e.user("officer-a", auth.RoleOfficer, e.orgA)
		e.user("office1", auth.RoleOffice, 0)
		e.user("reviewer1", auth.RoleReviewer, 0)
		officer, office, reviewer := e.login("officer-a"), e.login("office1"), e.login("reviewer1")

		// The officer creates a document with metadata and an attachment.
		res := officer.postMultipart("/admin/documents/new", documentForm(e.colA, "关于开展2025年工业企业调查的通知"),
			upload{name: "调查表.pdf", data: pdf})
		id := docID(t, res)
		d, err := s.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if d.State != catalog.StateDraft || d.DocNo != "黄经信发〔2025〕5号" || d.Genre != catalog.GenreNormative ||
			d.Topic != "工业、交通" || d.OrgID != e.orgA || d.SiteID != e.site.ID || len(d.Channels) != 1 || d.Channels[0].Ref != "黄石经信公众号" {
			t.Fatalf("stored document: %+v", d)
		}
		if d.BodyHTML != `<p style="text-align: center">各有关单位：</p><p>请按要求报送。</p>` {
			t.Fatalf("stored body: %q", d.BodyHTML)
		}
		if len(d.Attachments) != 1 {
			t.Fatalf("attachments: %+v", d.Attachments)
		}
		a := d.Attachments[0]
		sum := sha256.Sum256(pdf)
		if a.Name != "调查表.pdf" || a.MIME != "application/pdf" || a.SHA256 != hex.EncodeToString(sum[:]) ||
			!regexp.MustCompile(`^\d{4}/\d{2}/[0-9a-f]{32}\.pdf$`).MatchString(a.StoredAs) {
			t.Fatalf("attachment: %+v", a)
		}
		if got, err := os.ReadFile(filepath.Join(e.app.Cfg.FilesDir(), filepath.FromSlash(a.StoredAs))); err != nil || string(got) != string(pdf) {
			t.Fatalf("attachment file: %v", err)
		}
		if res := reviewer.get("/admin/attachments/" + itoa(a.ID)); res.status != http.StatusOK || res.body != string(pdf) {
			t.Fatalf("reviewer downloads the attachment: %d", res.status)
		}

		post := func(c *client, action string, form url.Values) response {
			t.Helper()
			return c.post("/admin/documents/"+itoa(id)+"/"+action, form)
		}
		state := func() catalog.State {
			t.Helper()
			d, err := s.Document(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return d.State
		}
		if res := post(officer, "submit", nil); res.status != http.StatusSeeOther || state() != catalog.StateSubmitted {
			t.Fatalf("submit: %d %s", res.status, state())
		}
		// Under review the author can no longer edit it.
		if res := officer.get("/admin/documents/" + itoa(id) + "/edit"); res.status != http.StatusConflict {
			t.Fatalf("edit under review: %d", res.status)
		}
		if res := post(office, "first-approve", nil); res.status != http.StatusSeeOther || state() != catalog.StateFirstApproved {
			t.Fatalf("初审: %d %s", res.status, state())
		}
		// 终审 without the 保密审查 declaration: refused, state unchanged.
		res = post(reviewer, "final-approve", url.Values{})
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "终审发布前必须勾选保密审查确认") ||
			!strings.Contains(res.body, `aria-invalid="true"`) || state() != catalog.StateFirstApproved {
			t.Fatalf("终审 without declaration: %d %s %s", res.status, state(), res.body)
		}
		res = post(reviewer, "final-approve", url.Values{"secrecy": {"yes"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("终审: %d %s", res.status, res.body)
		}
		d, _ = s.Document(ctx, id)
		if d.State != catalog.StatePublished || !indexNoRE.MatchString(d.IndexNo) || d.PublishedAt.IsZero() {
			t.Fatalf("published: %s %q", d.State, d.IndexNo)
		}
		revs, _ := s.Reviews(ctx, id)
		if len(revs) != 3 || !revs[2].SecrecyChecked {
			t.Fatalf("review history: %+v", revs)
		}
		page := officer.get("/admin/documents/" + itoa(id))
		if !strings.Contains(page.body, d.IndexNo) || !strings.Contains(page.body, "终审通过") {
			t.Fatalf("document page after publication: %s", page.body)
		}
		for _, act := range []string{"document.create", "attachment.upload", "document.submit", "document.first_approve", "document.final_approve"} {
			es := e.audits(act)
			if len(es) != 1 || es[0].RemoteAddr != "127.0.0.1" || es[0].Target != "document:"+itoa(id) {
				t.Fatalf("audit %s: %+v", act, es)
			}
		}
	})
}

func TestRejectionAndSameReviewer(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	e.user("officer-a", auth.RoleOfficer, e.orgA)
	e.user("reviewer1", auth.RoleReviewer, 0)
	officer, reviewer := e.login("officer-a"), e.login("reviewer1")
	id := docID(t, officer.post("/admin/documents/new", documentForm(e.colA, "待退回的稿件")))
	path := "/admin/documents/" + itoa(id) + "/"
	officer.post(path+"submit", nil)
	if res := reviewer.post(path+"first-reject", url.Values{"reason": {"  "}}); res.status != http.StatusUnprocessableEntity ||
		!strings.Contains(res.body, "请填写理由") {
		t.Fatalf("reject without reason: %d", res.status)
	}
	if res := reviewer.post(path+"first-reject", url.Values{"reason": {"文号有误，请核对"}}); res.status != http.StatusSeeOther {
		t.Fatalf("reject: %d %s", res.status, res.body)
	}
	dash := officer.get("/admin/")
	if !strings.Contains(dash.body, "待退回的稿件") || !strings.Contains(dash.body, "文号有误，请核对") {
		t.Fatalf("the author's dashboard does not show the rejection reason: %s", dash.body)
	}
	if page := officer.get("/admin/documents/" + itoa(id)); !strings.Contains(page.body, "退回理由") || !strings.Contains(page.body, "文号有误，请核对") {
		t.Fatal("the document page does not show the rejection reason")
	}
	// Rejected documents are editable and can be submitted again.
	form := documentForm(e.colA, "待退回的稿件（修改后）")
	if res := officer.post(path+"edit", form); res.status != http.StatusSeeOther {
		t.Fatalf("edit after rejection: %d %s", res.status, res.body)
	}
	officer.post(path+"submit", nil)
	reviewer.post(path+"first-approve", nil)
	if dash := reviewer.get("/admin/"); !strings.Contains(dash.body, "待终审（1）") {
		t.Fatalf("final queue: %s", dash.body)
	}
	// The same person cannot do both 初审 and 终审.
	res := reviewer.post(path+"final-approve", url.Values{"secrecy": {"yes"}})
	if res.status != http.StatusConflict || !strings.Contains(res.body, "初审人与终审人不能为同一人") {
		t.Fatalf("same reviewer: %d %s", res.status, res.body)
	}
	if d, _ := s(e).Document(ctx, id); d.State != catalog.StateFirstApproved {
		t.Fatalf("state after refused 终审: %s", d.State)
	}
	// A step that the state does not allow is a conflict.
	if res := officer.post(path+"submit", nil); res.status != http.StatusConflict {
		t.Fatalf("submit twice: %d", res.status)
	}
}

func s(e *env) *store.Store { return e.st }

func TestScheduledPublicationAndWithdrawal(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	e.user("officer-a", auth.RoleOfficer, e.orgA)
	e.user("office1", auth.RoleOffice, 0)
	e.user("leader1", auth.RoleLeader, 0)
	officer, office, leader := e.login("officer-a"), e.login("office1"), e.login("leader1")
	id := docID(t, officer.post("/admin/documents/new", documentForm(e.colA, "定时发布的通知")))
	path := "/admin/documents/" + itoa(id) + "/"
	officer.post(path+"submit", nil)
	office.post(path+"first-approve", nil)
	if res := leader.post(path+"final-approve", url.Values{"secrecy": {"yes"}, "publish_at": {"2025-03-11T09:00"}}); res.status != http.StatusSeeOther {
		t.Fatalf("scheduled 终审: %d %s", res.status, res.body)
	}
	d, _ := e.st.Document(ctx, id)
	if d.State != catalog.StateScheduled || !indexNoRE.MatchString(d.IndexNo) {
		t.Fatalf("scheduled: %s %q", d.State, d.IndexNo)
	}
	if n, err := staff.PublishDue(ctx, e.app); err != nil || n != 0 {
		t.Fatalf("before its time: %d %v", n, err)
	}
	e.clock.Set(time.Date(2025, 3, 11, 9, 0, 30, 0, china))
	if n, err := staff.PublishDue(ctx, e.app); err != nil || n != 1 {
		t.Fatalf("PublishDue: %d %v", n, err)
	}
	d, _ = e.st.Document(ctx, id)
	if d.State != catalog.StatePublished || d.LateWorkdays != 0 {
		t.Fatalf("after PublishDue: %s late %d", d.State, d.LateWorkdays)
	}
	leader = e.login("leader1") // a day has passed: the old session timed out
	if es := e.audits("document.publish_due"); len(es) != 1 || es[0].Username != staff.SystemUser {
		t.Fatalf("publish_due audit: %+v", es)
	}
	if res := leader.post(path+"withdraw", url.Values{"reason": {""}}); res.status != http.StatusUnprocessableEntity {
		t.Fatalf("withdraw without reason: %d", res.status)
	}
	if res := leader.post(path+"withdraw", url.Values{"reason": {"内容已过时"}}); res.status != http.StatusSeeOther {
		t.Fatalf("withdraw: %d", res.status)
	}
	if d, _ := e.st.Document(ctx, id); d.State != catalog.StateWithdrawn {
		t.Fatalf("withdrawn: %s", d.State)
	}
}

func TestLatePublicationFlagged(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	e.user("office1", auth.RoleOffice, 0)
	e.user("reviewer1", auth.RoleReviewer, 0)
	office, reviewer := e.login("office1"), e.login("reviewer1")
	publish := func(title, written string) int64 {
		t.Helper()
		form := documentForm(e.colA, title)
		form.Set("written_on", written)
		return publishForm(t, office, reviewer, form)
	}
	// Written 2025-01-02, published 2025-03-10: 43 working days with the 2025
	// Spring Festival (01-28…02-04 off, 01-26 and 02-08 worked), so 23 late.
	late := publish("超期发布的通知", "2025-01-02")
	if d, _ := e.st.Document(ctx, late); d.LateWorkdays != 23 {
		t.Fatalf("late workdays: %d", d.LateWorkdays)
	}
	if dash := office.get("/admin/"); !strings.Contains(dash.body, "超期发布的通知") {
		t.Fatal("late publication not on the dashboard")
	}
	// A year the calendar does not cover: published anyway, flagged, never
	// guessed. The store stamps publications with the real clock, so the
	// uncovered year here is this year, removed from the calendar.
	now := time.Now().In(china)
	if _, err := e.st.DB().ExecContext(ctx, e.rebind(`DELETE FROM calendar_years WHERE year = ?`), now.Year()); err != nil {
		t.Fatal(err)
	}
	e.clock.Set(now)
	office, reviewer = e.login("office1"), e.login("reviewer1")
	written := now.AddDate(0, 0, -45).Format("2006-01-02")
	id := publish("日历未覆盖年度的通知", written)
	if d, _ := e.st.Document(ctx, id); d.State != catalog.StatePublished || d.LateWorkdays != 0 {
		t.Fatalf("uncovered year: %s %d", d.State, d.LateWorkdays)
	}
	if flags, _ := e.st.OpenFlags(ctx, store.FlagLateUnknown); len(flags) != 1 || flags[0].DocumentID != id {
		t.Fatalf("flags: %+v", flags)
	}
	if page := office.get("/admin/documents/" + itoa(id) + "?done=late"); !strings.Contains(page.body, "工作日历未覆盖相关年度") {
		t.Fatal("no warning on the document page")
	}
	if dash := office.get("/admin/"); !strings.Contains(dash.body, "无法核算是否超期") {
		t.Fatal("no flag on the dashboard")
	}
	// Once the year is declared covered, the lateness is computed.
	admin := e.login2("sysadmin1", auth.RoleSysAdmin)
	if res := admin.post("/admin/calendar/years", url.Values{"year": {itoa(int64(now.Year()))}, "confirm": {"yes"}}); res.status != http.StatusSeeOther {
		t.Fatalf("cover %d: %d %s", now.Year(), res.status, res.body)
	}
	if flags, _ := e.st.OpenFlags(ctx, store.FlagLateUnknown); len(flags) != 0 {
		t.Fatalf("flag not resolved: %+v", flags)
	}
	d, _ := e.st.Document(ctx, id)
	cal, _ := e.st.Calendar(ctx)
	from, _ := workday.ParseDate(written)
	n, err := cal.WorkdaysBetween(from, workday.FromTime(d.PublishedAt.In(china)))
	if err != nil || n <= 20 || d.LateWorkdays != n-20 {
		t.Fatalf("late workdays after covering the year: %d (%d working days, %v)", d.LateWorkdays, n, err)
	}
	if len(e.audits("calendar.late_resolved")) != 1 {
		t.Fatal("resolution not audited")
	}
}

// login2 creates a user with role and signs them in.
func (e *env) login2(username string, role auth.Role) *client {
	e.user(username, role, 0)
	return e.login(username)
}
