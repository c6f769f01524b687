// Package staff serves the back office. Every route is registered with the
// permission it needs, beside it; checks that depend on the row (a 科室信息员
// only reaches their own Org's columns) are made in the handler.
package staff

import (
	"net/http"
	"strings"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/web"
)

// Register adds the back-office routes.
func Register(app *web.App) {
	h := handlers{app}
	s := h.staff

	// Sign-in needs no session; the rest needs one and the named permission.
	app.Handle("GET /admin/login", h.loginForm)
	app.Handle("POST /admin/login", h.login)
	app.Handle("POST /admin/logout", h.logout)

	s("GET /admin/{$}", auth.PermDashboard, h.dashboard)

	// Documents. Viewing needs any document permission (checked in the
	// handler: reviewers read what they review, officers their Org's).
	s("GET /admin/documents", auth.PermDashboard, h.documentList)
	s("GET /admin/documents/new", auth.PermEditDocument, h.documentNew)
	s("POST /admin/documents/new", auth.PermEditDocument, h.documentCreate)
	s("GET /admin/documents/{id}", auth.PermDashboard, h.documentShow)
	s("GET /admin/documents/{id}/edit", auth.PermEditDocument, h.documentEdit)
	s("POST /admin/documents/{id}/edit", auth.PermEditDocument, h.documentUpdate)
	s("POST /admin/documents/{id}/attachments/{aid}/delete", auth.PermEditDocument, h.attachmentDelete)
	s("GET /admin/attachments/{aid}", auth.PermDashboard, h.attachmentDownload)

	// Review workflow (条例第十七条): one route per step, each with its permission.
	s("POST /admin/documents/{id}/submit", auth.PermEditDocument, h.transition(catalog.ActSubmit, catalog.StateDraft, catalog.StateRejected))
	s("POST /admin/documents/{id}/first-approve", auth.PermFirstReview, h.transition(catalog.ActFirstApprove, catalog.StateSubmitted))
	s("POST /admin/documents/{id}/first-reject", auth.PermFirstReview, h.transition(catalog.ActReject, catalog.StateSubmitted))
	s("POST /admin/documents/{id}/final-approve", auth.PermFinalReview, h.transition(catalog.ActFinalApprove, catalog.StateFirstApproved))
	s("POST /admin/documents/{id}/final-reject", auth.PermFinalReview, h.transition(catalog.ActReject, catalog.StateFirstApproved))
	s("POST /admin/documents/{id}/withdraw", auth.PermWithdraw, h.transition(catalog.ActWithdraw, catalog.StatePublished, catalog.StateScheduled))
	s("POST /admin/documents/{id}/validity", auth.PermValidity, h.validitySet)

	// Sites, Orgs (科室) and columns (栏目).
	s("GET /admin/sites", auth.PermManageCatalog, h.siteList)
	s("GET /admin/sites/new", auth.PermManageCatalog, h.siteNew)
	s("POST /admin/sites/new", auth.PermManageCatalog, h.siteSave)
	s("GET /admin/sites/{id}/edit", auth.PermManageCatalog, h.siteEdit)
	s("POST /admin/sites/{id}/edit", auth.PermManageCatalog, h.siteSave)
	s("GET /admin/orgs", auth.PermManageCatalog, h.orgList)
	s("GET /admin/orgs/new", auth.PermManageCatalog, h.orgNew)
	s("POST /admin/orgs/new", auth.PermManageCatalog, h.orgSave)
	s("GET /admin/orgs/{id}/edit", auth.PermManageCatalog, h.orgEdit)
	s("POST /admin/orgs/{id}/edit", auth.PermManageCatalog, h.orgSave)
	s("GET /admin/columns", auth.PermManageCatalog, h.columnList)
	s("GET /admin/columns/new", auth.PermManageCatalog, h.columnNew)
	s("POST /admin/columns/new", auth.PermManageCatalog, h.columnSave)
	s("GET /admin/columns/{id}/edit", auth.PermManageCatalog, h.columnEdit)
	s("POST /admin/columns/{id}/edit", auth.PermManageCatalog, h.columnSave)

	// Working-day calendar.
	s("GET /admin/calendar", auth.PermCalendar, h.calendarShow)
	s("POST /admin/calendar/days", auth.PermCalendar, h.calendarDaySave)
	s("POST /admin/calendar/days/delete", auth.PermCalendar, h.calendarDayDelete)
	s("POST /admin/calendar/years", auth.PermCalendar, h.calendarYearCover)
	s("POST /admin/calendar/notice", auth.PermCalendar, h.calendarNoticeParse)
	s("POST /admin/calendar/notice/confirm", auth.PermCalendar, h.calendarNoticeConfirm)

	// Staff accounts (安全管理员).
	s("GET /admin/users", auth.PermUsers, h.userList)
	s("GET /admin/users/new", auth.PermUsers, h.userNew)
	s("POST /admin/users/new", auth.PermUsers, h.userCreate)
	s("GET /admin/users/{id}/edit", auth.PermUsers, h.userEdit)
	s("POST /admin/users/{id}/edit", auth.PermUsers, h.userUpdate)
	s("POST /admin/users/{id}/disable", auth.PermUsers, h.userSetDisabled(true))
	s("POST /admin/users/{id}/enable", auth.PermUsers, h.userSetDisabled(false))
	s("POST /admin/users/{id}/password", auth.PermUsers, h.userResetPassword)

	// Audit log (审计管理员): read only. There is deliberately no route that
	// writes to it; the database triggers refuse UPDATE and DELETE as well.
	s("GET /admin/audit", auth.PermAuditRead, h.auditList)

	// Site search and the Q&A assistant: zero-result queries, synonyms,
	// the FAQ and the conversation log (search_admin.go).
	h.registerSearchAdmin()
	h.registerMessages()     // 留言: inbox, steps, publication, time limits (message_routes.go)
	h.registerLinkage()      // subscriptions, repost queue and report, 归集推送 (repost_routes.go)
	h.registerInteraction()  // 政民互动: hotline, 建议提案, 解读回应, statistics (interaction_stats_routes.go)
	h.registerServiceItems() // 办事服务 catalogue and its XLSX import (service_item_routes.go)
	h.registerNewMedia()     // 政务新媒体 register, 公众号 publishing and menu (newmedia_routes.go)
	h.registerReportLint()   // 年度报告检查: paste or upload a report, see the findings (report_lint.go)
	h.registerAnnualReports()

	// Register of 行政许可/处罚/强制 and 行政事业性收费 behind annual report table 二 (admin_decision_routes.go).
	h.registerAdminDecisions()

	// Site monitors (国办秘函〔2019〕19号 indicators): dashboard, findings,
	// printable/XLSX inspection report, settings; the 科室's 通报; notices.
	s("GET /admin/monitor/{$}", auth.PermMonitor, h.monitorDashboard)
	s("GET /admin/monitor/findings", auth.PermMonitor, h.monitorFindings)
	s("GET /admin/monitor/report", auth.PermMonitor, h.monitorReport)
	s("GET /admin/monitor/report.xlsx", auth.PermMonitor, h.monitorReportXLSX)
	s("GET /admin/monitor/settings", auth.PermMonitorManage, h.monitorSettings)
	s("POST /admin/monitor/settings", auth.PermMonitorManage, h.monitorSettingsSave)
	s("GET /admin/monitor/columns", auth.PermMonitorManage, h.monitorColumns)
	s("POST /admin/monitor/columns", auth.PermMonitorManage, h.monitorColumnsSave)
	s("GET /admin/monitor/words", auth.PermMonitorManage, h.monitorWords)
	s("POST /admin/monitor/words", auth.PermMonitorManage, h.monitorWordsSave)
	s("GET /admin/reports/bulletin", auth.PermMonitor, h.reportBulletin)
	s("GET /admin/reports/bulletin.xlsx", auth.PermMonitor, h.reportBulletinXLSX)
	s("GET /admin/notices", auth.PermDashboard, h.monitorNotices)
	s("POST /admin/notices/read", auth.PermDashboard, h.monitorNoticesRead)

	// 依申请公开 (条例第四章): the queue, offline registration, the case page
	// and one POST per step, each judged by the domain (disclosure.Apply).
	// A 科室信息员 reaches their Org's cases only (checked in the handler).
	s("GET /admin/applications", auth.PermApplications, h.applicationList)
	s("GET /admin/applications/new", auth.PermApplications, h.applicationNew)
	s("POST /admin/applications/new", auth.PermApplications, h.applicationCreate)
	s("GET /admin/applications/{id}", auth.PermApplications, h.applicationShow)
	s("POST /admin/applications/{id}/reveal", auth.PermApplications, h.applicationReveal)
	for _, st := range steps {
		s("POST /admin/applications/{id}/"+st.name, st.perm, h.caseStep(st))
	}
	// 告知书 as issued: printable page, DOCX, service record; the editable
	// templates per site and the remedy settings.
	s("GET /admin/application-notices/{id}", auth.PermApplications, h.noticeShow)
	s("GET /admin/application-notices/{id}/docx", auth.PermApplications, h.noticeDOCX)
	s("POST /admin/application-notices/{id}/delivery", auth.PermApplications, h.noticeDelivery)
	s("GET /admin/notice-templates", auth.PermNoticeTemplates, h.noticeTemplateList)
	s("POST /admin/notice-templates/settings", auth.PermNoticeTemplates, h.noticeSettingsSave)
	s("GET /admin/notice-templates/{kind}", auth.PermNoticeTemplates, h.noticeTemplateEdit)
	s("POST /admin/notice-templates/{kind}", auth.PermNoticeTemplates, h.noticeTemplateSave)
	s("POST /admin/notice-templates/{kind}/reset", auth.PermNoticeTemplates, h.noticeTemplateReset)
	// 行政复议 and 行政诉讼 register (table 四); 公开办 only (handler).
	s("GET /admin/review-cases", auth.PermApplications, h.reviewCaseList)
	s("GET /admin/review-cases/new", auth.PermApplications, h.reviewCaseNew)
	s("POST /admin/review-cases/new", auth.PermApplications, h.reviewCaseSave)
	s("GET /admin/review-cases/{id}/edit", auth.PermApplications, h.reviewCaseEdit)
	s("POST /admin/review-cases/{id}/edit", auth.PermApplications, h.reviewCaseSave)
}

type handlers struct{ app *web.App }

// staff registers a back-office route. Back-office pages allow inline
// style attributes and nothing more (style-src-attr 'unsafe-inline'; no
// <style> elements, scripts stay 'self' only): the rich-text editor keeps
// paragraph alignment as style="text-align: …", which the server's
// sanitiser also keeps, and the body preview shows it.
func (h handlers) staff(pattern string, perm auth.Perm, fn http.HandlerFunc) {
	h.app.Staff(pattern, perm, func(w http.ResponseWriter, r *http.Request) {
		if csp := w.Header().Get("Content-Security-Policy"); csp != "" && !strings.Contains(csp, "style-src-attr") {
			w.Header().Set("Content-Security-Policy", csp+"; style-src-attr 'unsafe-inline'")
		}
		fn(w, r)
	})
}
