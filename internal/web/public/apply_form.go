package public

import (
	"html/template"
	"net/url"
	"slices"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
)

// applyField is one input of the application form. Name is the field key
// of disclosure.Application.Validate (the open API's JSON path), so the
// domain's messages land beside the right input; ID is its HTML id.
type applyField struct {
	Name, ID, Label string
}

// applyFields are the inputs in page order: the error summary lists its
// messages in this order. Radio groups name their first option's id.
var applyFields = []applyField{
	{"applicant.kind", "applicant-kind-person", "申请人类型"},
	{"applicant.name", "applicant-name", "申请人姓名或名称"},
	{"applicant.id_type", "applicant-id_type", "证件类型"},
	{"applicant.id_number", "applicant-id_number", "证件号码"},
	{"applicant.contact_name", "applicant-contact_name", "联系人"},
	{"applicant.phone", "applicant-phone", "联系电话"},
	{"applicant.email", "applicant-email", "电子邮箱"},
	{"applicant.address", "applicant-address", "通信地址"},
	{"applicant.post_code", "applicant-post_code", "邮政编码"},
	{"applicant.agent.name", "applicant-agent-name", "代理人姓名"},
	{"applicant.agent.phone", "applicant-agent-phone", "代理人联系电话"},
	{"description", "description", "所需政府信息的名称或描述"},
	{"doc_no", "doc_no", "文号"},
	{"delivery.form", "delivery-form-paper", "获取信息的形式"},
	{"delivery.method", "delivery-method-post", "获取信息的方式"},
	{fileIDScan, "file-id_scan", "身份证明材料"},
	{fileProxy, "file-power_of_attorney", "授权委托书"},
	{consentField, "consent", "个人信息处理说明"},
	{answerField, "answer", "问题"},
}

// File fields and what they become on the application.
const (
	fileIDScan   = "file.id_scan"
	fileProxy    = "file.power_of_attorney"
	consentField = "consent"
)

var applyFileKinds = map[string]store.AttachmentKind{fileIDScan: store.AttachIDScan, fileProxy: store.AttachProxy}

// applyForm is what the form shows: what was typed, the messages and,
// when a limit is near, the question.
type applyForm struct {
	Values   url.Values
	Errs     catalog.FieldErrors
	Question *question
	Wrong    bool     // the question was answered wrongly
	Dropped  []string // files received with a failed submission: to choose again
}

func fieldOf(name string) applyField {
	for _, f := range applyFields {
		if f.Name == name {
			return f
		}
	}
	return applyField{Name: name, ID: strings.NewReplacer(".", "-").Replace(name), Label: name}
}

// V is the value typed into a field.
func (f applyForm) V(name string) string { return f.Values.Get(name) }

// Err is a field's message.
func (f applyForm) Err(name string) string { return f.Errs[name] }

// ErrID is the id of a field's message element.
func (f applyForm) ErrID(name string) string { return fieldOf(name).ID + "-error" }

// Attrs are a text input's id, name and ties to its hint and message
// (WCAG 3.3.1: errors identified in text and tied to the field). name and
// hints are constants from the template.
func (f applyForm) Attrs(name string, hints ...string) template.HTMLAttr {
	fd := fieldOf(name)
	esc := template.HTMLEscapeString
	b := `id="` + esc(fd.ID) + `" name="` + esc(fd.Name) + `"`
	return template.HTMLAttr(b + f.describe(name, hints))
}

// Group are a fieldset's ties to its hint and message (radio groups).
func (f applyForm) Group(name string, hints ...string) template.HTMLAttr {
	return template.HTMLAttr(strings.TrimSpace(f.describe(name, hints)))
}

func (f applyForm) describe(name string, hints []string) string {
	ids := hints
	_, bad := f.Errs[name]
	if bad {
		ids = append(ids[:len(ids):len(ids)], f.ErrID(name))
	}
	var b strings.Builder
	if len(ids) > 0 {
		b.WriteString(` aria-describedby="` + template.HTMLEscapeString(strings.Join(ids, " ")) + `"`)
	}
	if bad {
		b.WriteString(` aria-invalid="true"`)
	}
	return b.String()
}

// option is one radio button or select option.
type option struct {
	Value, Label, ID string
	Checked          bool
}

// Options lists the choices of a radio group or select.
func (f applyForm) Options(name string) []option {
	var vals []string
	var label func(string) string
	switch name {
	case "applicant.kind":
		vals, label = codes(disclosure.ApplicantKinds), func(v string) string { return disclosure.ApplicantKind(v).Label() }
	case "applicant.id_type":
		vals, label = codes(disclosure.IDTypes), func(v string) string { return disclosure.IDType(v).Label() }
	case "delivery.form":
		vals, label = codes(disclosure.DeliveryForms), func(v string) string { return disclosure.DeliveryForm(v).Label() }
	case "delivery.method":
		// 传真 is for staff-registered applications; online applicants
		// choose among the four channels the portal offers.
		vals = []string{string(disclosure.MethodPost), string(disclosure.MethodEmail),
			string(disclosure.MethodCollect), string(disclosure.MethodOnline)}
		label = func(v string) string { return disclosure.DeliveryMethod(v).Label() }
	}
	cur := f.V(name)
	base := strings.NewReplacer(".", "-").Replace(name)
	out := make([]option, len(vals))
	for i, v := range vals {
		out[i] = option{Value: v, Label: label(v), ID: base + "-" + v, Checked: v == cur}
	}
	return out
}

func codes[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// summaryItem is one line of the error summary: a link to the field.
type summaryItem struct {
	Href, Label, Message string
}

// Summary lists the messages in page order.
func (f applyForm) Summary() []summaryItem {
	var out []summaryItem
	seen := map[string]bool{}
	for _, fd := range applyFields {
		if m, ok := f.Errs[fd.Name]; ok {
			out = append(out, summaryItem{Href: "#" + fd.ID, Label: fd.Label, Message: m})
			seen[fd.Name] = true
		}
	}
	var rest []string // fields of the case page's forms
	for name := range f.Errs {
		if !seen[name] {
			rest = append(rest, name)
		}
	}
	slices.Sort(rest)
	for _, name := range rest {
		out = append(out, summaryItem{Href: "#" + fieldOf(name).ID, Label: name, Message: f.Errs[name]})
	}
	return out
}

// HasErrors reports whether the summary has anything to say.
func (f applyForm) HasErrors() bool { return len(f.Errs) > 0 }

// application is the domain record from what was typed.
func (f applyForm) application() disclosure.Application {
	t := func(k string) string { return strings.TrimSpace(f.V(k)) }
	return disclosure.Application{
		Applicant: disclosure.Applicant{
			Kind: disclosure.ApplicantKind(t("applicant.kind")), Name: t("applicant.name"),
			// Spaces dropped and a check character x upper-cased, as the
			// domain reads the number (disclosure.NormalizeResidentID).
			IDType: disclosure.IDType(t("applicant.id_type")), IDNumber: disclosure.NormalizeResidentID(f.V("applicant.id_number")),
			ContactName: t("applicant.contact_name"), Phone: t("applicant.phone"), Email: t("applicant.email"),
			Address: t("applicant.address"), PostCode: t("applicant.post_code"),
			Agent: disclosure.Agent{Name: t("applicant.agent.name"), Phone: t("applicant.agent.phone")},
		},
		Description: t("description"),
		DocNo:       t("doc_no"),
		Delivery: disclosure.Delivery{
			Form:   disclosure.DeliveryForm(t("delivery.form")),
			Method: disclosure.DeliveryMethod(t("delivery.method")),
		},
	}
}
