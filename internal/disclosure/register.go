package disclosure

import (
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/workday"
)

// ReviewRoute is the column block of table 四: 行政复议 (Reconsideration) or
// 行政诉讼 (Litigation), the latter split by whether 复议 came first.
type ReviewRoute string

const (
	RouteReconsideration             ReviewRoute = "reconsideration"  // 行政复议
	RouteLitigationDirect            ReviewRoute = "litigation"       // 行政诉讼：未经复议直接起诉
	RouteLitigationAfterReconsidered ReviewRoute = "litigation_after" // 行政诉讼：复议后起诉
)

// ReviewRoutes lists the routes in table-四 order.
var ReviewRoutes = []ReviewRoute{RouteReconsideration, RouteLitigationDirect, RouteLitigationAfterReconsidered}

// Label is the exact header of table 四.
func (r ReviewRoute) Label() string {
	switch r {
	case RouteReconsideration:
		return "行政复议"
	case RouteLitigationDirect:
		return "未经复议直接起诉"
	case RouteLitigationAfterReconsidered:
		return "复议后起诉"
	}
	return string(r)
}

// Valid reports whether r is known.
func (r ReviewRoute) Valid() bool { return r.Label() != string(r) }

// ReviewResult is the result column of table 四.
type ReviewResult string

const (
	ResultUpheld    ReviewResult = "upheld"    // 结果维持
	ResultCorrected ReviewResult = "corrected" // 结果纠正: revoked, confirmed unlawful, ordered to act (PRACTICE)
	ResultOther     ReviewResult = "other"     // 其他结果: withdrawal, termination, dismissal (PRACTICE)
	ResultPending   ReviewResult = "pending"   // 尚未审结
)

// ReviewResults lists the results in table-四 order.
var ReviewResults = []ReviewResult{ResultUpheld, ResultCorrected, ResultOther, ResultPending}

// Label is the exact header of table 四.
func (r ReviewResult) Label() string {
	switch r {
	case ResultUpheld:
		return "结果维持"
	case ResultCorrected:
		return "结果纠正"
	case ResultOther:
		return "其他结果"
	case ResultPending:
		return "尚未审结"
	}
	return string(r)
}

// Valid reports whether r is known.
func (r ReviewResult) Valid() bool { return r.Label() != string(r) }

// ReviewCase is one entry of the Reconsideration and Litigation register
// (table 四), linked to the application it challenges.
type ReviewCase struct {
	ID            int64
	ApplicationID int64 // 0 when the challenged act is not an application in the platform
	Route         ReviewRoute
	Body          string // 复议机关 or court
	CaseNo        string // 案号
	FiledOn       workday.Date
	Result        ReviewResult
	DecidedOn     workday.Date // zero while pending
	Note          string
}

// Validate checks a register entry; messages are per field.
func (r ReviewCase) Validate() catalog.FieldErrors {
	fe := catalog.FieldErrors{}
	if !r.Route.Valid() {
		fe.Add("route", "请选择复议或诉讼类型")
	}
	if strings.TrimSpace(r.Body) == "" {
		fe.Add("body", "请填写复议机关或人民法院")
	}
	if r.FiledOn == (workday.Date{}) {
		fe.Add("filed_on", "请填写申请或起诉日期")
	}
	switch {
	case !r.Result.Valid():
		fe.Add("result", "请选择结果")
	case r.Result == ResultPending && r.DecidedOn != (workday.Date{}):
		fe.Add("decided_on", "尚未审结的案件不应填写审结日期")
	case r.Result != ResultPending && r.DecidedOn == (workday.Date{}):
		fe.Add("decided_on", "请填写审结日期")
	case r.Result != ResultPending && r.DecidedOn.Before(r.FiledOn):
		fe.Add("decided_on", "审结日期不能早于申请或起诉日期")
	}
	return fe
}

// ResultAt is the result as it stood on day (table 四 counts each case once
// by its status at 12-31): pending until DecidedOn.
func (r ReviewCase) ResultAt(day workday.Date) ReviewResult {
	if r.Result == ResultPending || r.DecidedOn.After(day) {
		return ResultPending
	}
	return r.Result
}
