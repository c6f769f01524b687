package interact

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
)

// MessageKind is what a citizen leaves on the board.
type MessageKind string

const (
	KindConsult   MessageKind = "consult"   // 咨询
	KindSuggest   MessageKind = "suggest"   // 建议
	KindComplaint MessageKind = "complaint" // 投诉
)

// MessageKinds lists the kinds in display order.
var MessageKinds = []MessageKind{KindConsult, KindSuggest, KindComplaint}

// Label is the Chinese name of the kind.
func (k MessageKind) Label() string {
	switch k {
	case KindConsult:
		return "咨询"
	case KindSuggest:
		return "建议"
	case KindComplaint:
		return "投诉"
	}
	return string(k)
}

// Valid reports whether k is one of MessageKinds.
func (k MessageKind) Valid() bool { return slices.Contains(MessageKinds, k) }

// MessageStatus is where a message stands. Whether it is overdue is computed
// from its stored due date and the calendar, never stored (architecture.md).
type MessageStatus string

const (
	StatusNew      MessageStatus = "new"      // 待分办: received, no 科室 yet
	StatusRouted   MessageStatus = "routed"   // 办理中: routed to a 科室
	StatusAnswered MessageStatus = "answered" // 已答复
	StatusInvalid  MessageStatus = "invalid"  // 无效留言 (spam, abuse…), with a reason
	StatusMerged   MessageStatus = "merged"   // 重复留言, merged into another: its answer closes this one
)

// MessageStatuses lists the statuses in display order.
var MessageStatuses = []MessageStatus{StatusNew, StatusRouted, StatusAnswered, StatusInvalid, StatusMerged}

// Label is the Chinese name of the status.
func (s MessageStatus) Label() string {
	switch s {
	case StatusNew:
		return "待分办"
	case StatusRouted:
		return "办理中"
	case StatusAnswered:
		return "已答复"
	case StatusInvalid:
		return "无效留言"
	case StatusMerged:
		return "已合并"
	}
	return string(s)
}

// Valid reports whether s is one of MessageStatuses.
func (s MessageStatus) Valid() bool { return slices.Contains(MessageStatuses, s) }

// Open reports whether the message still waits for an answer.
func (s MessageStatus) Open() bool { return s == StatusNew || s == StatusRouted }

// Counted reports whether the message is a 有效留言 that counts for or
// against the agency. website-rules §1.3 item 5: spam, abuse and
// duplicates are kept out of "有效留言" with an auditable reason; a merged
// duplicate is answered through the message it was merged into, which is
// counted once.
func (s MessageStatus) Counted() bool { return s != StatusInvalid && s != StatusMerged }

// InvalidReason is why a message is not a 有效留言.
type InvalidReason string

const (
	ReasonSpam      InvalidReason = "spam"      // 垃圾广告、营销信息
	ReasonAbuse     InvalidReason = "abuse"     // 辱骂、攻击、违法有害内容
	ReasonDuplicate InvalidReason = "duplicate" // 同一人重复提交（未合并的）
	ReasonEmpty     InvalidReason = "empty"     // 无实质内容、测试
)

// InvalidReasons lists the reasons in display order.
var InvalidReasons = []InvalidReason{ReasonSpam, ReasonAbuse, ReasonDuplicate, ReasonEmpty}

// Label is the Chinese name of the reason.
func (r InvalidReason) Label() string {
	switch r {
	case ReasonSpam:
		return "垃圾广告或营销信息"
	case ReasonAbuse:
		return "辱骂攻击或违法有害内容"
	case ReasonDuplicate:
		return "重复留言"
	case ReasonEmpty:
		return "无实质内容或测试留言"
	}
	return string(r)
}

// Valid reports whether r is one of InvalidReasons.
func (r InvalidReason) Valid() bool { return slices.Contains(InvalidReasons, r) }

// Limits of what a citizen types (the form says them too).
const (
	TitleMin, TitleMax = 4, 60
	BodyMin, BodyMax   = 10, 2000
	NameMax            = 30
	AnswerMax          = 5000
)

// NewMessage is what a citizen submits.
type NewMessage struct {
	Kind   MessageKind
	Title  string
	Body   string
	Name   string // 称呼: personal data, encrypted at rest
	Phone  string // personal data, encrypted at rest
	Email  string // optional, encrypted at rest
	Public bool   // the citizen agrees the question and answer may be published (without personal data)
}

// Field keys of NewMessage.Validate (the form's input names).
const (
	FieldKind  = "kind"
	FieldTitle = "title"
	FieldBody  = "body"
	FieldName  = "name"
	FieldPhone = "phone"
	FieldEmail = "email"
)

// Validate checks a submission and returns a Chinese message per field.
func (m NewMessage) Validate() catalog.FieldErrors {
	fe := catalog.FieldErrors{}
	if !m.Kind.Valid() {
		fe.Add(FieldKind, "请选择留言类型：咨询、建议或投诉")
	}
	lengthRule(fe, FieldTitle, "标题", m.Title, TitleMin, TitleMax)
	lengthRule(fe, FieldBody, "留言内容", m.Body, BodyMin, BodyMax)
	switch n := utf8.RuneCountInString(strings.TrimSpace(m.Name)); {
	case n == 0:
		fe.Add(FieldName, "请填写您的姓名或称呼，便于工作人员与您联系")
	case n > NameMax:
		fe.Add(FieldName, "姓名或称呼不能超过30个字")
	}
	if msg := PhoneProblem(m.Phone); msg != "" {
		fe.Add(FieldPhone, msg)
	}
	if e := strings.TrimSpace(m.Email); e != "" && !plausibleEmail(e) {
		fe.Add(FieldEmail, "电子邮箱格式不正确，例如：zhangsan@example.com；不需要邮件回复的可以不填")
	}
	return fe
}

func lengthRule(fe catalog.FieldErrors, key, label, v string, lo, hi int) {
	n := utf8.RuneCountInString(strings.TrimSpace(v))
	switch {
	case n == 0:
		fe.Add(key, "请填写"+label)
	case n < lo:
		fe.Add(key, label+"太短，请至少写"+itoa(lo)+"个字，把问题说清楚")
	case n > hi:
		fe.Add(key, label+"不能超过"+itoa(hi)+"个字，您写了"+itoa(n)+"个字")
	}
}

// PhoneProblem says what is wrong with a contact phone number: an
// 11-digit mobile number starting with 1, or a landline of 7–12 digits
// with an optional area code and extension. "" when it is right.
func PhoneProblem(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "请填写联系电话，工作人员可能需要与您核实情况"
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == ' ' || r == '+' || r == '(' || r == ')' || r == '转':
		default:
			return "联系电话只能包含数字和“-”，例如：13800138000 或 0714-1234567"
		}
	}
	if digits < 7 || digits > 16 {
		return "联系电话位数不对：手机号码为11位，固定电话请加区号，例如 0714-1234567"
	}
	return ""
}

func plausibleEmail(s string) bool {
	at := strings.LastIndexByte(s, '@')
	return at > 0 && at < len(s)-3 && strings.Contains(s[at:], ".") && !strings.ContainsAny(s, " <>\"'")
}

func itoa(n int) string { return strconv.Itoa(n) }
