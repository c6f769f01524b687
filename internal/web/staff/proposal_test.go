package staff_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/auth"
	"gongkai/internal/config"
	"gongkai/internal/demo"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
	"gongkai/internal/web/router"
	"gongkai/internal/web/staff"
)

// newInteractionEnv is a running service over the demo agency with its 2023
// interaction records (the seed report's counts), the clock at now. The
// demo reviewer "shenhe" signs in with testPassword.
func newInteractionEnv(t *testing.T, st *store.Store, now time.Time) *env {
	t.Helper()
	ctx := context.Background()
	e := &env{t: t, st: st, clock: &clock{t: now}}
	if err := st.SeedCalendar(ctx); err != nil {
		t.Fatal(err)
	}
	sum, err := demo.Create(ctx, st, now)
	if err != nil {
		t.Fatal(err)
	}
	if e.site, err = st.Site(ctx, sum.SiteID); err != nil {
		t.Fatal(err)
	}
	e.orgA, e.orgB = sum.OrgIDs["办公室"], sum.OrgIDs["中小企业科"]
	e.user("shenhe", auth.RoleReviewer, e.orgA)
	if _, err := demo.CreateInteraction(ctx, st, sum); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	app, h, err := router.New(ctx, cfg, st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	app.Now = e.clock.Now
	e.app, e.srv = app, httptest.NewServer(h)
	t.Cleanup(e.srv.Close)
	return e
}

func proposalForm(e *env) url.Values {
	return url.Values{"site": {itoa(e.site.ID)}, "kind": {"npc"}, "role": {"lead"}, "session": {"市十五届人大三次会议"},
		"number": {"8"}, "title": {"关于建设零碳示范产业园区的建议"}, "proposer": {"李代表"}, "proposer_phone": {"13912345678"},
		"assigned_on": {"2024-03-11"}, "assigned_by": {"市人民政府办公室"}, "org": {itoa(e.orgB)},
		"supervised": {"1"}, "supervised_by": {"市领导重点督办"},
		"co_id": {"", "", ""}, "co_unit": {"市财政局", "市发展和改革委员会", ""},
		"co_email": {"czj@example.gov.cn", "", ""}, "co_received": {"", "2024-03-12", ""}}
}

// TestProposalWithTwoCoHandlers is issue 8's 建议提案 test: a proposal with
// two co-handlers; one late opinion raises a reminder; the reply is
// published (and findable), and the year's counts match the seed's
// categories (主办/会办, 督办).
func TestProposalWithTwoCoHandlers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newInteractionEnv(t, st, time.Date(2024, 3, 11, 10, 0, 0, 0, china))
		e.user("gkb2", auth.RoleOffice, e.orgA)
		office, reviewer := e.login("gkb2"), e.login("shenhe")

		res := office.post("/admin/proposals/new", proposalForm(e))
		id, ok := strings.CutPrefix(res.location, "/admin/proposals/")
		if res.status != http.StatusSeeOther || !ok {
			t.Fatalf("register: %d %s %s", res.status, res.location, res.body)
		}
		id, _, _ = strings.Cut(id, "?")
		path := "/admin/proposals/" + id
		p, err := st.Proposal(ctx, formIDs(t, id))
		if err != nil || len(p.CoHandlers) != 2 {
			t.Fatalf("stored %+v, %v", p, err)
		}
		// 市发改委 answers in time; 市财政局 (due 2024-04-11) does not.
		if res := office.post(path+"/opinion", url.Values{"cohandler": {itoa(p.CoHandlers[1].ID)}, "opinion_on": {"2024-04-08"}, "opinion": {"同意"}}); res.status != http.StatusSeeOther {
			t.Fatalf("opinion: %d %s", res.status, res.body)
		}
		e.clock.Set(time.Date(2024, 4, 11, 18, 0, 0, 0, china))
		if n, err := staff.RemindProposals(ctx, e.app); err != nil || n != 0 {
			t.Fatalf("reminders on the due day: %d, %v", n, err)
		}
		e.clock.Set(time.Date(2024, 4, 12, 9, 0, 0, 0, china))
		if n, err := staff.RemindProposals(ctx, e.app); err != nil || n != 1 {
			t.Fatalf("reminders the day after: %d, %v", n, err)
		}
		if n, _ := staff.RemindProposals(ctx, e.app); n != 0 {
			t.Fatalf("the loop's next run reminded again: %d", n)
		}
		mails, err := st.PendingMail(ctx, time.Now().Add(time.Hour), 50)
		if err != nil || len(mails) != 1 || mails[0].To != "czj@example.gov.cn" || !strings.Contains(mails[0].Subject, "会办意见已逾期") ||
			!strings.Contains(mails[0].Body, "2024-04-11") || strings.Contains(mails[0].Body, "13912345678") {
			t.Fatalf("mails %+v, %v", mails, err)
		}
		office, reviewer = e.login("gkb2"), e.login("shenhe") // a month later: the sessions have timed out
		if page := office.get(path); !strings.Contains(page.body, "逾期未复") {
			t.Fatalf("the proposal page does not flag the late opinion:\n%s", page.body)
		}

		// Bad reply: messages beside the fields, the text kept, escaped.
		bad := url.Values{"replied_on": {"2024-02-30"}, "reply_text": {"<script>alert(1)</script>答复"}, "disclosure": {""}}
		res = office.post(path+"/reply", bad)
		if res.status != http.StatusBadRequest || !strings.Contains(res.body, "须为真实存在的日期") || !strings.Contains(res.body, "请选择答复的公开方式") ||
			!strings.Contains(res.body, "&lt;script&gt;alert(1)&lt;/script&gt;答复") || strings.Contains(res.body, "<script>alert(1)") ||
			!strings.Contains(res.body, `value="2024-02-30"`) {
			t.Fatalf("bad reply: %d\n%s", res.status, res.body)
		}
		reply := url.Values{"replied_on": {"2024-05-20"}, "reply_no": {"示经信函〔2024〕8号"}, "result": {"B"}, "satisfaction": {"满意"},
			"disclosure": {"full"}, "reply_text": {"李代表：\n您提出的关于建设零碳示范产业园区的建议收悉。如有疑问请致电13912345678。\n感谢您的支持！"}}
		if res := office.post(path+"/reply", reply); res.status != http.StatusSeeOther {
			t.Fatalf("reply: %d %s", res.status, res.body)
		}
		col, err := st.ColumnBySlug(ctx, e.site.ID, "jytabl")
		if err != nil {
			t.Fatal(err)
		}
		publish := url.Values{"column": {itoa(col.ID)}, "public_text": {reply.Get("reply_text")}}
		if res := office.post(path+"/publish", publish); res.status != http.StatusForbidden {
			t.Fatalf("office published without the 终审 permission: %d", res.status)
		}
		res = reviewer.post(path+"/publish", publish)
		if res.status != http.StatusBadRequest || !strings.Contains(res.body, "公开前必须确认已完成保密审查") || !strings.Contains(res.body, "零碳示范产业园区的建议收悉") {
			t.Fatalf("publish without the 保密审查 declaration: %d\n%s", res.status, res.body)
		}
		publish.Set("secrecy", "yes")
		if res := reviewer.post(path+"/publish", publish); res.status != http.StatusSeeOther {
			t.Fatalf("publish: %d %s", res.status, res.body)
		}
		p, _ = st.Proposal(ctx, p.ID)
		doc := e.client().get("/doc/" + itoa(p.DocumentID))
		if doc.status != http.StatusOK || !strings.Contains(doc.body, "对市十五届人大三次会议第8号代表建议的答复") ||
			strings.Contains(doc.body, "13912345678") || !strings.Contains(doc.body, "[已删除]") {
			t.Fatalf("published reply %d:\n%s", doc.status, doc.body)
		}
		if list := e.client().get("/col/jytabl/"); !strings.Contains(list.body, "第8号代表建议的答复") {
			t.Fatalf("the column does not list the reply:\n%s", list.body)
		}
		if found := e.client().get("/search?q=" + url.QueryEscape("零碳示范产业园区")); !strings.Contains(found.body, "第8号代表建议的答复") {
			t.Fatalf("search does not find the reply:\n%s", found.body)
		}

		// The year's counts: 2023 is the seed's, 2024 has this one.
		stats := office.get("/admin/interaction/stats?year=2023")
		for _, want := range []string{"市十五届人大二次会议代表建议15件（主办件6件，会办件9件），其中领导重点督办件1件",
			"市政协十四届二次会议提案35件（主办件19件，会办件16件），闭会期间提案1件，其中领导重点督办件1件",
			"通过办公电话接听来电投诉15次", "回应解读29次", "回应公众关注热点或重大舆情3次"} {
			if !strings.Contains(stats.body, want) {
				t.Errorf("2023 statistics lack %q", want)
			}
		}
		if s24 := office.get("/admin/proposals?year=2024"); !strings.Contains(s24.body, "市十五届人大三次会议代表建议1件（主办件1件，会办件0件），其中领导重点督办件1件") {
			t.Errorf("2024 counts:\n%s", s24.body)
		}
		xl := office.get("/admin/interaction/stats.xlsx?year=2023")
		f, err := excelize.OpenReader(bytes.NewReader([]byte(xl.body)))
		if err != nil {
			t.Fatalf("xlsx: %v", err)
		}
		if got := f.GetSheetList(); strings.Join(got, ",") != "概述,留言,来电来信,解读回应,建议提案" {
			t.Fatalf("sheets %v", got)
		}
		rows, _ := f.GetRows("建议提案")
		if len(rows) < 3 || strings.Join(rows[1], ",") != "人大代表建议,市十五届人大二次会议,15,6,9,1,15,15,6,15" {
			t.Fatalf("proposal sheet %v", rows)
		}
	})
}

