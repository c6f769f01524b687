package interact

import (
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/workday"
)

// MessageSettings are the board's time limits. website-rules §2 (指引,
// Hubei/Liaoning rules): the national text fixes no reply period for
// ordinary messages, so it is configurable; the hard line is the 3-month
// veto of 国办秘函〔2019〕19号 (§1.3 item 5), which is not.
type MessageSettings struct {
	ReplyDays    int // working days from receipt to the reply deadline (default 10)
	RemindDays   int // remind the 科室 when this many working days are left (default 2)
	EscalateDays int // escalate to the 公开办负责人 this many working days before the veto line (default 10)
}

// VetoMonths is the 互动回应差 line: a valid message unanswered for more
// than 3 months (website-rules §1.3 item 5 ②, [C]).
const VetoMonths = 3

// DefaultMessageSettings are the defaults.
func DefaultMessageSettings() MessageSettings {
	return MessageSettings{ReplyDays: 10, RemindDays: 2, EscalateDays: 10}
}

// Validate checks the settings form.
func (s MessageSettings) Validate() catalog.FieldErrors {
	fe := catalog.FieldErrors{}
	if s.ReplyDays < 1 || s.ReplyDays > 60 {
		// 60 working days is about the 3-month veto line: a longer period
		// would schedule every answer past it.
		fe.Add("reply_days", "答复期限应为1至60个工作日")
	}
	if s.RemindDays < 0 || s.RemindDays >= max(s.ReplyDays, 1) {
		fe.Add("remind_days", "提前提醒天数应为0以上、且小于答复期限")
	}
	if s.EscalateDays < 1 || s.EscalateDays > 40 {
		fe.Add("escalate_days", "上报天数应为1至40个工作日")
	}
	return fe
}

// MessageDue is the reply deadline of a message received on received:
// ReplyDays working days, counted from the day after (as 条例第三十三条 counts).
func MessageDue(received workday.Date, cal *workday.Calendar, s MessageSettings) (workday.Date, error) {
	return cal.AddWorkdays(received, s.ReplyDays)
}

// VetoLine is the last day a message received on received may be answered
// without the 互动回应差 veto: three calendar months later.
func VetoLine(received workday.Date) workday.Date {
	return workday.FromTime(received.Time().AddDate(0, VetoMonths, 0))
}

// VetoLineAt is VetoLine for an instant of receipt: the exact moment after
// which an unanswered message counts (the monitor compares instants).
func VetoLineAt(received time.Time) time.Time { return received.AddDate(0, VetoMonths, 0) }

// MessageStage is how urgent an open message is today.
type MessageStage int

const (
	StageOnTime   MessageStage = iota // more than RemindDays working days left
	StageDueSoon                      // RemindDays or fewer working days left: remind the 科室
	StageOverdue                      // past the reply deadline: remind and escalate
	StageVetoNear                     // EscalateDays or fewer working days to the veto line
	StageVetoLate                     // past the veto line: a 单项否决 finding
)

// Label is the stage as the inbox shows it.
func (g MessageStage) Label() string {
	switch g {
	case StageDueSoon:
		return "即将到期"
	case StageOverdue:
		return "已超期"
	case StageVetoNear:
		return "临近3个月否决线"
	case StageVetoLate:
		return "超过3个月未答复"
	}
	return "未到期"
}

// Urgency is the stage of an open message received on received with reply
// deadline due, as of today, and the working days left to the deadline
// (negative: working days overdue).
func Urgency(received, due, today workday.Date, cal *workday.Calendar, s MessageSettings) (MessageStage, int, error) {
	veto := VetoLine(received)
	if today.After(veto) {
		left, err := daysLeft(due, today, cal)
		return StageVetoLate, left, err
	}
	toVeto, err := cal.WorkdaysBetween(today, veto)
	if err != nil {
		return StageOnTime, 0, err
	}
	left, err := daysLeft(due, today, cal)
	if err != nil {
		return StageOnTime, 0, err
	}
	switch {
	case toVeto <= s.EscalateDays:
		return StageVetoNear, left, nil
	case left < 0:
		return StageOverdue, left, nil
	case left <= s.RemindDays:
		return StageDueSoon, left, nil
	}
	return StageOnTime, left, nil
}

func daysLeft(due, today workday.Date, cal *workday.Calendar) (int, error) {
	if today.After(due) {
		n, err := cal.WorkdaysBetween(due, today)
		return -n, err
	}
	return cal.WorkdaysBetween(today, due)
}

// AnsweredOnTime reports whether an answer on answered met the deadline due.
func AnsweredOnTime(answered, due workday.Date) bool { return !answered.After(due) }
