package public

import (
	"html/template"
	"net/mail"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
)

// accountForm gives the account templates their field errors:
// {{.Invalid "username"}} inside the input tag and
// {{template "fielderr" (.Field "username")}} beside it.
type accountForm struct {
	Errs catalog.FieldErrors
}

type accountFieldRef struct {
	Errs  catalog.FieldErrors
	Field string
}

// Field names a field for the fielderr partial.
func (f accountForm) Field(name string) accountFieldRef {
	return accountFieldRef{Errs: f.Errs, Field: name}
}

// Invalid marks a field with an error for assistive technology and points
// to its message and hints (WCAG 3.3.1: errors identified in text and tied
// to the field). name and hints are constants from a template.
func (f accountForm) Invalid(name string, hints ...string) template.HTMLAttr {
	ids := hints
	_, bad := f.Errs[name]
	if bad {
		ids = append(ids[:len(ids):len(ids)], name+"-error")
	}
	var b strings.Builder
	if len(ids) > 0 {
		b.WriteString(`aria-describedby="` + template.HTMLEscapeString(strings.Join(ids, " ")) + `"`)
	}
	if bad {
		b.WriteString(` aria-invalid="true"`)
	}
	return template.HTMLAttr(b.String())
}

// HasErrors reports whether the form has any message.
func (f accountForm) HasErrors() bool { return len(f.Errs) > 0 }

// Messages of the account forms.
const (
	msgAccountUsername = "请填写手机号码（11位）或电子邮箱地址"
	msgAccountTaken    = "该手机号码或电子邮箱已注册，请直接登录"
	msgAccountMismatch = "两次输入的密码不一致"
	msgAccountPassword = "请输入密码"
)

// normalUsername returns the account name a person typed — a mainland
// mobile number (an optional +86 and spaces or dashes dropped) or an e-mail
// address (lower-cased) — and false when it is neither.
func normalUsername(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 100 {
		return "", false
	}
	if strings.Contains(s, "@") {
		a, err := mail.ParseAddress(s)
		if err != nil || a.Name != "" || a.Address != s {
			return "", false
		}
		_, domain, _ := strings.Cut(s, "@")
		if !strings.Contains(domain, ".") {
			return "", false
		}
		return strings.ToLower(s), true
	}
	d := strings.NewReplacer(" ", "", "-", "").Replace(s)
	d = strings.TrimPrefix(strings.TrimPrefix(d, "+86"), "0086")
	if len(d) != 11 || d[0] != '1' {
		return "", false
	}
	for _, c := range d {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	return d, true
}

// maskUsername shows enough of an account name for its owner to recognise
// it without displaying the whole phone number or address on screen.
func maskUsername(u string) string {
	if local, domain, ok := strings.Cut(u, "@"); ok {
		r := []rune(local)
		return string(r[:min(2, len(r))]) + "***@" + domain
	}
	if len(u) == 11 {
		return u[:3] + "****" + u[7:]
	}
	return "***"
}
