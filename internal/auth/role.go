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
)

// Roles lists every role in display order.
var Roles = []Role{RoleSysAdmin, RoleSecAdmin, RoleAuditor, RoleOffice, RoleOfficer, RoleReviewer, RoleLeader}

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
)

var grants = map[Role][]Perm{
	RoleSysAdmin: {PermDashboard, PermManageCatalog, PermCalendar},
	RoleSecAdmin: {PermDashboard, PermUsers},
	RoleAuditor:  {PermDashboard, PermAuditRead},
	RoleOffice:   {PermDashboard, PermEditDocument, PermFirstReview, PermWithdraw, PermValidity, PermManageCatalog},
	RoleOfficer:  {PermDashboard, PermEditDocument},
	RoleReviewer: {PermDashboard, PermFirstReview, PermFinalReview, PermWithdraw, PermValidity},
	RoleLeader:   {PermDashboard, PermFinalReview, PermWithdraw},
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

// OrgScoped reports whether the role only reaches its own Org's columns.
func (r Role) OrgScoped() bool { return r == RoleOfficer }
