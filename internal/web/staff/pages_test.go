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

// TestEveryPageRenders opens every back-office page as a role allowed to
// see it, so a template that fails at run time fails here.
func TestEveryPageRenders(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	officerID := e.user("officer-a", auth.RoleOfficer, e.orgA)
	officer := e.login("officer-a")
	id := docID(t, officer.postMultipart("/admin/documents/new", documentForm(e.colA, "页面冒烟测试"), upload{name: "a.pdf", data: pdf}))
	for i := 0; i < 25; i++ {
		officer.post("/admin/documents/new", documentForm(e.colA, "分页用的信息"))
	}
	office := e.login2("office1", auth.RoleOffice)
	sys := e.login2("sysadmin1", auth.RoleSysAdmin)
	sec := e.login2("secadmin1", auth.RoleSecAdmin)
	aud := e.login2("auditor1", auth.RoleAuditor)
	rev := e.login2("reviewer1", auth.RoleReviewer)
	doc := "/admin/documents/" + itoa(id)
	pages := []struct {
		c     *client
		path  string
		wants []string
	}{
		{officer, "/admin/", []string{"我的草稿（26）", "分页用的信息", "/admin/documents?state=draft"}},
		{officer, "/admin/documents", []string{"分页用的信息", "page=2"}},
		{officer, "/admin/documents?page=2", []string{"页面冒烟测试"}},
		{officer, "/admin/documents?page=2&state=draft&title=%E4%BF%A1%E6%81%AF", []string{"分页用的信息"}},
		{officer, "/admin/documents/new", []string{"新建信息", "政务微信"}},
		{officer, doc, []string{"提交审核", "a.pdf", "黄经信发〔2025〕5号"}},
		{officer, doc + "/edit", []string{"修改信息", "已上传附件", `value="页面冒烟测试"`}},
		{office, "/admin/", []string{"待初审（0）"}},
		{rev, "/admin/", []string{"待终审（0）"}},
		{sys, "/admin/", []string{"工作日历"}},
		{sys, "/admin/sites", []string{"市经济和信息化局", testUSCC}},
		{sys, "/admin/sites/new", []string{"新建站点"}},
		{sys, "/admin/sites/" + itoa(e.site.ID) + "/edit", []string{`value="` + testUSCC + `"`}},
		{sys, "/admin/orgs", []string{"规划科"}},
		{sys, "/admin/orgs/new?site=" + itoa(e.site.ID), []string{"新建科室"}},
		{sys, "/admin/orgs/" + itoa(e.orgA) + "/edit", []string{`value="办公室"`}},
		{sys, "/admin/columns", []string{"通知公告", "规划计划"}},
		{sys, "/admin/columns/new", []string{"新建栏目", "政策解读"}},
		{sys, "/admin/columns/" + itoa(e.colA) + "/edit", []string{`value="通知公告"`, "/col/tzgg/"}},
		{sys, "/admin/calendar?year=2025", []string{"2025-01-28", "春节", "官方数据", "调休上班"}},
		{sec, "/admin/users", []string{"officer-a", "科室信息员"}},
		{sec, "/admin/users/new", []string{"新建用户", "审计管理员"}},
		{sec, "/admin/users/" + itoa(officerID) + "/edit", []string{"重置密码", "办公室"}},
		{aud, "/admin/audit?action=document.create", []string{"新建信息", "页面冒烟测试"}},
	}
	for _, p := range pages {
		res := p.c.get(p.path)
		if res.status != http.StatusOK {
			t.Errorf("GET %s: %d", p.path, res.status)
			continue
		}
		for _, w := range p.wants {
			if !strings.Contains(res.body, w) {
				t.Errorf("GET %s lacks %q", p.path, w)
			}
		}
	}
	for _, path := range []string{"/admin/documents/999999", "/admin/documents/abc", "/admin/attachments/999999", "/admin/columns/999999/edit", "/admin/users/999999/edit"} {
		c := officer
		if strings.Contains(path, "columns") {
			c = sys
		} else if strings.Contains(path, "users") {
			c = sec
		}
		if res := c.get(path); res.status != http.StatusNotFound || !strings.Contains(res.body, "页面不存在") {
			t.Errorf("GET %s: %d", path, res.status)
		}
	}
	if res := officer.post(doc+"/validity", url.Values{}); res.status != http.StatusForbidden {
		t.Errorf("officer sets validity: %d", res.status)
	}
}
