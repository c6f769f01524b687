package staff

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

type userListPage struct {
	web.Page
	Users  []auth.User
	Orgs   map[int64]string
	Locked map[int64]bool
}

// orgChoices lists every Org, named "站点 · 科室", and the names by ID.
func (h handlers) orgChoices(r *http.Request) ([]catalog.Org, map[int64]string, error) {
	var all []catalog.Org
	names := map[int64]string{}
	for _, s := range h.app.Sites() {
		orgs, err := h.app.Store.Orgs(r.Context(), s.ID)
		if err != nil {
			return nil, nil, err
		}
		for _, o := range orgs {
			names[o.ID] = s.Name + " · " + o.Name
			o.Name = names[o.ID]
			all = append(all, o)
		}
	}
	return all, names, nil
}

func (h handlers) userList(w http.ResponseWriter, r *http.Request) {
	users, err := h.app.Store.Users(r.Context())
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	_, names, err := h.orgChoices(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	p := userListPage{Page: h.base(r, "用户管理"), Users: users, Orgs: names, Locked: map[int64]bool{}}
	for _, u := range users {
		p.Locked[u.ID] = u.Locked(h.app.Now())
	}
	h.app.Render(w, r, http.StatusOK, "staff/user_list.html", p)
}

type userFormPage struct {
	web.Page
	form
	Account auth.User // the account being created or edited
	Roles   []auth.Role
	Orgs    []catalog.Org
	Self    bool // editing one's own account
	Locked  bool
}

func (h handlers) renderUserForm(w http.ResponseWriter, r *http.Request, status int, u auth.User, fe catalog.FieldErrors) {
	orgs, _, err := h.orgChoices(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	me, _ := web.UserOf(r)
	title, tmpl := "新建用户", "staff/user_form.html"
	if u.ID != 0 {
		title, tmpl = "用户："+u.Username, "staff/user_edit.html"
	}
	h.app.Render(w, r, status, tmpl, userFormPage{Page: h.base(r, title), form: form{Errs: fe}, Account: u,
		Roles: auth.Roles, Orgs: orgs, Self: me.ID == u.ID && u.ID != 0, Locked: u.Locked(h.app.Now())})
}

func (h handlers) userNew(w http.ResponseWriter, r *http.Request) {
	h.renderUserForm(w, r, http.StatusOK, auth.User{Role: auth.RoleOfficer}, nil)
}

var usernameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$`)

// readUser copies the posted profile fields into u and checks them.
func (h handlers) readUser(r *http.Request, u *auth.User, fe catalog.FieldErrors) {
	u.DisplayName = strings.TrimSpace(r.PostFormValue("display_name"))
	u.Role = auth.Role(r.PostFormValue("role"))
	u.OrgID = formID(r, "org")
	if u.DisplayName == "" || utf8.RuneCountInString(u.DisplayName) > 50 {
		fe.Add("display_name", "请填写姓名（不超过50字）")
	}
	if !u.Role.Known() {
		fe.Add("role", "请选择角色")
	}
	if u.OrgID != 0 {
		if _, err := h.app.Store.Org(r.Context(), u.OrgID); err != nil {
			fe.Add("org", "请选择科室")
		}
	}
	// 科室信息员 only reach their own Org's columns, so they need one.
	if u.Role.OrgScoped() && u.OrgID == 0 {
		fe.Add("org", "科室信息员必须选择所属科室")
	}
}

// readNewPassword reads a password chosen for an account and checks it
// against the password policy and its confirmation.
func readNewPassword(r *http.Request, fe catalog.FieldErrors) string {
	pw := r.PostFormValue("password")
	if err := auth.CheckPassword(pw); err != nil {
		fe.Add("password", err.Error())
	} else if pw != r.PostFormValue("password2") {
		fe.Add("password2", "两次输入的密码不一致")
	}
	return pw
}

func (h handlers) userCreate(w http.ResponseWriter, r *http.Request) {
	u := auth.User{Username: strings.TrimSpace(r.PostFormValue("username"))}
	fe := catalog.FieldErrors{}
	if !usernameRE.MatchString(u.Username) {
		fe.Add("username", "用户名为3至32位字母、数字、点、下划线或连字符，以字母或数字开头")
	}
	h.readUser(r, &u, fe)
	pw := readNewPassword(r, fe)
	if len(fe) > 0 {
		h.renderUserForm(w, r, http.StatusUnprocessableEntity, u, fe)
		return
	}
	hash, err := auth.HashPassword(pw)
	if err == nil {
		u.PasswordHash = hash
		u.ID, err = h.app.Store.CreateUser(r.Context(), u)
	}
	if errors.Is(err, store.ErrConflict) {
		fe.Add("username", "该用户名已被使用")
		h.renderUserForm(w, r, http.StatusUnprocessableEntity, u, fe)
		return
	}
	if err == nil {
		err = h.app.Audit(r, "user.create", "user:"+u.Username, fmt.Sprintf("角色：%s", u.Role.Label()))
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/users", "created")
}

// loadUser reads the account named by the {id} path value.
func (h handlers) loadUser(r *http.Request) (auth.User, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return auth.User{}, err
	}
	return h.app.Store.User(r.Context(), id)
}

func (h handlers) userEdit(w http.ResponseWriter, r *http.Request) {
	u, err := h.loadUser(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	h.renderUserForm(w, r, http.StatusOK, u, nil)
}

func (h handlers) userUpdate(w http.ResponseWriter, r *http.Request) {
	u, err := h.loadUser(r)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	before := u.Role
	fe := catalog.FieldErrors{}
	h.readUser(r, &u, fe)
	if me, _ := web.UserOf(r); me.ID == u.ID && u.Role != before {
		// Nobody changes their own role: that would let an administrator
		// grant themself another administrator's powers (三员分立).
		fe.Add("role", "不能修改自己的角色")
	}
	if len(fe) > 0 {
		h.renderUserForm(w, r, http.StatusUnprocessableEntity, u, fe)
		return
	}
	err = h.app.Store.UpdateUser(r.Context(), u)
	if err == nil {
		err = h.app.Audit(r, "user.update", "user:"+u.Username, fmt.Sprintf("角色：%s → %s", before.Label(), u.Role.Label()))
	}
	if err == nil && before != u.Role {
		// New powers or fewer: sessions opened under the old role end.
		err = h.app.Store.DeleteUserSessions(r.Context(), u.ID)
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/users", "saved")
}
