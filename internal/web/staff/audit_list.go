package staff

import (
	"errors"
	"net/http"
	"strings"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// auditLabels name the audited actions in Chinese for the viewer.
var auditLabels = map[string]string{
	"login.success": "登录成功", "login.failure": "登录失败", "login.locked": "锁定期间尝试登录", "login.lockout": "账号被锁定",
	"logout": "退出登录", "document.create": "新建信息", "document.update": "修改信息", "document.submit": "提交审核",
	"document.first_approve": "初审通过", "document.final_approve": "终审通过", "document.reject": "退回",
	"document.withdraw": "撤稿", "document.publish_due": "定时发布", "document.validity": "修改有效性",
	"attachment.upload": "上传附件", "attachment.delete": "删除附件", "site.create": "新建站点", "site.update": "修改站点",
	"org.create": "新建科室", "org.update": "修改科室", "column.create": "新建栏目", "column.update": "修改栏目",
	"calendar.day": "修改日历", "calendar.day_delete": "删除日历日期", "calendar.year": "标记年度已覆盖",
	"calendar.notice": "导入节假日通知", "calendar.late_resolved": "补算公开时限", "user.create": "新建用户",
	"user.update": "修改用户", "user.disable": "停用用户", "user.enable": "启用用户", "user.password": "重置密码",
}

type auditPage struct {
	web.Page
	Entries  []auth.AuditEntry
	Actions  []string
	Username string
	Action   string
	Pager    pager
}

// ActionLabel is the Chinese name of an audited action.
func (auditPage) ActionLabel(a string) string {
	if l, ok := auditLabels[a]; ok {
		return l
	}
	return a
}

const auditPerPage = 50

// auditList shows the audit log to the 审计管理员. It only reads.
func (h handlers) auditList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	p := auditPage{Page: h.base(r, "审计日志"), Username: strings.TrimSpace(q.Get("user")), Action: q.Get("action")}
	var err error
	if p.Actions, err = h.app.Store.AuditActions(ctx); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	f := store.AuditFilter{Action: p.Action, Limit: auditPerPage, Offset: (pageParam(r) - 1) * auditPerPage}
	found := true
	if p.Username != "" {
		u, err := h.app.Store.UserByName(ctx, p.Username)
		switch {
		case errors.Is(err, store.ErrNotFound):
			found = false // no such account: nothing to list
		case err != nil:
			h.app.Fail(w, r, err)
			return
		default:
			f.UserID = u.ID
		}
	}
	total := 0
	if found {
		if p.Entries, total, err = h.app.Store.Audit(ctx, f); err != nil {
			h.app.Fail(w, r, err)
			return
		}
	}
	p.Pager = newPager(r, total, auditPerPage)
	h.app.Render(w, r, http.StatusOK, "staff/audit.html", p)
}
