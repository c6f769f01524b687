package disclosure

// LegalBasis is the article and clause staff choose when closing a case.
// It decides the table-三 Row (spec legal-rules §2.6): staff never pick a
// row. The value is a stable code for storage.
type LegalBasis string

const (
	BasisAlreadyPublic    LegalBasis = "art36_1"             // 第三十六条第（一）项 → （一） (PRACTICE)
	BasisDisclosed        LegalBasis = "art36_2"             // 第三十六条第（二）项 → （一）
	BasisPartial          LegalBasis = "art37"               // 第三十七条 → （二）
	BasisStateSecret      LegalBasis = "art14_secret"        // 第十四条 → （三）1
	BasisLawProhibits     LegalBasis = "art14_law"           // 第十四条 → （三）2
	BasisSafety           LegalBasis = "art14_safety"        // 第十四条 → （三）3
	BasisThirdParty       LegalBasis = "art15"               // 第十五条、第三十二条 → （三）4
	BasisInternalAffairs  LegalBasis = "art16_1"             // 第十六条第一款 → （三）5
	BasisProcessInfo      LegalBasis = "art16_2_process"     // 第十六条第二款 → （三）6
	BasisEnforcementFile  LegalBasis = "art16_2_enforcement" // 第十六条第二款 → （三）7
	BasisSpecialProcedure LegalBasis = "art36_7"             // 第三十六条第（七）项 → （三）8 (PRACTICE)
	BasisNotExist         LegalBasis = "art36_4"             // 第三十六条第（四）项 → （四）1 (PRACTICE)
	BasisNotResponsible   LegalBasis = "art36_5"             // 第三十六条第（五）项 → （四）1 (PRACTICE)
	BasisNeedsProcessing  LegalBasis = "art38"               // 第三十八条 → （四）2
	BasisUnclearAfterFix  LegalBasis = "art30_unclear"       // 第三十条 → （四）3
	BasisPetition         LegalBasis = "art39_1"             // 第三十九条第一款 → （五）1
	BasisRepeat           LegalBasis = "art36_6"             // 第三十六条第（六）项 → （五）2
	BasisPublication      LegalBasis = "art39_2"             // 第三十九条第二款 → （五）3
	BasisExcessive        LegalBasis = "art35"               // 第三十五条 → （五）4
	BasisConfirmReissue   LegalBasis = "confirm_reissue"     // no 条例 article (UNCONFIRMED) → （五）5
	BasisAmendmentLapsed  LegalBasis = "art30_lapsed"        // 第三十条 → （六）1, only via EventAmendmentExpired
	BasisFeeUnpaid        LegalBasis = "fee_unpaid"          // 109号 → （六）2, only via EventFeeExpired
	BasisWithdrawn        LegalBasis = "withdrawn"           // → （六）3, only via EventWithdrawn
	BasisOther            LegalBasis = "other"               // → （六）3 (PRACTICE), reasons required
)

const (
	lawRegulation = "《中华人民共和国政府信息公开条例》"
	lawFeeRules   = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
)

type basisInfo struct {
	law      string // document cited; "" when there is none
	article  string // e.g. 第十六条第二款
	ground   string // the situation, as staff see it in the closing dialog
	row      Row
	reasons  bool // the reply must state reasons (理由)
	viaEvent bool // set by its own event, not chosen when replying
}

