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

func TestUserManagement(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	secID := e.user("secadmin1", auth.RoleSecAdmin, 0)
	sec := e.login("secadmin1")
	ctx := context.Background()

	form := url.Values{"username": {"li.si"}, "display_name": {"李四"}, "role": {"officer"}, "org": {"0"},
		"password": {"short"}, "password2": {"short"}}
	res := sec.post("/admin/users/new", form)
	for _, want := range []string{"密码至少10位", "科室信息员必须选择所属科室", `value="li.si"`, `value="李四"`, `<option value="officer" selected>科室信息员</option>`} {
		if !strings.Contains(res.body, want) {
			t.Errorf("invalid user form lacks %q", want)
		}
	}
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid user: %d", res.status)
	}
	form.Set("org", itoa(e.orgA))
	form.Set("password", "Li-Si-2025-pass")
	form.Set("password2", "Li-Si-2025-other")
	if res := sec.post("/admin/users/new", form); !strings.Contains(res.body, "两次输入的密码不一致") {
		t.Fatalf("password mismatch: %d", res.status)
	}
	form.Set("password2", "Li-Si-2025-pass")
	if res := sec.post("/admin/users/new", form); res.status != http.StatusSeeOther {
		t.Fatalf("create user: %d %s", res.status, res.body)
	}
	if res := sec.post("/admin/users/new", form); !strings.Contains(res.body, "该用户名已被使用") {
		t.Fatalf("duplicate username: %d", res.status)
	}
	u, err := e.st.UserByName(ctx, "li.si")
	if err != nil || u.Role != auth.RoleOfficer || u.OrgID != e.orgA || !auth.VerifyPassword(u.PasswordHash, "Li-Si-2025-pass") {
		t.Fatalf("created user: %+v %v", u, err)
	}
	userLogin := func(pw string) response {
		return e.client().post("/admin/login", url.Values{"username": {"li.si"}, "password": {pw}})
	}
	li := e.client()
	if res := li.post("/admin/login", url.Values{"username": {"li.si"}, "password": {"Li-Si-2025-pass"}}); res.status != http.StatusSeeOther {
		t.Fatalf("new user signs in: %d", res.status)
	}

	// Disabling ends the user's sessions and refuses new sign-ins.
	if res := sec.post("/admin/users/"+itoa(u.ID)+"/disable", nil); res.status != http.StatusSeeOther {
		t.Fatalf("disable: %d", res.status)
	}
	if res := li.get("/admin/"); res.status != http.StatusSeeOther {
		t.Fatalf("session of a disabled user: %d", res.status)
	}
	if res := userLogin("Li-Si-2025-pass"); res.status == http.StatusSeeOther || !strings.Contains(res.body, "账号已停用") {
		t.Fatalf("disabled user signs in: %d", res.status)
	}
	sec.post("/admin/users/"+itoa(u.ID)+"/enable", nil)

	// Reset password: weak refused, then the old one stops working.
	if res := sec.post("/admin/users/"+itoa(u.ID)+"/password", url.Values{"password": {"abc"}, "password2": {"abc"}}); res.status != http.StatusUnprocessableEntity {
		t.Fatalf("weak reset: %d", res.status)
	}
	if res := sec.post("/admin/users/"+itoa(u.ID)+"/password", url.Values{"password": {"New-Pass-2025!"}, "password2": {"New-Pass-2025!"}}); res.status != http.StatusSeeOther {
		t.Fatalf("reset: %d %s", res.status, res.body)
	}
	if res := userLogin("Li-Si-2025-pass"); res.status == http.StatusSeeOther {
		t.Fatal("old password still works")
	}
	if res := userLogin("New-Pass-2025!"); res.status != http.StatusSeeOther {
		t.Fatalf("new password: %d", res.status)
	}

	// Nobody disables themself or changes their own role.
	if res := sec.post("/admin/users/"+itoa(secID)+"/disable", nil); res.status != http.StatusConflict {
		t.Fatalf("disable self: %d", res.status)
	}
	if res := sec.post("/admin/users/"+itoa(secID)+"/edit", url.Values{"display_name": {"我"}, "role": {"auditor"}}); res.status != http.StatusUnprocessableEntity ||
		!strings.Contains(res.body, "不能修改自己的角色") {
		t.Fatalf("change own role: %d", res.status)
	}
	// Changing someone's role signs them out.
	li2 := e.client()
	li2.post("/admin/login", url.Values{"username": {"li.si"}, "password": {"New-Pass-2025!"}})
	if res := sec.post("/admin/users/"+itoa(u.ID)+"/edit", url.Values{"display_name": {"李四"}, "role": {"office"}, "org": {"0"}}); res.status != http.StatusSeeOther {
		t.Fatalf("change role: %d %s", res.status, res.body)
	}
	if res := li2.get("/admin/"); res.status != http.StatusSeeOther {
		t.Fatalf("session survived a role change: %d", res.status)
	}
	for _, act := range []string{"user.create", "user.disable", "user.enable", "user.password", "user.update"} {
		if len(e.audits(act)) != 1 {
			t.Errorf("%s audited %d times", act, len(e.audits(act)))
		}
	}
	list := sec.get("/admin/users")
	if list.status != http.StatusOK || !strings.Contains(list.body, "李四") || !strings.Contains(list.body, "公开办工作人员") {
		t.Fatalf("user list: %d", list.status)
	}
}

