package staff

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/monitor"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// monitorColumnsPage sets each column's own freshness window, overriding
// the default of its kind (a 人事 column updated every quarter by local
// rule, a column fed by another system that is never blank).
type monitorColumnsPage struct {
	web.Page
	form
	Sites  []catalog.Site
	SiteID int64
	Rows   []columnRuleRow
}

type columnRuleRow struct {
	Column  catalog.Column
	Default int    // the kind's window in days, 0 for none
	Window  string // as stored or typed; "" = the kind's default
	Exempt  bool
	Note    string
}

// WindowField and the others name a row's form fields.
func (r columnRuleRow) WindowField() string { return fmt.Sprintf("window-%d", r.Column.ID) }
func (r columnRuleRow) ExemptField() string { return fmt.Sprintf("exempt-%d", r.Column.ID) }
func (r columnRuleRow) NoteField() string   { return fmt.Sprintf("note-%d", r.Column.ID) }

func (h handlers) columnRuleRows(r *http.Request, siteID int64) ([]columnRuleRow, error) {
	ctx := r.Context()
	s, err := monitor.LoadSettings(ctx, h.app.Store)
	if err != nil {
		return nil, err
	}
	cols, err := h.app.Store.Columns(ctx, siteID)
	if err != nil {
		return nil, err
	}
	rules, err := h.app.Store.ColumnRules(ctx, siteID)
	if err != nil {
		return nil, err
	}
	var rows []columnRuleRow
	for _, c := range cols {
		row := columnRuleRow{Column: c, Default: s.WindowFor(c.Kind)}
		if rule, ok := rules[c.ID]; ok {
			if rule.WindowDays != nil {
				row.Window = strconv.Itoa(*rule.WindowDays)
			}
			row.Exempt, row.Note = rule.ExemptBlank, rule.Note
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func (h handlers) monitorColumns(w http.ResponseWriter, r *http.Request) {
	id, ok := h.siteParam(r)
	if !ok {
		h.app.Fail(w, r, web.ErrNotFound)
		return
	}
	rows, err := h.columnRuleRows(r, id)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, http.StatusOK, "staff/monitor_columns.html",
		monitorColumnsPage{Page: h.base(r, "栏目更新周期"), Sites: h.app.Sites(), SiteID: id, Rows: rows})
}

func (h handlers) monitorColumnsSave(w http.ResponseWriter, r *http.Request) {
	id, ok := h.siteParam(r)
	if !ok {
		h.app.Fail(w, r, web.ErrNotFound)
		return
	}
	rows, err := h.columnRuleRows(r, id)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	errs := catalog.FieldErrors{}
	rules := make([]store.MonitorColumnRule, len(rows))
	for i := range rows {
		row := &rows[i]
		row.Window = strings.TrimSpace(r.PostFormValue(row.WindowField()))
		row.Exempt = r.PostFormValue(row.ExemptField()) == "yes"
		row.Note = strings.TrimSpace(r.PostFormValue(row.NoteField()))
		rule := store.MonitorColumnRule{ColumnID: row.Column.ID, ExemptBlank: row.Exempt, Note: row.Note}
		if row.Window != "" {
			n, err := strconv.Atoi(row.Window)
			if err != nil || n < 0 || n > 3650 {
				errs.Add(row.WindowField(), "请填写0到3650之间的整数（0表示不检查更新周期），留空使用栏目类型的默认周期")
			}
			rule.WindowDays = &n
		}
		if utf8.RuneCountInString(row.Note) > 200 {
			errs.Add(row.NoteField(), "说明不能超过200个字")
		}
		rules[i] = rule
	}
	if len(errs) > 0 {
		h.app.Render(w, r, http.StatusUnprocessableEntity, "staff/monitor_columns.html",
			monitorColumnsPage{Page: h.base(r, "栏目更新周期"), form: form{Errs: errs}, Sites: h.app.Sites(), SiteID: id, Rows: rows})
		return
	}
	for _, rule := range rules {
		if err := h.app.Store.SetColumnRule(r.Context(), rule, h.app.Now()); err != nil {
			h.app.Fail(w, r, err)
			return
		}
	}
	if err := h.app.Audit(r, "monitor.columns", fmt.Sprintf("site:%d", id), ""); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/admin/monitor/columns?site=%d", id), "saved")
}
