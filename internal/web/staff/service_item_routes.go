package staff

import "gongkai/internal/auth"

// registerServiceItems adds the 办事服务 catalogue: the list with each
// item's missing 办事指南 elements (服务不实用, website-rules §1.3 item 6),
// the item form with its downloadable forms, and the XLSX import.
func (h handlers) registerServiceItems() {
	s := h.staff
	s("GET /admin/services", auth.PermServices, h.serviceItemList)
	s("GET /admin/services/new", auth.PermServices, h.serviceItemNew)
	s("POST /admin/services/new", auth.PermServices, h.serviceItemSave)
	s("GET /admin/services/import", auth.PermServices, h.serviceImportForm)
	s("POST /admin/services/import", auth.PermServices, h.serviceImport)
	s("GET /admin/services/{id}/edit", auth.PermServices, h.serviceItemEdit)
	s("POST /admin/services/{id}/edit", auth.PermServices, h.serviceItemSave)
	s("POST /admin/services/{id}/delete", auth.PermServices, h.serviceItemDelete)
	s("POST /admin/services/{id}/forms/{fid}/delete", auth.PermServices, h.serviceFormDelete)
}
