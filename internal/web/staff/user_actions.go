package staff

import (
	"net/http"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/web"
)

// userSetDisabled disables or re-enables an account. A disabled account
// cannot sign in and its sessions end at once.
func (h handlers) userSetDisabled(disabled bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, err := h.loadUser(r)
		if me, _ := web.UserOf(r); err == nil && disabled && me.ID == u.ID {
			err = &web.Error{Status: http.StatusConflict, Message: "不能停用自己的账号"}
		}
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		u.Disabled = disabled
		action, done := "user.enable", "enabled"
		if disabled {
			action, done = "user.disable", "disabled"
		}
		err = h.app.Store.UpdateUser(r.Context(), u)
		if err == nil && disabled {
			err = h.app.Store.DeleteUserSessions(r.Context(), u.ID)
		}
		if err == nil {
			err = h.app.Audit(r, action, "user:"+u.Username, "")
		}
		if err != nil {
			h.app.Fail(w, r, err)
			return
		}
		redirect(w, r, "/admin/users", done)
	}
}

// userResetPassword sets a new password chosen by the 安全管理员. It also
// lifts a lockout and ends the user's sessions.
func (h handlers) userResetPassword(w http.ResponseWriter, r *http.Request) {
	u, err := h.loadUser(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	fe := catalog.FieldErrors{}
	pw := readNewPassword(r, fe)
	if len(fe) > 0 {
		h.renderUserForm(w, r, http.StatusUnprocessableEntity, u, fe)
		return
	}
	hash, err := auth.HashPassword(pw)
	if err == nil {
		err = h.app.Store.SetPassword(r.Context(), u.ID, hash)
	}
	if err == nil {
		err = h.app.Store.DeleteUserSessions(r.Context(), u.ID)
	}
	if err == nil {
		err = h.app.Audit(r, "user.password", "user:"+u.Username, "重置密码")
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/users", "password")
}
