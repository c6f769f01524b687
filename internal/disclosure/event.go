package disclosure

import (
	"time"

	"gongkai/internal/workday"
)

// EventKind is one step of a case. Events are append-only: a case is the
// fold of its events (Replay), nothing is ever edited in place.
type EventKind string

const (
	// EventReceived opens the case; On is the 收到申请之日, ReceiptBasis says
	// how it was fixed (条例第三十一条). It must be the first event.
	EventReceived EventKind = "received"

	// EventAmendmentRequested is the one consolidated 补正告知书 (条例第三十条):
	// Note lists every item, Deadline is the 补正期限.
	EventAmendmentRequested EventKind = "amendment_requested"
	// EventAmended: the amended application was received on On; the reply
	// clock restarts from On. Justified marks a late 补正 accepted for a
	// 正当理由 (Note says which).
	EventAmended EventKind = "amended"
	// EventAmendmentExpired closes the case as （六）1 (On after Deadline).
	EventAmendmentExpired EventKind = "amendment_expired"

	// EventAssigned / EventTransferred set the 承办科室 (OrgID) and assignee.
	EventAssigned    EventKind = "assigned"
	EventTransferred EventKind = "transferred"

	// EventExtensionRequested asks for Days (≤ 20) more working days with the
	// reason in Note; EventExtensionApproved grants them (ApproverIsHead
	// must be true: 条例第三十三条 requires the 政府信息公开工作机构负责人);
	// EventExtensionRefused turns the request down.
	EventExtensionRequested EventKind = "extension_requested"
	EventExtensionApproved  EventKind = "extension_approved"
	EventExtensionRefused   EventKind = "extension_refused"

	// EventConsultationSent sends a 征求意见书 to Party/PartyName on On
	// (条例第三十二条、第三十四条). Answered/Lapsed name it by Consultation
	// (1-based, in sending order). Objected records a refusal to consent.
	EventConsultationSent     EventKind = "consultation_sent"
	EventConsultationAnswered EventKind = "consultation_answered"
	EventConsultationLapsed   EventKind = "consultation_lapsed"

	// EventFeeNoticed: the 收费通知 was served on On (109号); FeeMethod,
	// Quantity, Amount and PayMethod describe it. Paid/Waived settle it;
	// EventFeeExpired closes the case as （六）2. Waivers need a Note.
	EventFeeNoticed EventKind = "fee_noticed"
	EventFeePaid    EventKind = "fee_paid"
	EventFeeWaived  EventKind = "fee_waived"
	EventFeeExpired EventKind = "fee_expired"

	// EventReplied closes the case with the 答复 decided by Basis, with the
	// Reasons text (required where the basis withholds information).
	EventReplied EventKind = "replied"
	// EventWithdrawn: the applicant withdrew; closes the case as （六）3.
	EventWithdrawn EventKind = "withdrawn"
)

// EventKinds lists every kind.
var EventKinds = []EventKind{
	EventReceived,
	EventAmendmentRequested, EventAmended, EventAmendmentExpired,
	EventAssigned, EventTransferred,
	EventExtensionRequested, EventExtensionApproved, EventExtensionRefused,
	EventConsultationSent, EventConsultationAnswered, EventConsultationLapsed,
	EventFeeNoticed, EventFeePaid, EventFeeWaived, EventFeeExpired,
	EventReplied, EventWithdrawn,
}

// Label is the Chinese name shown in the case history.
func (k EventKind) Label() string {
	switch k {
	case EventReceived:
		return "收到申请"
	case EventAmendmentRequested:
		return "告知补正"
	case EventAmended:
		return "收到补正"
	case EventAmendmentExpired:
		return "逾期未补正"
	case EventAssigned:
		return "分办"
	case EventTransferred:
		return "转办"
	case EventExtensionRequested:
		return "申请延期答复"
	case EventExtensionApproved:
		return "批准延期答复"
	case EventExtensionRefused:
		return "不批准延期答复"
	case EventConsultationSent:
		return "征求意见"
	case EventConsultationAnswered:
		return "收到意见"
	case EventConsultationLapsed:
		return "征求意见期满未答复"
	case EventFeeNoticed:
		return "发出收费通知"
	case EventFeePaid:
		return "已缴费"
	case EventFeeWaived:
		return "免收信息处理费"
	case EventFeeExpired:
		return "逾期未缴费"
	case EventReplied:
		return "答复办结"
	case EventWithdrawn:
		return "申请人撤回申请"
	}
	return string(k)
}

// Valid reports whether k is known.
func (k EventKind) Valid() bool { return k.Label() != string(k) }

// Closes reports whether an accepted event of this kind ends the case.
func (k EventKind) Closes() bool {
	switch k {
	case EventAmendmentExpired, EventFeeExpired, EventReplied, EventWithdrawn:
		return true
	}
	return false
}

// Party is who is consulted.
type Party string

const (
	PartyThird   Party = "third_party" // 第三方 (条例第三十二条): silence → the organ decides
	PartyCoOrgan Party = "co_organ"    // 共同制作机关 (条例第三十四条): silence = consent
)

// Label is the Chinese name.
func (p Party) Label() string {
	switch p {
	case PartyThird:
		return "第三方"
	case PartyCoOrgan:
		return "共同制作机关"
	}
	return string(p)
}

// Valid reports whether p is known.
func (p Party) Valid() bool { return p.Label() != string(p) }

// Event is one append-only step. Only the fields documented for its Kind
// are read; the others stay zero.
type Event struct {
	Kind    EventKind
	On      workday.Date // the legal date of the step (receipt, service, answer, payment…)
	At      time.Time    // when it was recorded; audit only, never used by the rules
	ActorID int64        // staff user; 0 for the applicant or the system
	Note    string       // 补正 items, extension reason, waiver reason, withdrawal note

	ReceiptBasis ReceiptBasis // Received

	Deadline  workday.Date // AmendmentRequested: 补正期限
	Justified bool         // Amended: late 补正 accepted for a 正当理由

	OrgID      int64 // Assigned, Transferred: 承办科室
	AssigneeID int64 // Assigned, Transferred

	Days           int  // ExtensionRequested, ExtensionApproved (0 = as requested)
	ApproverIsHead bool // ExtensionApproved: actor holds the 工作机构负责人 role

	Party        Party  // ConsultationSent
	PartyName    string // ConsultationSent
	Consultation int    // ConsultationAnswered, ConsultationLapsed: 1-based
	Objected     bool   // ConsultationAnswered: the party does not consent

	FeeMethod FeeMethod // FeeNoticed: 按件 or 按量, never both (109号第三条)
	Quantity  int       // FeeNoticed: pages (按量) or the n-th application this month (按件)
	Amount    int64     // FeeNoticed: yuan
	PayMethod string    // FeeNoticed: 缴纳方式

	Basis   LegalBasis // Replied
	Reasons string     // Replied: 理由 (required when Basis.ReasonsRequired)
}
