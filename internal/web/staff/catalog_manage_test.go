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
)

func TestColumnManagement(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	c := e.login2("sysadmin1", auth.RoleSysAdmin)
	ctx := context.Background()
	site := itoa(e.site.ID)
	if res := c.get("/admin/columns"); res.status != http.StatusOK || !strings.Contains(res.body, "通知公告") || !strings.Contains(res.body, "办公室") {
		t.Fatalf("column list: %d", res.status)
	}
	bad := url.Values{"site": {site}, "slug": {"Bad Slug"}, "name": {""}, "kind": {"不存在"}, "sort": {"x"}, "org": {itoa(e.orgA)}}
	res := c.post("/admin/columns/new", bad)
	for _, want := range []string{"路径只能使用小写字母", "请填写栏目名称", "请选择栏目类型", "排序请填写", `value="Bad Slug"`, `value="x"`} {
		if !strings.Contains(res.body, want) {
			t.Errorf("invalid column form lacks %q", want)
		}
	}
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid column: %d", res.status)
	}
	good := url.Values{"site": {site}, "slug": {"zcjd"}, "name": {"政策解读"}, "kind": {"政策解读"}, "sort": {"3"},
		"org": {itoa(e.orgB)}, "parent": {itoa(e.colB)}}
	if res := c.post("/admin/columns/new", good); res.status != http.StatusSeeOther {
		t.Fatalf("create column: %d %s", res.status, res.body)
	}
	col, err := e.st.ColumnBySlug(ctx, e.site.ID, "zcjd")
	if err != nil || col.OrgID != e.orgB || col.ParentID != e.colB || col.Sort != 3 {
		t.Fatalf("created column: %+v %v", col, err)
	}
	if res := c.post("/admin/columns/new", good); res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "已有使用此路径的栏目") {
		t.Fatalf("duplicate slug: %d", res.status)
	}
	// A column cannot be put under itself or its descendants.
	edit := url.Values{"name": {"规划计划"}, "kind": {"规划计划"}, "sort": {"0"}, "parent": {itoa(col.ID)}}
	if res := c.post("/admin/columns/"+itoa(e.colB)+"/edit", edit); res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "其下级栏目") {
		t.Fatalf("cycle: %d", res.status)
	}
	edit.Set("parent", "0")
	edit.Set("archived", "yes")
	if res := c.post("/admin/columns/"+itoa(e.colB)+"/edit", edit); res.status != http.StatusSeeOther {
		t.Fatalf("archive column: %d %s", res.status, res.body)
	}
	if got, _ := e.st.Column(ctx, e.colB); !got.Archived {
		t.Fatal("column not archived")
	}
	if n := len(e.audits("column.create")) + len(e.audits("column.update")); n != 2 {
		t.Fatalf("column changes audited: %d", n)
	}
}

func TestOrgAndSiteManagement(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	c := e.login2("office1", auth.RoleOffice)
	site := itoa(e.site.ID)
	if res := c.post("/admin/orgs/new", url.Values{"site": {site}, "name": {""}, "phone": {"0714-1234567"}}); res.status != http.StatusUnprocessableEntity ||
		!strings.Contains(res.body, "请填写科室名称") || !strings.Contains(res.body, `value="0714-1234567"`) {
		t.Fatalf("invalid org: %d", res.status)
	}
	if res := c.post("/admin/orgs/new", url.Values{"site": {site}, "name": {"政策法规科"}}); res.status != http.StatusSeeOther {
		t.Fatalf("create org: %d %s", res.status, res.body)
	}
	if res := c.post("/admin/orgs/new", url.Values{"site": {site}, "name": {"办公室"}}); res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "同名科室") {
		t.Fatalf("duplicate org: %d", res.status)
	}
	form := url.Values{"name": {"市经济和信息化局（新）"}, "uscc": {"not-a-uscc"}, "site_id_code": {"12"}, "phone": {"0714-6666666"}}
	res := c.post("/admin/sites/"+site+"/edit", form)
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "18位统一社会信用代码") ||
		!strings.Contains(res.body, "10位字母或数字") || !strings.Contains(res.body, `value="not-a-uscc"`) {
		t.Fatalf("invalid site: %d %s", res.status, res.body)
	}
	form.Set("uscc", testUSCC)
	form.Set("site_id_code", "4202000001")
	if res := c.post("/admin/sites/"+site+"/edit", form); res.status != http.StatusSeeOther {
		t.Fatalf("save site: %d %s", res.status, res.body)
	}
	if sites := e.app.Sites(); sites[0].Name != "市经济和信息化局（新）" || sites[0].SiteIDCode != "4202000001" {
		t.Fatalf("sites not reloaded: %+v", sites[0])
	}
	sub := url.Values{"code": {"xq"}, "parent": {site}, "name": {"某某县经信局"}, "uscc": {"11420222MB0000000Y"}}
	if res := c.post("/admin/sites/new", sub); res.status != http.StatusSeeOther {
		t.Fatalf("create sub-site: %d %s", res.status, res.body)
	}
	if res := c.post("/admin/sites/new", sub); res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "该站点代码已被使用") {
		t.Fatalf("duplicate site code: %d", res.status)
	}
	if len(e.app.Sites()) != 2 || len(e.audits("site.create")) != 1 || len(e.audits("org.create")) != 1 {
		t.Fatal("site or org changes not applied or not audited")
	}
}

