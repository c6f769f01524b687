// Package auth holds staff accounts: roles and permissions, password policy
// and hashing, lockout, sessions and the audit log's rules.
package auth

import "slices"

// Role is a staff role. The three administrators are separated (三员分立,
// 等级保护 requirement): the system administrator runs the system but cannot
// read or change the audit log; the audit administrator reads the audit log
// and nothing else; the security administrator manages accounts.
type Role string

const (
	RoleSysAdmin Role = "sysadmin" // 系统管理员
	RoleSecAdmin Role = "secadmin" // 安全管理员
	RoleAuditor  Role = "auditor"  // 审计管理员
	RoleOffice   Role = "office"   // 公开办工作人员
	RoleOfficer  Role = "officer"  // 科室信息员: only their Org's columns
	RoleReviewer Role = "reviewer" // 审核人
	RoleLeader   Role = "leader"   // 分管领导
	// RoleOfficeHead is the 政府信息公开工作机构负责人 (公开办负责人): besides
	// the 公开办's work it alone approves an extension of the reply period
	// (条例第三十三条第二款). It is its own role rather than RoleLeader: the
	// 分管领导 is the agency leader in charge, not the head of the 工作机构
	// the 条例 names.
	RoleOfficeHead Role = "office_head" // 公开办负责人
)

// Roles lists every role in display order.
var Roles = []Role{RoleSysAdmin, RoleSecAdmin, RoleAuditor, RoleOffice, RoleOfficer, RoleReviewer, RoleLeader, RoleOfficeHead}

// Label is the Chinese name of the role.
func (r Role) Label() string {
	switch r {
	case RoleSysAdmin:
		return "系统管理员"
	case RoleSecAdmin:
		return "安全管理员"
	case RoleAuditor:
		return "审计管理员"
	case RoleOffice:
		return "公开办工作人员"
	case RoleOfficer:
		return "科室信息员"
	case RoleReviewer:
		return "审核人"
	case RoleLeader:
		return "分管领导"
	case RoleOfficeHead:
		return "公开办负责人"
	}
	return string(r)
}

// Known reports whether r is a defined role.
func (r Role) Known() bool {
	return slices.Contains(Roles, r)
}

// Perm is one thing a route lets a user do.
type Perm string

const (
	PermDashboard     Perm = "dashboard"      // see the back office at all
	PermEditDocument  Perm = "document.edit"  // create and edit drafts (officers: own Org's columns only)
	PermFirstReview   Perm = "document.first" // 初审
	PermFinalReview   Perm = "document.final" // 终审 with the 保密审查 declaration
	PermWithdraw      Perm = "document.withdraw"
	PermValidity      Perm = "document.validity" // mark amended/repealed/expired
	PermManageCatalog Perm = "catalog.manage"    // sites, orgs, columns
	PermCalendar      Perm = "calendar.manage"
	PermUsers         Perm = "users.manage"
	PermAuditRead     Perm = "audit.read"

	// 依申请公开 (条例第四章). PermApplications: the queue, case pages and
	// case steps (officers: their own Org's cases only, checked in the
	// handler); registering, assigning and the register of 复议/诉讼 are
	// for the 公开办 (roles that are not Org-scoped).
	PermApplications     Perm = "applications"
	PermExtensionApprove Perm = "applications.extension" // 条例第三十三条第二款: 工作机构负责人同意
	PermNoticeTemplates  Perm = "notices.templates"      // edit the 告知书 templates and the remedy settings
)

var grants = map[Role][]Perm{
	RoleSysAdmin: {PermDashboard, PermManageCatalog, PermCalendar},
	RoleSecAdmin: {PermDashboard, PermUsers},
	RoleAuditor:  {PermDashboard, PermAuditRead},
	RoleOffice:   {PermDashboard, PermEditDocument, PermFirstReview, PermWithdraw, PermValidity, PermManageCatalog, PermApplications, PermNoticeTemplates},
	RoleOfficer:  {PermDashboard, PermEditDocument, PermApplications},
	RoleReviewer: {PermDashboard, PermFirstReview, PermFinalReview, PermWithdraw, PermValidity},
	RoleLeader:   {PermDashboard, PermFinalReview, PermWithdraw},
	RoleOfficeHead: {PermDashboard, PermEditDocument, PermFirstReview, PermWithdraw, PermValidity,
		PermApplications, PermExtensionApprove, PermNoticeTemplates},
}

// Can reports whether role r holds permission p.
func (r Role) Can(p Perm) bool {
	for _, g := range grants[r] {
		if g == p {
			return true
		}
	}
	return false
}

