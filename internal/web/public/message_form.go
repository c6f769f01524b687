package public

import (
	"strings"

	"gongkai/internal/interact"
)

// messageField is one input of the message form: its name (the domain's
// field key), HTML id and label for the error summary.
type messageField struct{ Name, ID, Label string }

// messageFields are the inputs in page order, so the error summary lists
// its messages in the order the citizen meets the fields.
var messageFields = []messageField{
	{interact.FieldKind, "kind-consult", "留言类型"}, // the summary links to the first radio button
	{interact.FieldTitle, "title", "标题"},
	{interact.FieldBody, "body", "留言内容"},
	{interact.FieldName, "name", "姓名或称呼"},
	{interact.FieldPhone, "phone", "联系电话"},
	{interact.FieldEmail, "email", "电子邮箱"},
	{consentField, "consent", "个人信息处理说明"},
	{answerField, "answer", "问题"},
}

// publicField is the optional consent to publication (website-rules §2:
// published answers list the question; the citizen decides whether theirs
// may be one of them).
const publicField = "public"

// messageForm is what the form shows: what was typed, the messages beside
// the fields and, near a submission limit, the question (apply_guard.go).
// The inputs, their ties to hints and messages and the question block work
// as on the application form (applyForm); the summary has its own labels.
type messageForm struct {
	applyForm
}

// Summary lists the messages in page order, each linking to its field.
func (f messageForm) Summary() []summaryItem {
	var out []summaryItem
	for _, fd := range messageFields {
		if m, ok := f.Errs[fd.Name]; ok {
			out = append(out, summaryItem{Href: "#" + fd.ID, Label: fd.Label, Message: m})
		}
	}
	return out
}

// Kinds are the radio buttons of the message type.
func (f messageForm) Kinds() []option {
	cur := f.V(interact.FieldKind)
	out := make([]option, len(interact.MessageKinds))
	for i, k := range interact.MessageKinds {
		out[i] = option{Value: string(k), Label: k.Label(), ID: "kind-" + string(k), Checked: string(k) == cur}
	}
	return out
}

// message is the domain record from what was typed.
func (f messageForm) message() interact.NewMessage {
	t := func(k string) string { return strings.TrimSpace(f.V(k)) }
	return interact.NewMessage{Kind: interact.MessageKind(t(interact.FieldKind)), Title: t(interact.FieldTitle),
		Body: t(interact.FieldBody), Name: t(interact.FieldName), Phone: t(interact.FieldPhone), Email: t(interact.FieldEmail),
		Public: f.V(publicField) == "yes"}
}