// notice2030 is a holiday notice for a year lunar-go does not carry.
const notice2030 = `国务院办公厅关于2030年部分节假日安排的通知
经国务院批准，现将2030年元旦、劳动节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周二）放假，共1天。
二、劳动节：5月1日（周三）至5日（周日）放假调休，共5天。4月28日（周日）、5月11日（周六）上班。
国务院办公厅`

func TestCalendarNoticeImport(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	c := e.login2("sysadmin1", auth.RoleSysAdmin)
	ctx := context.Background()
	if res := c.get("/admin/calendar?year=2030"); res.status != http.StatusOK || !strings.Contains(res.body, "2030年尚未录入官方节假日安排") {
		t.Fatalf("uncovered year page: %d", res.status)
	}
	res := c.post("/admin/calendar/notice", url.Values{"notice": {notice2030}, "year": {"2030"}})
	if res.status != http.StatusOK {
		t.Fatalf("parse: %d %s", res.status, res.body)
	}
	for _, want := range []string{"2030-01-01", "2030-04-28", "2030-05-05", "2030-05-11", "调休上班", "劳动节", "确认保存"} {
		if !strings.Contains(res.body, want) {
			t.Errorf("confirmation lacks %q", want)
		}
	}
	// Nothing is saved before confirmation.
	if days, _ := e.st.CalendarDays(ctx, 2030); len(days) != 0 {
		t.Fatalf("saved before confirmation: %+v", days)
	}
	if res := c.post("/admin/calendar/notice/confirm", url.Values{"notice": {notice2030}}); res.status != http.StatusSeeOther {
		t.Fatalf("confirm: %d %s", res.status, res.body)
	}
	days, _ := e.st.CalendarDays(ctx, 2030)
	if len(days) != 8 {
		t.Fatalf("stored days: %d", len(days))
	}
	for _, d := range days {
		if d.Source != store.CalendarNotice {
			t.Fatalf("source of %s: %s", d.Date, d.Source)
		}
	}
	cal, _ := e.st.Calendar(ctx)
	if !cal.Covers(2030) {
		t.Fatal("2030 not marked covered")
	}
	if len(e.audits("calendar.notice")) != 1 {
		t.Fatal("import not audited")
	}
	// A text that is not a notice: the error beside the box, the text kept.
	res = c.post("/admin/calendar/notice", url.Values{"notice": {"这不是通知<b>"}, "year": {"2030"}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, `id="notice-error"`) || !strings.Contains(res.body, "这不是通知&lt;b&gt;</textarea>") {
		t.Fatalf("bad notice: %d %s", res.status, res.body)
	}
}

func TestCalendarDayEdits(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	c := e.login2("sysadmin1", auth.RoleSysAdmin)
	ctx := context.Background()
	res := c.post("/admin/calendar/days", url.Values{"date": {"2030-13-01"}, "kind": {"work"}, "name": {"国庆节"}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, `value="2030-13-01"`) || !strings.Contains(res.body, `value="国庆节"`) {
		t.Fatalf("bad date: %d", res.status)
	}
	if res := c.post("/admin/calendar/days", url.Values{"date": {"2030-10-08"}, "kind": {"rest"}, "name": {"国庆节"}}); res.status != http.StatusSeeOther {
		t.Fatalf("add day: %d %s", res.status, res.body)
	}
	days, _ := e.st.CalendarDays(ctx, 2030)
	if len(days) != 1 || days[0].Source != store.CalendarAdmin || days[0].Name != "国庆节" {
		t.Fatalf("stored: %+v", days)
	}
	if res := c.post("/admin/calendar/days/delete", url.Values{"date": {"2030-10-08"}}); res.status != http.StatusSeeOther {
		t.Fatalf("delete day: %d", res.status)
	}
	if days, _ := e.st.CalendarDays(ctx, 2030); len(days) != 0 {
		t.Fatalf("not deleted: %+v", days)
	}
	// Marking a year covered needs the explicit confirmation.
	if res := c.post("/admin/calendar/years", url.Values{"year": {"2030"}}); res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "请确认已录入") {
		t.Fatalf("cover without confirmation: %d", res.status)
	}
	if cal, _ := e.st.Calendar(ctx); cal.Covers(2030) {
		t.Fatal("covered without confirmation")
	}
}
