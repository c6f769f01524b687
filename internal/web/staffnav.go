package web

import "gongkai/internal/auth"

// NavGroup is one labelled group of the back office's navigation.
type NavGroup struct {
	Label string
	Links []NavLink
}

// NavLink is one entry of the navigation.
type NavLink struct{ Href, Label string }

// navItem is a link and the permissions of which a user needs one to see
// it (none: everyone signed in).
type navItem struct {
	href, label string
	perms       []auth.Perm
}

// staffNav is the back office's navigation by field of work: a 公开办
// user sees over twenty pages, which in one row read as a wall of links.
var staffNav = []struct {
	label string
	items []navItem
}{
	{"常用", []navItem{
		{"/admin/", "工作台", nil},
		{"/admin/#review", "待我审核", []auth.Perm{auth.PermFirstReview, auth.PermFinalReview}},
		{"/admin/notices", "提醒", nil},
	}},
	{"主动公开", []navItem{
		{"/admin/documents", "信息管理", auth.DocumentPerms},
		{"/admin/decisions", "行政决定登记", []auth.Perm{auth.PermDecisions}},
		{"/admin/annual-reports", "年度报告", []auth.Perm{auth.PermReportEdit, auth.PermReportApprove}},
		{"/admin/report-lint", "年度报告检查", []auth.Perm{auth.PermReportEdit}},
	}},
	{"依申请公开", []navItem{
		{"/admin/applications", "申请办理", []auth.Perm{auth.PermApplications}},
		{"/admin/notice-templates", "告知书模板", []auth.Perm{auth.PermNoticeTemplates}},
	}},
	{"政民互动", []navItem{
		{"/admin/messages", "留言办理", []auth.Perm{auth.PermMessages}},
		{"/admin/hotline", "来电来信", []auth.Perm{auth.PermInteraction}},
		{"/admin/proposals", "建议提案", []auth.Perm{auth.PermInteraction}},
		{"/admin/interpretations", "解读回应", []auth.Perm{auth.PermInteraction}},
		{"/admin/interaction/stats", "互动统计", []auth.Perm{auth.PermInteraction}},
	}},
	{"网站与联动", []navItem{
		{"/admin/monitor/", "网站监测", []auth.Perm{auth.PermMonitor}},
		{"/admin/reports/bulletin", "报送通报", []auth.Perm{auth.PermMonitor}},
		{"/admin/reposts", "转载队列", []auth.Perm{auth.PermRepost}},
		{"/admin/subscriptions", "上级订阅", []auth.Perm{auth.PermLinkage}},
		{"/admin/webhook", "归集推送", []auth.Perm{auth.PermLinkage}},
		{"/admin/newmedia", "政务新媒体", []auth.Perm{auth.PermNewMedia}},
		{"/admin/wechat", "公众号", []auth.Perm{auth.PermNewMedia}},
		{"/admin/services", "办事服务", []auth.Perm{auth.PermServices}},
	}},
	{"系统管理", []navItem{
		{"/admin/sites", "站点", []auth.Perm{auth.PermManageCatalog}},
		{"/admin/orgs", "科室", []auth.Perm{auth.PermManageCatalog}},
		{"/admin/columns", "栏目", []auth.Perm{auth.PermManageCatalog}},
		{"/admin/calendar", "工作日历", []auth.Perm{auth.PermCalendar}},
		{"/admin/users", "用户", []auth.Perm{auth.PermUsers}},
		{"/admin/audit", "审计日志", []auth.Perm{auth.PermAuditRead}},
	}},
}

// StaffNav is the navigation a role sees: its groups with at least one
// link it may follow, each with only those links.
func StaffNav(r auth.Role) []NavGroup {
	var out []NavGroup
	for _, g := range staffNav {
		var links []NavLink
		for _, it := range g.items {
			if len(it.perms) == 0 || r.CanAny(it.perms...) {
				links = append(links, NavLink{it.href, it.label})
			}
		}
		if len(links) > 0 {
			out = append(out, NavGroup{g.label, links})
		}
	}
	return out
}
