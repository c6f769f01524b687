package main

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"gongkai/internal/auth"
	"gongkai/internal/store"
)

var shownPassword = regexp.MustCompile(`初始密码 (\S+)（仅显示一次，请登录后修改）`)

func TestUserCreate(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	st := openData(t, dir, "")
	seedSite(t, st)

	r := gk(t, "user", "create", "--data", dir, "--role", "office", "--name", "公开办小王", "gkb")
	m := shownPassword.FindStringSubmatch(r.out)
	if r.code != 0 || m == nil {
		t.Fatalf("code %d, out %q, err %q", r.code, r.out, r.err)
	}
	u, err := st.UserByName(ctx, "gkb")
	if err != nil || u.Role != auth.RoleOffice || u.DisplayName != "公开办小王" || !auth.VerifyPassword(u.PasswordHash, m[1]) {
		t.Fatalf("stored %+v, %v: want the printed password to verify", u, err)
	}
	if strings.Contains(u.PasswordHash, m[1]) {
		t.Fatal("the password is stored in plain text")
	}

	// Chinese role name, 科室, password from stdin (not printed).
	r = gkIn(t, "Zhengce-2026!\n", "user", "create", "--data", dir, "--role", "科室信息员", "--org", "政策法规科", "--password-stdin", "zhengce")
	if r.code != 0 || strings.Contains(r.out, "Zhengce-2026!") || !strings.Contains(r.out, "科室信息员，政策法规科") {
		t.Fatalf("code %d, out %q, err %q", r.code, r.out, r.err)
	}
	u, _ = st.UserByName(ctx, "zhengce")
	if u.OrgID == 0 || !auth.VerifyPassword(u.PasswordHash, "Zhengce-2026!") {
		t.Errorf("stored %+v", u)
	}
	entries, _, err := st.Audit(ctx, auditFilterUserCreate())
	if err != nil || len(entries) != 2 || entries[0].Username != cliUser {
		t.Errorf("audit %+v, %v: want two user.create entries by %s", entries, err, cliUser)
	}
}

func TestUserCreateErrors(t *testing.T) {
	dir := t.TempDir()
	seedSite(t, openData(t, dir, ""))
	if r := gk(t, "user", "create", "--data", dir, "--role", "reviewer", "shenhe"); r.code != 0 {
		t.Fatalf("setup: %q", r.err)
	}
	for _, tc := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{"", []string{"--role", "reviewer", "shenhe"}, "用户名“shenhe”已存在"},
		{"short1A\n", []string{"--role", "office", "--password-stdin", "weak"}, "密码至少10位"},
		{"alllowercaseletters\n", []string{"--role", "office", "--password-stdin", "weak2"}, "密码至少10位"},
		{"", []string{"--role", "officer", "noorg"}, "科室信息员必须用 --org 指定所属科室"},
		{"", []string{"--role", "officer", "--org", "不存在科", "x1"}, "科室“不存在科”不存在"},
		{"", []string{"--role", "boss", "x2"}, "未知角色“boss”"},
		{"", []string{"x3"}, "请用 --role 指定角色"},
		{"", []string{"--role", "office"}, "请给出一个用户名"},
		{"", []string{"--role", "office", "坏 名字"}, "用户名须为2至32位"},
	} {
		r := gkIn(t, tc.stdin, append([]string{"user", "create", "--data", dir}, tc.args...)...)
		if r.code != 1 || !strings.Contains(r.err, tc.want) {
			t.Errorf("%v: code %d, out %q, err %q; want %q", tc.args, r.code, r.out, r.err, tc.want)
		}
	}
	users, err := openData(t, dir, "").Users(context.Background())
	if err != nil || len(users) != 1 {
		t.Errorf("%d users after the failures, %v", len(users), err)
	}
}

func TestHelp(t *testing.T) {
	if r := gk(t, "user", "create", "--help"); r.code != 0 || !strings.Contains(r.out, "--password-stdin") || !strings.Contains(r.out, "用法: gongkai user create") {
		t.Errorf("code %d, out %q", r.code, r.out)
	}
	if r := gk(t); r.code != 0 || !strings.Contains(r.out, "import") {
		t.Errorf("code %d, out %q", r.code, r.out)
	}
	if r := gk(t, "nosuch"); r.code != 2 || !strings.Contains(r.err, "未知命令") {
		t.Errorf("code %d, err %q", r.code, r.err)
	}
	if r := gk(t, "user", "delete"); r.code != 1 || !strings.Contains(r.err, "未知命令 \"gongkai user delete\"") {
		t.Errorf("code %d, err %q", r.code, r.err)
	}
}

func auditFilterUserCreate() store.AuditFilter { return store.AuditFilter{Action: "user.create"} }