// CanAny reports whether role r holds one of ps.
func (r Role) CanAny(ps ...Perm) bool {
	for _, p := range ps {
		if r.Can(p) {
			return true
		}
	}
	return false
}

// DocumentPerms are the permissions of those who work with documents:
// editors, reviewers and those who withdraw or mark validity (not the
// three administrators 系统、安全、审计).
var DocumentPerms = []Perm{PermEditDocument, PermFirstReview, PermFinalReview, PermWithdraw, PermValidity}

// OrgScoped reports whether the role only reaches its own Org's columns.
func (r Role) OrgScoped() bool { return r == RoleOfficer }

// Site monitors (国办秘函〔2019〕19号 indicators): the dashboard, inspection
// report and quarterly 通报 (PermMonitor), and their thresholds, column
// windows and word list (PermMonitorManage, the 公开办's).
const (
	PermMonitor       Perm = "monitor.read"
	PermMonitorManage Perm = "monitor.manage"
)

func init() {
	for _, r := range []Role{RoleOffice, RoleOfficeHead, RoleOfficer, RoleReviewer, RoleLeader} {
		grants[r] = append(grants[r], PermMonitor)
	}
	for _, r := range []Role{RoleOffice, RoleOfficeHead} {
		grants[r] = append(grants[r], PermMonitorManage)
	}
}

// Message board (留言, issue 8): the inbox, routing and answering
// (PermMessages; 科室信息员 only their Org's messages, checked in the
// handler), and publishing answers, invalid marking, merging and the time
// limits (PermMessagesPublish, the 公开办's).
const (
	PermMessages        Perm = "messages"
	PermMessagesPublish Perm = "messages.publish"
)

func init() {
	for _, r := range []Role{RoleOffice, RoleOfficeHead, RoleOfficer} {
		grants[r] = append(grants[r], PermMessages)
	}
	for _, r := range []Role{RoleOffice, RoleOfficeHead} {
		grants[r] = append(grants[r], PermMessagesPublish)
	}
}

// 政民互动 records (issue 8): the hotline log, 建议提案, 解读 and 回应, and
// their statistics (PermInteraction); putting a proposal reply online is
// reviewed with the reply (国办发〔2014〕46号: 同步审查), by a 终审 role
// (PermInteractionPublish).
const (
	PermInteraction        Perm = "interaction"
	PermInteractionPublish Perm = "interaction.publish"
)

func init() {
	for _, r := range []Role{RoleOffice, RoleOfficeHead, RoleReviewer, RoleLeader} {
		grants[r] = append(grants[r], PermInteraction)
	}
	for _, r := range []Role{RoleOfficeHead, RoleReviewer, RoleLeader} {
		grants[r] = append(grants[r], PermInteractionPublish)
	}
}

// 政务新媒体 and 办事服务 (issue 9): the new-media register, publishing to
// the official account and its menu (PermNewMedia); the service catalogue
// and its import (PermServices). Both are the 公开办's.
const (
	PermNewMedia Perm = "newmedia.manage"
	PermServices Perm = "services.manage"
)

func init() {
	for _, r := range []Role{RoleOffice, RoleOfficeHead} {
		grants[r] = append(grants[r], PermNewMedia, PermServices)
	}
}

// Linkage with the city/province government (issue 9): the repost queue,
// reposting and the monthly report (PermRepost); the subscriptions, repost
// rules and the 归集推送 address and secret (PermLinkage).
const (
	PermRepost  Perm = "linkage.repost"
	PermLinkage Perm = "linkage.manage"
)

func init() {
	for _, r := range []Role{RoleOffice, RoleOfficeHead} {
		grants[r] = append(grants[r], PermRepost, PermLinkage)
	}
}

// Annual report (issue 4; 条例第四十九、五十条): the register of
// administrative decisions behind table 二 (PermDecisions; 科室信息员 only
// their Org's rows, checked in the handler); drafting, checking and
// exporting the report and sending it for approval (PermReportEdit, the
// 公开办's, whose 负责人 reviews); approval by the 分管领导, the report's
// 第一责任人 (PermReportApprove; 国办公开办函〔2021〕30号 "明确责任").
const (
	PermDecisions     Perm = "decisions.edit"
	PermReportEdit    Perm = "report.edit"
	PermReportApprove Perm = "report.approve"
)

func init() {
	for _, r := range []Role{RoleOffice, RoleOfficeHead, RoleOfficer} {
		grants[r] = append(grants[r], PermDecisions)
	}
	for _, r := range []Role{RoleOffice, RoleOfficeHead} {
		grants[r] = append(grants[r], PermReportEdit)
	}
	grants[RoleLeader] = append(grants[RoleLeader], PermReportApprove)
}
