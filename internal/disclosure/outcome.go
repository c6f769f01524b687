package disclosure

// Outcome is a top-level 办理结果 group of table 三 (国办公开办函〔2021〕30号).
type Outcome string

const (
	OutcomeGranted     Outcome = "granted"     // （一）予以公开
	OutcomePartial     Outcome = "partial"     // （二）部分公开
	OutcomeWithheld    Outcome = "withheld"    // （三）不予公开
	OutcomeUnavailable Outcome = "unavailable" // （四）无法提供
	OutcomeNotHandled  Outcome = "not_handled" // （五）不予处理
	OutcomeOther       Outcome = "other"       // （六）其他处理
)

// Outcomes lists the groups in table order.
var Outcomes = []Outcome{OutcomeGranted, OutcomePartial, OutcomeWithheld, OutcomeUnavailable, OutcomeNotHandled, OutcomeOther}

// Label is the exact label of table 三.
func (o Outcome) Label() string {
	switch o {
	case OutcomeGranted:
		return "（一）予以公开"
	case OutcomePartial:
		return "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
	case OutcomeWithheld:
		return "（三）不予公开"
	case OutcomeUnavailable:
		return "（四）无法提供"
	case OutcomeNotHandled:
		return "（五）不予处理"
	case OutcomeOther:
		return "（六）其他处理"
	}
	return string(o)
}

// Valid reports whether o is known.
func (o Outcome) Valid() bool { return o.Label() != string(o) }

// Row is one data row of 三、本年度办理结果 in table 三 (spec legal-rules
// §2.3). Its value is a stable code for storage ("1", "2", "3.1" … "6.3").
// Every closed case counts in exactly one Row, derived from its LegalBasis.
type Row string

const (
	RowGranted Row = "1" // （一）予以公开
	RowPartial Row = "2" // （二）部分公开

	RowSecret         Row = "3.1"
	RowLawProhibits   Row = "3.2"
	RowSafety         Row = "3.3"
	RowThirdParty     Row = "3.4"
	RowInternal       Row = "3.5"
	RowProcess        Row = "3.6"
	RowEnforcement    Row = "3.7"
	RowQueryProcedure Row = "3.8"

	RowNotHeld         Row = "4.1"
	RowNeedsCreation   Row = "4.2"
	RowUnclearAfterFix Row = "4.3"

	RowPetition     Row = "5.1"
	RowRepeat       Row = "5.2"
	RowPublication  Row = "5.3"
	RowExcessive    Row = "5.4"
	RowConfirmation Row = "5.5"

	RowAmendmentLapsed Row = "6.1"
	RowFeeUnpaid       Row = "6.2"
	RowOther           Row = "6.3"
)

// Rows lists the rows in table order (（七）总计 is a sum, not a Row).
var Rows = []Row{
	RowGranted, RowPartial,
	RowSecret, RowLawProhibits, RowSafety, RowThirdParty, RowInternal, RowProcess, RowEnforcement, RowQueryProcedure,
	RowNotHeld, RowNeedsCreation, RowUnclearAfterFix,
	RowPetition, RowRepeat, RowPublication, RowExcessive, RowConfirmation,
	RowAmendmentLapsed, RowFeeUnpaid, RowOther,
}

// rowLabels are the exact cell texts of table 三. For （一）and （二）the
// cell is the group label itself; the others are sub-rows of their group.
var rowLabels = map[Row]string{
	RowGranted:         "（一）予以公开",
	RowPartial:         "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
	RowSecret:          "1.属于国家秘密",
	RowLawProhibits:    "2.其他法律行政法规禁止公开",
	RowSafety:          "3.危及“三安全一稳定”",
	RowThirdParty:      "4.保护第三方合法权益",
	RowInternal:        "5.属于三类内部事务信息",
	RowProcess:         "6.属于四类过程性信息",
	RowEnforcement:     "7.属于行政执法案卷",
	RowQueryProcedure:  "8.属于行政查询事项",
	RowNotHeld:         "1.本机关不掌握相关政府信息",
	RowNeedsCreation:   "2.没有现成信息需要另行制作",
	RowUnclearAfterFix: "3.补正后申请内容仍不明确",
	RowPetition:        "1.信访举报投诉类申请",
	RowRepeat:          "2.重复申请",
	RowPublication:     "3.要求提供公开出版物",
	RowExcessive:       "4.无正当理由大量反复申请",
	RowConfirmation:    "5.要求行政机关确认或重新出具已获取信息",
	RowAmendmentLapsed: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	RowFeeUnpaid:       "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
	RowOther:           "3.其他",
}

// Label is the exact cell text of the row in table 三.
func (r Row) Label() string {
	if l, ok := rowLabels[r]; ok {
		return l
	}
	return string(r)
}

// Valid reports whether r is one of Rows.
func (r Row) Valid() bool { _, ok := rowLabels[r]; return ok }

// Outcome is the group the row belongs to.
func (r Row) Outcome() Outcome {
	if !r.Valid() {
		return ""
	}
	switch r[0] {
	case '1':
		return OutcomeGranted
	case '2':
		return OutcomePartial
	case '3':
		return OutcomeWithheld
	case '4':
		return OutcomeUnavailable
	case '5':
		return OutcomeNotHandled
	}
	return OutcomeOther
}

// FullLabel is the group and sub-row label, e.g. "（三）不予公开 1.属于国家秘密",
// for places where the row stands alone (case pages, exports).
func (r Row) FullLabel() string {
	if r == RowGranted || r == RowPartial || !r.Valid() {
		return r.Label()
	}
	return r.Outcome().Label() + " " + r.Label()
}