func TestAuditViewer(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	e.user("office1", auth.RoleOffice, 0)
	e.login("office1")
	e.login("office1")
	e.client().post("/admin/login", url.Values{"username": {"office1"}, "password": {"nope-Nope-1"}})
	auditor := e.login2("auditor1", auth.RoleAuditor)
	for i := 0; i < 60; i++ {
		if err := e.st.AppendAudit(context.Background(), auth.AuditEntry{Username: "bulk", Action: "document.update", Target: "document:1"}); err != nil {
			t.Fatal(err)
		}
	}
	res := auditor.get("/admin/audit?user=office1&action=login.success")
	if res.status != http.StatusOK || strings.Count(res.body, "<td>office1</td>") != 2 || strings.Contains(res.body, "登录失败</td>") {
		t.Fatalf("filtered audit: %d %s", res.status, res.body)
	}
	if res := auditor.get("/admin/audit?user=nobody"); !strings.Contains(res.body, "没有符合条件的记录") {
		t.Fatal("unknown user filter")
	}
	page1 := auditor.get("/admin/audit")
	if !strings.Contains(page1.body, "page=2") || strings.Count(page1.body, "<tr><td>") != 50 {
		t.Fatalf("first page: %d rows", strings.Count(page1.body, "<tr><td>"))
	}
	if page2 := auditor.get("/admin/audit?page=2"); strings.Count(page2.body, "<tr><td>") < 5 {
		t.Fatal("second page empty")
	}
}

func TestValiditySet(t *testing.T) {
	e := newEnv(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	e.user("office1", auth.RoleOffice, 0)
	e.user("reviewer1", auth.RoleReviewer, 0)
	office, reviewer := e.login("office1"), e.login("reviewer1")
	publish := func(title string) int64 { return publishForm(t, office, reviewer, documentForm(e.colA, title)) }
	old, repl := publish("原办法"), publish("新办法")
	newDoc, _ := e.st.Document(ctx, repl)
	path := "/admin/documents/" + itoa(old) + "/validity"
	res := reviewer.post(path, url.Values{"validity": {"已废止"}, "validity_on": {"2025-13-01"}, "replaced_by": {"不存在的索引号"}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "找不到该索引号") || !strings.Contains(res.body, `value="不存在的索引号"`) {
		t.Fatalf("bad validity: %d", res.status)
	}
	if res := reviewer.post(path, url.Values{"validity": {"已废止"}, "validity_on": {"2025-03-10"}, "replaced_by": {newDoc.IndexNo}}); res.status != http.StatusSeeOther {
		t.Fatalf("set validity: %d %s", res.status, res.body)
	}
	d, _ := e.st.Document(ctx, old)
	if d.Validity != "已废止" || d.ReplacedBy != repl || d.ValidityOn != "2025-03-10" {
		t.Fatalf("validity: %+v", d)
	}
	if page := reviewer.get("/admin/documents/" + itoa(old)); !strings.Contains(page.body, "新办法") {
		t.Fatal("replacement not linked")
	}
	if len(e.audits("document.validity")) != 1 {
		t.Fatal("validity change not audited")
	}
}
