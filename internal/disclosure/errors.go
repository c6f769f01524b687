package disclosure

import (
	"errors"
	"fmt"
)

// ErrNotAllowed is wrapped by every RuleError: the step breaks a rule of
// the 条例 or of the agency's Settings. web maps it to 409 with the message.
var ErrNotAllowed = errors.New("该操作不符合办理规则")

// RuleError is a refused step. Msg is the Chinese sentence shown to staff;
// Code is stable for tests and logs.
type RuleError struct {
	Code string
	Msg  string
}

func (e *RuleError) Error() string { return e.Msg }

// Unwrap returns ErrNotAllowed.
func (e *RuleError) Unwrap() error { return ErrNotAllowed }

// Codes of RuleError.
const (
	CodeFirstEvent        = "first_event"        // the first event must be EventReceived
	CodeUnknownEvent      = "unknown_event"      // EventKind not known
	CodeDate              = "date"               // missing date or earlier than the previous step
	CodeClosed            = "closed"             // the case is already closed
	CodeState             = "state"              // not allowed in the current state
	CodeAmendmentWindow   = "amendment_window"   // 补正告知 after 7 working days
	CodeAmendmentOnce     = "amendment_once"     // second 补正 round
	CodeAmendmentDeadline = "amendment_deadline" // 补正 received after its deadline, or expiry too early
	CodeExtensionUsed     = "extension_used"     // a second extension
	CodeExtensionLate     = "extension_late"     // extension after the due date
	CodeExtensionDays     = "extension_days"     // not 1–20 working days
	CodeExtensionApprover = "extension_approver" // approver not the 工作机构负责人
	CodeConsultation      = "consultation"       // unknown or closed consultation, lapse too early
	CodeFee               = "fee"                // fee rule broken
	CodeBasis             = "basis"              // basis unknown or not chosen by reply
	CodeReasons           = "reasons"            // reasons text missing
	CodeAssign            = "assign"             // assignment rule broken
	CodeMissing           = "missing"            // a required field of the event is missing
)

func refuse(code, format string, args ...any) error {
	return &RuleError{Code: code, Msg: fmt.Sprintf(format, args...)}
}

// IsRule reports whether err is a RuleError with the given code.
func IsRule(err error, code string) bool {
	var re *RuleError
	return errors.As(err, &re) && re.Code == code
}