var bases = map[LegalBasis]basisInfo{
	BasisAlreadyPublic:    {lawRegulation, "第三十六条第（一）项", "所申请公开信息已经主动公开", RowGranted, false, false},
	BasisDisclosed:        {lawRegulation, "第三十六条第（二）项", "所申请公开信息可以公开", RowGranted, false, false},
	BasisPartial:          {lawRegulation, "第三十七条", "部分内容不应公开或不属于政府信息，但能够区分处理", RowPartial, true, false},
	BasisStateSecret:      {lawRegulation, "第十四条", "属于依法确定为国家秘密的政府信息", RowSecret, true, false},
	BasisLawProhibits:     {lawRegulation, "第十四条", "属于法律、行政法规禁止公开的政府信息", RowLawProhibits, true, false},
	BasisSafety:           {lawRegulation, "第十四条", "公开后可能危及国家安全、公共安全、经济安全、社会稳定", RowSafety, true, false},
	BasisThirdParty:       {lawRegulation, "第十五条", "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害", RowThirdParty, true, false},
	BasisInternalAffairs:  {lawRegulation, "第十六条第一款", "属于人事管理、后勤管理、内部工作流程等内部事务信息", RowInternal, true, false},
	BasisProcessInfo:      {lawRegulation, "第十六条第二款", "属于讨论记录、过程稿、磋商信函、请示报告等过程性信息", RowProcess, true, false},
	BasisEnforcementFile:  {lawRegulation, "第十六条第二款", "属于行政执法案卷信息", RowEnforcement, true, false},
	BasisSpecialProcedure: {lawRegulation, "第三十六条第（七）项", "法律、行政法规对信息的获取有特别规定，应按该规定办理", RowQueryProcedure, true, false},
	BasisNotExist:         {lawRegulation, "第三十六条第（四）项", "经检索没有所申请公开信息", RowNotHeld, false, false},
	BasisNotResponsible:   {lawRegulation, "第三十六条第（五）项", "所申请公开信息不属于本机关负责公开", RowNotHeld, true, false},
	BasisNeedsProcessing:  {lawRegulation, "第三十八条", "需要对现有政府信息进行加工、分析", RowNeedsCreation, true, false},
	BasisUnclearAfterFix:  {lawRegulation, "第三十条", "补正后申请内容仍不明确", RowUnclearAfterFix, true, false},
	BasisPetition:         {lawRegulation, "第三十九条第一款", "以政府信息公开申请的形式进行信访、投诉、举报等活动", RowPetition, false, false},
	BasisRepeat:           {lawRegulation, "第三十六条第（六）项", "已就该申请作出答复，申请人重复申请公开相同政府信息", RowRepeat, true, false},
	BasisPublication:      {lawRegulation, "第三十九条第二款", "要求提供政府公报、报刊、书籍等公开出版物", RowPublication, false, false},
	BasisExcessive:        {lawRegulation, "第三十五条", "申请数量、频次明显超过合理范围且说明的理由不合理", RowExcessive, true, false},
	BasisConfirmReissue:   {"", "", "要求行政机关确认或者重新出具申请人已获取的信息", RowConfirmation, true, false},
	BasisAmendmentLapsed:  {lawRegulation, "第三十条", "申请人无正当理由逾期不补正，视为放弃申请", RowAmendmentLapsed, false, true},
	BasisFeeUnpaid:        {lawFeeRules, "", "申请人逾期未按收费通知要求缴纳费用，视为放弃申请", RowFeeUnpaid, false, true},
	BasisWithdrawn:        {"", "", "申请人撤回申请", RowOther, false, true},
	BasisOther:            {"", "", "其他情形", RowOther, true, false},
}

// LegalBases lists every basis in table order.
var LegalBases = []LegalBasis{
	BasisAlreadyPublic, BasisDisclosed, BasisPartial,
	BasisStateSecret, BasisLawProhibits, BasisSafety, BasisThirdParty,
	BasisInternalAffairs, BasisProcessInfo, BasisEnforcementFile, BasisSpecialProcedure,
	BasisNotExist, BasisNotResponsible, BasisNeedsProcessing, BasisUnclearAfterFix,
	BasisPetition, BasisRepeat, BasisPublication, BasisExcessive, BasisConfirmReissue,
	BasisAmendmentLapsed, BasisFeeUnpaid, BasisWithdrawn, BasisOther,
}

// ReplyBases lists the bases staff may choose in the closing dialog
// (EventReplied), in table order. The others are set by their own events.
func ReplyBases() []LegalBasis {
	out := make([]LegalBasis, 0, len(LegalBases))
	for _, b := range LegalBases {
		if !bases[b].viaEvent {
			out = append(out, b)
		}
	}
	return out
}

// Valid reports whether b is known.
func (b LegalBasis) Valid() bool { _, ok := bases[b]; return ok }

// RowOf is the one table-三 row a case closed on basis b counts in. It
// returns "" for an unknown basis (check Valid first).
func RowOf(b LegalBasis) Row { return bases[b].row }

// Outcome is the group of RowOf(b).
func (b LegalBasis) Outcome() Outcome { return RowOf(b).Outcome() }

// Article is the article and clause, e.g. "第十六条第二款"; "" when the
// basis has none (withdrawal, other, 109号 non-payment).
func (b LegalBasis) Article() string { return bases[b].article }

// Ground describes the situation for the closing dialog and the notice.
func (b LegalBasis) Ground() string { return bases[b].ground }

// Citation is the law and article as cited in a notice, e.g.
// "《中华人民共和国政府信息公开条例》第十五条"; "" when nothing is cited.
func (b LegalBasis) Citation() string {
	i := bases[b]
	return i.law + i.article
}

// Label is the short text shown in lists: "第十五条：涉及商业秘密…".
func (b LegalBasis) Label() string {
	i, ok := bases[b]
	if !ok {
		return string(b)
	}
	if i.article == "" {
		return i.ground
	}
	return i.article + "：" + i.ground
}

// ReasonsRequired reports whether the reply must state reasons: 条例第三十六条
// 第（三）项 and 第三十七条 require them for 不予公开 and 部分公开; 第三十六条
// 第（五）项 asks for 说明理由; PRACTICE adds the other adverse decisions
// that courts expect to be explained.
func (b LegalBasis) ReasonsRequired() bool { return bases[b].reasons }

// ChosenInReply reports whether staff choose b when replying (EventReplied).
func (b LegalBasis) ChosenInReply() bool {
	i, ok := bases[b]
	return ok && !i.viaEvent
}
