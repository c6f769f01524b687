package staff

import (
	"html/template"
	"net/http"

	"gongkai/internal/catalog"
	"gongkai/internal/monitor"
	"gongkai/internal/web"
)

// monitorSettingsPage edits every threshold of the monitors; the defaults
// are the national indicators' values (website-rules §1.8).
type monitorSettingsPage struct {
	web.Page
	form
	Groups []monitor.FieldGroup
}

func (h handlers) monitorSettings(w http.ResponseWriter, r *http.Request) {
	s, err := monitor.LoadSettings(r.Context(), h.app.Store)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.app.Render(w, r, http.StatusOK, "staff/monitor_settings.html",
		monitorSettingsPage{Page: h.base(r, "监测设置"), Groups: monitor.Group(s.Fields())})
}

func (h handlers) monitorSettingsSave(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	s, err := monitor.LoadSettings(ctx, h.app.Store)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if r.PostFormValue("reset") == "yes" {
		s = monitor.DefaultSettings()
	} else {
		errs := catalog.FieldErrors{}
		typed := map[string]string{}
		for _, f := range s.Fields() {
			v := r.PostFormValue(f.Name)
			typed[f.Name] = v
			if err := s.Set(f.Name, v); err != nil {
				errs.Add(f.Name, err.Error())
			}
		}
		if len(errs) > 0 {
			fields := s.Fields()
			for i := range fields {
				fields[i].Value = typed[fields[i].Name] // keep what was typed
				if fields[i].Kind == "bool" {
					fields[i].Value = boolText(typed[fields[i].Name] != "")
				}
			}
			h.app.Render(w, r, http.StatusUnprocessableEntity, "staff/monitor_settings.html",
				monitorSettingsPage{Page: h.base(r, "监测设置"), form: form{Errs: errs}, Groups: monitor.Group(fields)})
			return
		}
	}
	if err := monitor.SaveSettings(ctx, h.app.Store, s); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	if err := h.app.Audit(r, "monitor.settings", "监测设置", ""); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/monitor/settings", "saved")
}

// Described is the field's aria attributes: its hint and, when it has
// one, its error message.
func (p monitorSettingsPage) Described(f monitor.Field) template.HTMLAttr {
	if f.Hint != "" {
		return p.Invalid(f.Name, f.Name+"-hint")
	}
	return p.Invalid(f.Name)
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
