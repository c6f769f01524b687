package interact

import (
	"strings"
	"unicode/utf8"
)

// MessageAction is one step of handling a message; each is recorded as an
// append-only event with its actor (architecture.md: every change to a case
// is an event).
type MessageAction string

const (
	ActReceive    MessageAction = "receive"    // the citizen's submission
	ActRoute      MessageAction = "route"      // 分办 to a 科室 (again to re-route)
	ActAnswer     MessageAction = "answer"     // 答复
	ActInvalidate MessageAction = "invalidate" // 认定无效 with a reason
	ActRestore    MessageAction = "restore"    // a wrong 无效 decision undone
	ActMerge      MessageAction = "merge"      // 合并 into another message (duplicates)
	ActPublish    MessageAction = "publish"    // 选登: the question and answer on the portal
	ActUnpublish  MessageAction = "unpublish"  // 撤下 from the portal
	ActRemind     MessageAction = "remind"     // a reminder to the 科室 (background job)
	ActEscalate   MessageAction = "escalate"   // escalated to the 公开办负责人 (background job)
)

// Label is the Chinese name of the action, as the history shows it.
func (a MessageAction) Label() string {
	switch a {
	case ActReceive:
		return "收到留言"
	case ActRoute:
		return "分办"
	case ActAnswer:
		return "答复"
	case ActInvalidate:
		return "认定无效"
	case ActRestore:
		return "恢复为有效留言"
	case ActMerge:
		return "合并重复留言"
	case ActPublish:
		return "选登公开"
	case ActUnpublish:
		return "撤下选登"
	case ActRemind:
		return "催办提醒"
	case ActEscalate:
		return "上报公开办负责人"
	}
	return string(a)
}

// MessageState is what the rules need to know about a stored message.
type MessageState struct {
	ID        int64
	Status    MessageStatus
	OrgID     int64
	Public    bool // the citizen agreed to publication
	Published bool
}

// MessageStep is a staff decision with what it states.
type MessageStep struct {
	Action MessageAction
	OrgID  int64         // route: the 科室; answer: the answering 科室 when not routed
	Answer string        // answer
	Reason InvalidReason // invalidate
	Note   string        // invalidate, restore, unpublish: why (audited)
	Target *MessageState // merge: the message this one duplicates
	// publish: the texts shown on the portal, edited by staff to remove
	// personal data (names, phone numbers, addresses, ID numbers).
	PubTitle, PubQuestion, PubAnswer string
	// SecrecyChecked is the 保密审查 declaration every publication needs
	// (条例第十七条, as for any document).
	SecrecyChecked bool
	// Known are the citizen's own name, phone and e-mail: the published
	// texts must not contain them.
	Known []string
}

// StepError is a refused step: the form field it is about and the Chinese
// sentence shown beside it.
type StepError struct {
	Field   string
	Message string
}

func (e *StepError) Error() string { return e.Message }

func refuse(field, msg string) (MessageStatus, error) {
	return "", &StepError{Field: field, Message: msg}
}

const msgWrongStatus = "该留言当前状态下不能执行此操作，请刷新页面查看最新状态"

// NextMessage judges a step on m and returns the status it leads to. The
// status machine: new → routed → answered; new/routed → invalid ⇄ new
// (restore); new/routed → merged; publication is a flag on an answered
// message the citizen allowed to publish.
func NextMessage(m MessageState, s MessageStep) (MessageStatus, error) {
	switch s.Action {
	case ActRoute:
		if !m.Status.Open() {
			return refuse("", msgWrongStatus)
		}
		if s.OrgID == 0 {
			return refuse("org", "请选择承办科室")
		}
		return StatusRouted, nil
	case ActAnswer:
		if !m.Status.Open() {
			return refuse("", msgWrongStatus)
		}
		n := utf8.RuneCountInString(strings.TrimSpace(s.Answer))
		if n == 0 {
			return refuse("answer", "请填写答复内容")
		}
		if n > AnswerMax {
			return refuse("answer", "答复内容不能超过5000个字")
		}
		if m.OrgID == 0 && s.OrgID == 0 {
			// The portal publishes 答复部门 with every answer (指引, website-rules §2).
			return refuse("org", "请选择答复科室")
		}
		return StatusAnswered, nil
	case ActInvalidate:
		if !m.Status.Open() {
			return refuse("", msgWrongStatus)
		}
		if !s.Reason.Valid() {
			return refuse("reason", "请选择无效留言的类型")
		}
		if strings.TrimSpace(s.Note) == "" {
			// website-rules §1.3 item 5: kept out of 有效留言 only with an auditable reason.
			return refuse("note", "请写明认定为无效留言的具体理由，该理由将记入审计日志")
		}
		return StatusInvalid, nil
	case ActRestore:
		if m.Status != StatusInvalid {
			return refuse("", msgWrongStatus)
		}
		if strings.TrimSpace(s.Note) == "" {
			return refuse("note", "请写明恢复为有效留言的理由")
		}
		return StatusNew, nil
	case ActMerge:
		if !m.Status.Open() {
			return refuse("", msgWrongStatus)
		}
		if s.Target == nil {
			return refuse("target", "请填写要合并到的留言编号")
		}
		if s.Target.ID == m.ID {
			return refuse("target", "不能把留言合并到它自己")
		}
		if !s.Target.Status.Counted() {
			return refuse("target", "只能合并到有效留言（目标留言已被认定无效或已合并到其他留言）")
		}
		return StatusMerged, nil
	case ActPublish:
		if m.Status != StatusAnswered || m.Published {
			return refuse("", "只有已答复且尚未选登的留言可以选登公开")
		}
		if !m.Public {
			return refuse("", "留言人选择了不公开，该留言不能选登")
		}
		for _, f := range []struct{ field, label, v string }{
			{"pub_title", "公开标题", s.PubTitle}, {"pub_question", "公开的留言内容", s.PubQuestion}, {"pub_answer", "公开的答复内容", s.PubAnswer}} {
			if strings.TrimSpace(f.v) == "" {
				return refuse(f.field, "请填写"+f.label)
			}
		}
		if p := PersonalDataIn(s.PubTitle+"\n"+s.PubQuestion+"\n"+s.PubAnswer, s.Known...); p != "" {
			return refuse("pub_question", "公开内容中似乎含有"+p+"，请删除个人信息后再选登")
		}
		if !s.SecrecyChecked {
			return refuse("secrecy", "选登公开前必须确认已完成保密审查和个人信息删除")
		}
		return StatusAnswered, nil
	case ActUnpublish:
		if !m.Published {
			return refuse("", "该留言没有选登公开")
		}
		if strings.TrimSpace(s.Note) == "" {
			return refuse("note", "请写明撤下的理由")
		}
		return m.Status, nil
	}
	return refuse("", msgWrongStatus)
}
