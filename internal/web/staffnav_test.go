package web

import (
	"slices"
	"testing"

	"gongkai/internal/auth"
)

func TestStaffNavGroupsWhatARoleMayOpen(t *testing.T) {
	hrefs := func(r auth.Role) (groups []string, links []string) {
		for _, g := range StaffNav(r) {
			if len(g.Links) == 0 {
				t.Errorf("%s: empty group %s", r, g.Label)
			}
			groups = append(groups, g.Label)
			for _, l := range g.Links {
				links = append(links, l.Href)
			}
		}
		return groups, links
	}
	groups, links := hrefs(auth.RoleOffice)
	if len(links) < 20 || !slices.Equal(groups, []string{"常用", "主动公开", "依申请公开", "政民互动", "网站与联动", "系统管理"}) {
		t.Errorf("公开办: groups %v, %d links", groups, len(links))
	}
	_, links = hrefs(auth.RoleOfficer)
	if !slices.Contains(links, "/admin/documents") || slices.Contains(links, "/admin/users") || slices.Contains(links, "/admin/sites") {
		t.Errorf("科室信息员 sees %v", links)
	}
	groups, links = hrefs(auth.RoleAuditor)
	if !slices.Contains(links, "/admin/audit") || slices.Contains(links, "/admin/documents") || slices.Contains(groups, "主动公开") {
		t.Errorf("审计管理员 sees %v in %v", links, groups)
	}
	// Every link of every group is shown to some role: none is dead.
	seen := map[string]bool{}
	for _, r := range []auth.Role{auth.RoleSysAdmin, auth.RoleSecAdmin, auth.RoleAuditor, auth.RoleOffice, auth.RoleOfficer,
		auth.RoleReviewer, auth.RoleLeader, auth.RoleOfficeHead} {
		_, ls := hrefs(r)
		for _, l := range ls {
			seen[l] = true
		}
	}
	for _, g := range staffNav {
		for _, it := range g.items {
			if !seen[it.href] {
				t.Errorf("%s (%s) is shown to no role", it.label, it.href)
			}
		}
	}
}
