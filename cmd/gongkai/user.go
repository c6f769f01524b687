package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"regexp"
	"strings"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/config"
	"gongkai/internal/store"
)

var runUser = group("user", []command{
	{"create", "创建后台账号: user create --role 角色 [--org 科室] [--name 显示名] 用户名", runUserCreate},
})

// cliUser is the name the audit log shows for changes made on the command
// line by whoever operates the server.
const cliUser = "命令行"

func runUserCreate(ctx context.Context, args []string, s streams) error {
	var roleArg, orgArg, name, siteArg string
	var fromStdin bool
	cfg, fs, err := parseData("user create", args, func(_ *config.Config, fs *flag.FlagSet) {
		fs.StringVar(&roleArg, "role", "", "角色: sysadmin 系统管理员, secadmin 安全管理员, auditor 审计管理员, office 公开办工作人员, officer 科室信息员, reviewer 审核人, leader 分管领导")
		fs.StringVar(&orgArg, "org", "", "所属科室名称（科室信息员必填）")
		fs.StringVar(&name, "name", "", "显示名（默认同用户名）")
		fs.StringVar(&siteArg, "site", "", "科室所属站点代码（多个站点有同名科室时填写）")
		fs.BoolVar(&fromStdin, "password-stdin", false, "从标准输入读取一行作为密码；不填则生成随机密码并显示一次")
	}, "用户名")
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("请给出一个用户名，例如: gongkai user create --role office gkb")
	}
	role, err := parseRole(roleArg)
	if err != nil {
		return err
	}
	password := ""
	if fromStdin {
		if password, err = readPassword(s); err != nil {
			return err
		}
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	a := account{username: fs.Arg(0), display: name, role: role, password: password}
	if orgArg != "" {
		org, err := findOrg(ctx, st, siteArg, orgArg)
		if err != nil {
			return err
		}
		a.orgID, a.orgName = org.ID, org.Name
	}
	pw, err := createAccount(ctx, st, a)
	if err != nil {
		return err
	}
	where := ""
	if a.orgName != "" {
		where = "，" + a.orgName
	}
	fmt.Fprintf(s.out, "已创建账号 %s（%s%s）\n", a.username, role.Label(), where)
	if password == "" {
		fmt.Fprintf(s.out, "初始密码 %s（仅显示一次，请登录后修改）\n", pw)
	}
	return nil
}

// parseRole accepts a role's code or its Chinese name.
func parseRole(s string) (auth.Role, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("请用 --role 指定角色")
	}
	for _, r := range auth.Roles {
		if string(r) == s || r.Label() == s {
			return r, nil
		}
	}
	if s == "公开办" {
		return auth.RoleOffice, nil
	}
	names := make([]string, len(auth.Roles))
	for i, r := range auth.Roles {
		names[i] = string(r) + "（" + r.Label() + "）"
	}
	return "", fmt.Errorf("未知角色“%s”，可选: %s", s, strings.Join(names, "、"))
}

func readPassword(s streams) (string, error) {
	line, err := bufio.NewReader(s.in).ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New("未能从标准输入读取密码")
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", errors.New("从标准输入读取的密码为空")
	}
	return pw, nil
}

// findOrg finds a 科室 by name, in one site or across all of them.
func findOrg(ctx context.Context, st *store.Store, siteCode, name string) (catalog.Org, error) {
	sites, err := st.Sites(ctx)
	if err != nil {
		return catalog.Org{}, err
	}
	var found []catalog.Org
	for _, site := range sites {
		if siteCode != "" && site.Code != siteCode {
			continue
		}
		orgs, err := st.Orgs(ctx, site.ID)
		if err != nil {
			return catalog.Org{}, err
		}
		for _, o := range orgs {
			if o.Name == name {
				found = append(found, o)
			}
		}
	}
	switch len(found) {
	case 0:
		return catalog.Org{}, fmt.Errorf("科室“%s”不存在", name)
	case 1:
		return found[0], nil
	}
	return catalog.Org{}, fmt.Errorf("多个站点都有科室“%s”，请用 --site 指定站点代码", name)
}

// account is a staff account to create.
type account struct {
	username, display string
	role              auth.Role
	orgID             int64
	orgName           string
	password          string // "" = generate one
}

var usernameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$`)

// createAccount checks and stores a, returning its password (generated when
// a.password is empty). Only the argon2id hash is stored; the password is
// returned to be shown once and is never logged.
func createAccount(ctx context.Context, st *store.Store, a account) (string, error) {
	if !usernameRE.MatchString(a.username) {
		return "", errors.New("用户名须为2至32位字母、数字、点、下划线或连字符，且以字母或数字开头")
	}
	if !a.role.Known() {
		return "", fmt.Errorf("未知角色“%s”", a.role)
	}
	if a.role.OrgScoped() && a.orgID == 0 {
		return "", errors.New("科室信息员必须用 --org 指定所属科室")
	}
	if a.display == "" {
		a.display = a.username
	}
	if a.password == "" {
		a.password = auth.RandomPassword()
	}
	if err := auth.CheckPassword(a.password); err != nil {
		return "", err
	}
	if _, err := st.UserByName(ctx, a.username); err == nil {
		return "", fmt.Errorf("用户名“%s”已存在", a.username)
	} else if !errors.Is(err, store.ErrNotFound) {
		return "", err
	}
	hash, err := auth.HashPassword(a.password)
	if err != nil {
		return "", err
	}
	id, err := st.CreateUser(ctx, auth.User{Username: a.username, DisplayName: a.display, Role: a.role, OrgID: a.orgID, PasswordHash: hash})
	if errors.Is(err, store.ErrConflict) {
		return "", fmt.Errorf("用户名“%s”已存在", a.username)
	}
	if err != nil {
		return "", err
	}
	err = st.AppendAudit(ctx, auth.AuditEntry{Username: cliUser, Action: "user.create",
		Target: fmt.Sprintf("user:%d", id), Detail: fmt.Sprintf("%s（%s）", a.username, a.role.Label())})
	return a.password, err
}
