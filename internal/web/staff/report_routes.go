package staff

import "gongkai/internal/auth"

// registerAnnualReports adds the annual report's workflow (条例第四十九、
// 五十条; 国办公开办函〔2021〕30号): the reports per year with their state and
// deadline, a draft built from the records, the narrative sections edited
// beside the checks, review by the 公开办 (PermReportEdit), approval by the
// 分管领导 (PermReportApprove, a different person; it freezes the tables),
// publication in the 年报 column, and the downloads. Pages that both the
// editors and the approver read are registered with PermDashboard and
// checked in the handler (reportReader).
func (h handlers) registerAnnualReports() {
	s := h.staff
	s("GET /admin/annual-reports", auth.PermDashboard, h.annualReportList)
	s("POST /admin/annual-reports", auth.PermReportEdit, h.annualReportCreate)
	s("GET /admin/annual-reports/{id}", auth.PermDashboard, h.annualReportShow)
	s("POST /admin/annual-reports/{id}/sections", auth.PermReportEdit, h.annualReportSave)
	s("POST /admin/annual-reports/{id}/redraft", auth.PermReportEdit, h.annualReportRedraft)
	s("POST /admin/annual-reports/{id}/review", auth.PermReportEdit, h.annualReportReview)
	s("POST /admin/annual-reports/{id}/approve", auth.PermReportApprove, h.annualReportApprove)
	s("POST /admin/annual-reports/{id}/return", auth.PermDashboard, h.annualReportReturn)
	s("POST /admin/annual-reports/{id}/publish", auth.PermReportEdit, h.annualReportPublish)
	s("GET /admin/annual-reports/{id}/export/{format}", auth.PermDashboard, h.annualReportExport)
}
