package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/config"
	"gongkai/internal/demo"
	"gongkai/internal/store"
)

// administrators are created on first start, one per role of 三员分立: the
// system administrator cannot manage accounts or read the audit log, so a
// platform with only an "admin" could never get a second user.
var administrators = []account{
	{username: "admin", display: "系统管理员", role: auth.RoleSysAdmin},
	{username: "security", display: "安全管理员", role: auth.RoleSecAdmin},
	{username: "auditor", display: "审计管理员", role: auth.RoleAuditor},
}

// ensureFirstRun prepares an empty database (no site and no account): the
// demo agency with its staff unless --no-demo, and the three administrators
// in any case. Each password is printed once to out and never stored or
// logged in plain text.
func ensureFirstRun(ctx context.Context, cfg config.Config, st *store.Store, out io.Writer) error {
	sites, err := st.Sites(ctx)
	if err != nil {
		return err
	}
	users, err := st.CountUsers(ctx)
	if err != nil || len(sites) > 0 || users > 0 {
		return err
	}
	accounts := append([]account(nil), administrators...)
	var sum demo.Summary
	if !cfg.NoDemo {
		sum, err = demo.Create(ctx, st, time.Now())
		if err != nil {
			return fmt.Errorf("创建演示数据失败: %w", err)
		}
		fmt.Fprintf(out, "首次启动：已创建演示机构“%s”（%d 个科室、%d 个栏目、%d 条已发布信息，均为演示数据）\n",
			demo.Agency.Name, sum.Orgs, sum.Columns, sum.Documents)
		if _, err := demo.CreateServices(ctx, st, cfg.FilesDir(), sum, time.Now()); err != nil { // 办事服务 and 政务新媒体 (demo/services.go)
			return fmt.Errorf("创建演示办事服务失败: %w", err)
		}
		for _, s := range demo.Staff {
			accounts = append(accounts, account{username: s.Username, display: s.DisplayName, role: s.Role,
				orgID: sum.OrgIDs[s.Org], orgName: s.Org})
		}
	}
	for _, a := range accounts {
		pw, err := createAccount(ctx, st, a)
		if err != nil {
			return fmt.Errorf("创建账号 %s 失败: %w", a.username, err)
		}
		label := a.role.Label()
		if a.role == auth.RoleSysAdmin {
			label = "管理员"
		}
		if a.orgName != "" {
			label += "（" + a.orgName + "）"
		}
		fmt.Fprintf(out, "首次启动：已创建%s账号 %s，初始密码 %s（仅显示一次，请登录后修改）\n", label, a.username, pw)
	}
	if !cfg.NoDemo {
		// After the accounts: the demo staff handle the demo applications.
		as, err := demo.CreateApplications(ctx, st, sum, time.Now())
		if err != nil {
			return fmt.Errorf("创建演示申请失败: %w", err)
		}
		fmt.Fprintf(out, "首次启动：已创建%d件演示依申请公开申请（%d件尚未办结）和%d件复议诉讼案件\n", as.Applications, as.Open, as.ReviewCases)
		if _, err := demo.CreateMessages(ctx, st, sum, time.Now()); err != nil { // 留言 (internal/demo/messages.go)
			return fmt.Errorf("创建演示留言失败: %w", err)
		}
		if _, err := demo.CreateInteraction(ctx, st, sum); err != nil { // 建议提案, 来电来信, 解读回应 (internal/demo/interaction.go)
			return fmt.Errorf("创建演示政民互动数据失败: %w", err)
		}
	}
	return nil
}
