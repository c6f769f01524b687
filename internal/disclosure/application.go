package disclosure

import (
	"time"

	"gongkai/internal/workday"
)

// DeliveryForm is the 形式要求 of 条例第二十九条第（三）项.
type DeliveryForm string

const (
	FormPaper      DeliveryForm = "paper"      // 纸质
	FormElectronic DeliveryForm = "electronic" // 电子
)

// DeliveryForms lists the forms in form order.
var DeliveryForms = []DeliveryForm{FormPaper, FormElectronic}

// Label is the Chinese name.
func (f DeliveryForm) Label() string {
	switch f {
	case FormPaper:
		return "纸质"
	case FormElectronic:
		return "电子"
	}
	return string(f)
}

// Valid reports whether f is known.
func (f DeliveryForm) Valid() bool { return f.Label() != string(f) }

// DeliveryMethod is the 获取信息的方式、途径 of 条例第二十九条第（三）项.
type DeliveryMethod string

const (
	MethodPost    DeliveryMethod = "post"    // 邮寄
	MethodEmail   DeliveryMethod = "email"   // 电子邮件
	MethodCollect DeliveryMethod = "collect" // 当面领取
	MethodOnline  DeliveryMethod = "online"  // 网上获取
	MethodFax     DeliveryMethod = "fax"     // 传真
)

// DeliveryMethods lists the methods in form order.
var DeliveryMethods = []DeliveryMethod{MethodPost, MethodEmail, MethodCollect, MethodOnline, MethodFax}

// Label is the Chinese name.
func (m DeliveryMethod) Label() string {
	switch m {
	case MethodPost:
		return "邮寄"
	case MethodEmail:
		return "电子邮件"
	case MethodCollect:
		return "当面领取"
	case MethodOnline:
		return "网上获取"
	case MethodFax:
		return "传真"
	}
	return string(m)
}

// Valid reports whether m is known.
func (m DeliveryMethod) Valid() bool { return m.Label() != string(m) }

// Delivery is how the applicant wants the information (条例第二十九条第（三）项,
// 第四十条).
type Delivery struct {
	Form   DeliveryForm
	Method DeliveryMethod
}

// ReceiptBasis records how the 收到申请之日 was fixed (条例第三十一条).
type ReceiptBasis string

const (
	ReceiptInPerson              ReceiptBasis = "in_person"               // （一）当面提交：提交之日
	ReceiptPostSigned            ReceiptBasis = "post_signed"             // （二）邮寄需签收：签收之日
	ReceiptPostUnsignedConfirmed ReceiptBasis = "post_unsigned_confirmed" // （二）平常信函：收信当日与申请人确认之日
	ReceiptOnlineConfirmed       ReceiptBasis = "online_confirmed"        // （三）互联网渠道：双方确认之日
	ReceiptFaxConfirmed          ReceiptBasis = "fax_confirmed"           // （三）传真：双方确认之日
)

// ReceiptBases lists the bases in the order of 条例第三十一条.
var ReceiptBases = []ReceiptBasis{ReceiptInPerson, ReceiptPostSigned, ReceiptPostUnsignedConfirmed, ReceiptOnlineConfirmed, ReceiptFaxConfirmed}

// Label is the Chinese description shown on the 接收回执.
func (b ReceiptBasis) Label() string {
	switch b {
	case ReceiptInPerson:
		return "当面提交，以提交之日为收到申请之日"
	case ReceiptPostSigned:
		return "邮寄（需签收），以签收之日为收到申请之日"
	case ReceiptPostUnsignedConfirmed:
		return "邮寄（平常信函），以与申请人确认之日为收到申请之日"
	case ReceiptOnlineConfirmed:
		return "互联网渠道提交，以双方确认之日为收到申请之日"
	case ReceiptFaxConfirmed:
		return "传真提交，以双方确认之日为收到申请之日"
	}
	return string(b)
}

// Valid reports whether b is known.
func (b ReceiptBasis) Valid() bool { return b.Label() != string(b) }

// Application is one 政府信息公开申请. Its State, DueOn and closing fields are
// denormalised from the Case that Replay folds from its events, so the store
// can filter and sort without replaying; Replay is the source of truth.
type Application struct {
	ID          int64
	Code        string // 查询码 given to the applicant
	ParentID    int64  // non-zero for an item split off by 一事一申请 (109号第四条)
	Applicant   Applicant
	Description string // 所需信息的名称或特征性描述 (条例第二十九条第（二）项)
	DocNo       string // 文号, optional
	Delivery    Delivery

	ReceivedOn   workday.Date // 收到申请之日 (条例第三十一条)
	ReceiptBasis ReceiptBasis

	State      State
	OrgID      int64 // 承办科室
	AssigneeID int64
	DueOn      workday.Date // reply deadline as last computed (Case.DueOn)

	Basis    LegalBasis   // set when closed
	ClosedOn workday.Date // set when closed

	CreatedAt time.Time
}

// State is where a case stands. It is derived from the events by Replay
// (the most pressing open condition wins) and stored for queue filters.
type State string

const (
	StateReceived          State = "received"           // 已收到，待分办
	StateProcessing        State = "processing"         // 办理中 (assigned to an Org)
	StateAwaitingAmendment State = "awaiting_amendment" // 待补正 (clock stopped, 条例第三十条)
	StateConsulting        State = "consulting"         // 征求意见中 (clock paused, 第三十二条、第三十四条)
	StateAwaitingFee       State = "awaiting_fee"       // 待缴费 (109号)
	StateClosed            State = "closed"             // 已办结
)

// States lists the states in queue order.
var States = []State{StateReceived, StateProcessing, StateAwaitingAmendment, StateConsulting, StateAwaitingFee, StateClosed}

// Label is the Chinese name shown to staff and applicants.
func (s State) Label() string {
	switch s {
	case StateReceived:
		return "已收到，待分办"
	case StateProcessing:
		return "办理中"
	case StateAwaitingAmendment:
		return "待补正"
	case StateConsulting:
		return "征求意见中"
	case StateAwaitingFee:
		return "待缴费"
	case StateClosed:
		return "已办结"
	}
	return string(s)
}

// Valid reports whether s is known.
func (s State) Valid() bool { return s.Label() != string(s) }

// Open reports whether the case still needs a final outcome; an open case at
// 12-31 is carried over (结转) in table 三.
func (s State) Open() bool { return s.Valid() && s != StateClosed }
