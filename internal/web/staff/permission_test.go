package staff_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

const forbidden = "您没有权限执行此操作"

func TestOfficerLimitedToOwnOrg(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.user("officer-a", auth.RoleOfficer, e.orgA)
		e.user("officer-b", auth.RoleOfficer, e.orgB)
		a, b := e.login("officer-a"), e.login("officer-b")
		docB := docID(t, b.post("/admin/documents/new", documentForm(e.colB, "规划科的信息")))

		// The form only offers the officer's own columns.
		form := a.get("/admin/documents/new")
		if !strings.Contains(form.body, "通知公告") || strings.Contains(form.body, "规划计划") {
			t.Fatalf("column choices of officer A: %s", form.body)
		}
		for name, res := range map[string]response{
			"create in another Org's column": a.post("/admin/documents/new", documentForm(e.colB, "越权新建")),
			"view another Org's document":    a.get("/admin/documents/" + itoa(docB)),
			"edit form":                      a.get("/admin/documents/" + itoa(docB) + "/edit"),
			"edit":                           a.post("/admin/documents/"+itoa(docB)+"/edit", documentForm(e.colB, "越权修改")),
			"move own document there":        a.post("/admin/documents/"+itoa(docID(t, a.post("/admin/documents/new", documentForm(e.colA, "本科室信息"))))+"/edit", documentForm(e.colB, "移到别的科室")),
			"submit":                         a.post("/admin/documents/"+itoa(docB)+"/submit", nil),
			"list filtered by that column":   a.get("/admin/documents?column=" + itoa(e.colB)),
			"column management":              a.get("/admin/columns"),
			"review":                         a.post("/admin/documents/"+itoa(docB)+"/first-approve", nil),
		} {
			if res.status != http.StatusForbidden || !strings.Contains(res.body, forbidden) {
				t.Errorf("%s: %d", name, res.status)
			}
		}
		ctx := context.Background()
		if d, _ := s.Document(ctx, docB); d.Title != "规划科的信息" || d.State != catalog.StateDraft {
			t.Fatalf("document B changed: %+v", d)
		}
		if _, total, _ := s.Documents(ctx, store.DocumentFilter{ColumnIDs: []int64{e.colB}}); total != 1 {
			t.Fatalf("documents in B's column: %d", total)
		}
		// The list shows the officer only their own Org's documents.
		list := a.get("/admin/documents")
		if list.status != http.StatusOK || !strings.Contains(list.body, "本科室信息") || strings.Contains(list.body, "规划科的信息") {
			t.Fatalf("officer A's list: %d %s", list.status, list.body)
		}
	})
}

func TestThreeAdministratorsSeparated(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.user("auditor1", auth.RoleAuditor, 0)
		e.user("sysadmin1", auth.RoleSysAdmin, 0)
		e.user("secadmin1", auth.RoleSecAdmin, 0)
		auditor, sysadmin, secadmin := e.login("auditor1"), e.login("sysadmin1"), e.login("secadmin1")

		// 审计管理员: reads the audit log and nothing else.
		if res := auditor.get("/admin/audit"); res.status != http.StatusOK || !strings.Contains(res.body, "登录成功") {
			t.Fatalf("auditor reads the audit log: %d", res.status)
		}
		for name, res := range map[string]response{
			"document form":  auditor.get("/admin/documents/new"),
			"create doc":     auditor.post("/admin/documents/new", documentForm(e.colA, "审计员的信息")),
			"document list":  auditor.get("/admin/documents"),
			"users":          auditor.get("/admin/users"),
			"create user":    auditor.post("/admin/users/new", url.Values{"username": {"x1"}}),
			"calendar":       auditor.get("/admin/calendar"),
			"columns":        auditor.get("/admin/columns"),
			"reset password": auditor.post("/admin/users/1/password", url.Values{"password": {"Aa1!aaaaaaaa"}}),
		} {
			if res.status != http.StatusForbidden {
				t.Errorf("auditor %s: %d", name, res.status)
			}
		}
		// 系统管理员: runs the catalogue and calendar, cannot read the audit log.
		if res := sysadmin.get("/admin/audit"); res.status != http.StatusForbidden || !strings.Contains(res.body, forbidden) {
			t.Fatalf("sysadmin reads the audit log: %d", res.status)
		}
		if res := sysadmin.get("/admin/users"); res.status != http.StatusForbidden {
			t.Fatalf("sysadmin manages users: %d", res.status)
		}
		if res := sysadmin.get("/admin/columns"); res.status != http.StatusOK {
			t.Fatalf("sysadmin columns: %d", res.status)
		}
		// 安全管理员: accounts, not the audit log.
		if res := secadmin.get("/admin/users"); res.status != http.StatusOK {
			t.Fatalf("secadmin users: %d", res.status)
		}
		if res := secadmin.get("/admin/audit"); res.status != http.StatusForbidden {
			t.Fatalf("secadmin reads the audit log: %d", res.status)
		}

		// Nobody can alter the audit log through the application: there is
		// no route that writes to it, for any method.
		ctx := context.Background()
		before, beforeTotal, err := s.Audit(ctx, store.AuditFilter{Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []*client{sysadmin, auditor, secadmin} {
			for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
				for _, path := range []string{"/admin/audit", "/admin/audit/1", "/admin/audit/1/delete", "/admin/audit?id=1"} {
					req, _ := http.NewRequest(method, e.srv.URL+path, strings.NewReader("id=1&action=x"))
					req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
					res := c.do(req)
					if res.status != http.StatusNotFound && res.status != http.StatusMethodNotAllowed {
						t.Errorf("%s %s: %d", method, path, res.status)
					}
				}
			}
		}
		after, afterTotal, err := s.Audit(ctx, store.AuditFilter{Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		if afterTotal < beforeTotal {
			t.Fatalf("audit rows went from %d to %d", beforeTotal, afterTotal)
		}
		// Every row that was there is still there, unchanged.
		old := map[int64]auth.AuditEntry{}
		for _, a := range after {
			old[a.ID] = a
		}
		for _, b := range before {
			a, ok := old[b.ID]
			if !ok || a.Action != b.Action || a.Detail != b.Detail || a.Username != b.Username || !a.At.Equal(b.At) {
				t.Fatalf("audit row %d changed: %+v → %+v", b.ID, b, a)
			}
		}
	})
}

func TestReviewerPermissions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := newEnv(t, s)
		e.user("officer-a", auth.RoleOfficer, e.orgA)
		e.user("leader1", auth.RoleLeader, 0)
		officer, leader := e.login("officer-a"), e.login("leader1")
		id := docID(t, officer.post("/admin/documents/new", documentForm(e.colA, "待审核")))
		officer.post("/admin/documents/"+itoa(id)+"/submit", nil)
		// 分管领导 does 终审 only: no 初审, no editing, no validity.
		for name, res := range map[string]response{
			"初审":         leader.post("/admin/documents/"+itoa(id)+"/first-approve", nil),
			"edit":       leader.get("/admin/documents/" + itoa(id) + "/edit"),
			"new":        leader.get("/admin/documents/new"),
			"有效性":        leader.post("/admin/documents/"+itoa(id)+"/validity", url.Values{"validity": {"已废止"}}),
			"officer 初审": officer.post("/admin/documents/"+itoa(id)+"/first-approve", nil),
		} {
			if res.status != http.StatusForbidden {
				t.Errorf("%s: %d", name, res.status)
			}
		}
		if res := leader.get("/admin/documents/" + itoa(id)); res.status != http.StatusOK {
			t.Fatalf("leader reads the document: %d", res.status)
		}
	})
}