func formIDs(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatalf("id %q: %v", s, err)
	}
	return n
}

// TestProposalFormBadInput: every message beside its field, what was typed
// kept (co-handler rows included), markup escaped; the settings form too.
func TestProposalFormBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		e.user("gkb", auth.RoleOffice, e.orgA)
		c := e.login("gkb")
		form := proposalForm(e)
		form.Set("org", itoa(e.orgA))
		form.Set("title", "")
		form.Set("assigned_on", "2024/3/11")
		form.Set("proposer", "<script>alert(1)</script>")
		form["co_email"] = []string{"不是邮箱", "", ""}
		form["co_received"] = []string{"", "2024-03-01", ""}
		res := c.post("/admin/proposals/new", form)
		for _, want := range []string{"请填写标题", "日期格式应为 2023-03-15", "请填写有效的电子邮箱", "&lt;script&gt;alert(1)&lt;/script&gt;",
			`value="2024/3/11"`, `value="不是邮箱"`, `value="市发展和改革委员会"`, `value="2024-03-01"`} {
			if !strings.Contains(res.body, want) {
				t.Errorf("bad proposal form lacks %q", want)
			}
		}
		if res.status != http.StatusBadRequest || strings.Contains(res.body, "<script>alert(1)") {
			t.Fatalf("bad proposal: %d", res.status)
		}
		form = proposalForm(e)
		form.Set("org", itoa(e.orgA))
		form.Set("role", "co")
		if res := c.post("/admin/proposals/new", form); res.status != http.StatusBadRequest || !strings.Contains(res.body, "请填写主办单位") {
			t.Fatalf("co-handled proposal without its lead unit: %d", res.status)
		}
		form.Set("lead_unit", "市发展和改革委员会")
		if res := c.post("/admin/proposals/new", form); res.status != http.StatusSeeOther {
			t.Fatalf("save: %d %s", res.status, res.body)
		}
		if res := c.post("/admin/proposals/new", form); res.status != http.StatusConflict || !strings.Contains(res.body, "已有此编号") {
			t.Fatalf("same number twice: %d", res.status)
		}
		set := url.Values{"opinion_period": {"两周"}, "reply_months": {"3"}, "extended_months": {"2"}, "interpret_grace": {"3"}, "mailbox": {"x"}}
		res = c.post("/admin/interaction/settings", set)
		for _, want := range []string{"会办意见期限应写作", "延期后的答复期限不能短于", "请填写有效的电子邮箱", `value="两周"`} {
			if !strings.Contains(res.body, want) {
				t.Errorf("bad settings lack %q", want)
			}
		}
		set = url.Values{"opinion_period": {"30个工作日"}, "reply_months": {"3"}, "extended_months": {"6"}, "interpret_grace": {"5"}, "mailbox": {"gkb@example.gov.cn"}}
		if res := c.post("/admin/interaction/settings", set); res.status != http.StatusSeeOther {
			t.Fatalf("settings: %d %s", res.status, res.body)
		}
		if got, _ := st.InteractSettings(context.Background()); got.Proposal.OpinionPeriod.Workdays != 30 || got.InterpretGrace != 5 {
			t.Fatalf("settings stored %+v", got)
		}
	})
}
