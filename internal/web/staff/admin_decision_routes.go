package staff

import "gongkai/internal/auth"

// registerAdminDecisions adds the register of administrative decisions
// behind table 二 of the annual report (条例第二十条第(五)(六)(八)项): the
// year's month × kind grid per 科室 with the yearly totals, saving a
// 科室's grid, the XLSX/CSV import and its template. A 科室信息员 reaches
// their own 科室 only (checked in the handlers).
func (h handlers) registerAdminDecisions() {
	s := h.staff
	s("GET /admin/decisions", auth.PermDecisions, h.decisionList)
	s("POST /admin/decisions", auth.PermDecisions, h.decisionSave)
	s("GET /admin/decisions/import", auth.PermDecisions, h.decisionImportForm)
	s("POST /admin/decisions/import", auth.PermDecisions, h.decisionImport)
	s("GET /admin/decisions/template.xlsx", auth.PermDecisions, h.decisionTemplate)
}
