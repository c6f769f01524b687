package disclosure

// NoticeKind is a 告知书 the platform issues. No national rule fixes the set
// (spec legal-rules §4.1); these follow the 条例 articles and local sets such
// as 宿政办函〔2021〕21号. Rendering lives elsewhere; this is the data.
type NoticeKind string

const (
	NoticeReceipt              NoticeKind = "receipt"                // 接收回执 (第三十一条)
	NoticeAmendment            NoticeKind = "amendment"              // 补正告知书 (第三十条)
	NoticeAmendmentLapsed      NoticeKind = "amendment_lapsed"       // 逾期未补正 (第三十条) → （六）1
	NoticeExtension            NoticeKind = "extension"              // 延期答复告知书 (第三十三条)
	NoticeConsultThirdParty    NoticeKind = "consult_third_party"    // 征求意见书（第三方）(第三十二条)
	NoticeConsultCoOrgan       NoticeKind = "consult_co_organ"       // 征求意见函（共同制作机关）(第三十四条)
	NoticeConsultApplicant     NoticeKind = "consult_applicant"      // 征求意见告知书（申请人）(PRACTICE)
	NoticeFee                  NoticeKind = "fee"                    // 收费通知书 (109号)
	NoticeFeeLapsed            NoticeKind = "fee_lapsed"             // 逾期未缴费 (109号) → （六）2
	NoticeThirdPartyDisclosure NoticeKind = "third_party_disclosure" // 公开决定告知书（第三方）(第三十二条)
	NoticeWithdrawal           NoticeKind = "withdrawal"             // 撤回申请确认书 (PRACTICE)

	// Replies (答复书), one per kind of decision (第三十六条至第三十九条).
	NoticeReplyAlreadyPublic   NoticeKind = "reply_already_public"   // 第三十六条第（一）项
	NoticeReplyGranted         NoticeKind = "reply_granted"          // 第三十六条第（二）项
	NoticeReplyPartial         NoticeKind = "reply_partial"          // 第三十七条
	NoticeReplyWithheld        NoticeKind = "reply_withheld"         // 第三十六条第（三）项 with 第十四至十六条
	NoticeReplyOtherProcedure  NoticeKind = "reply_other_procedure"  // 第三十六条第（七）项
	NoticeReplyNotExist        NoticeKind = "reply_not_exist"        // 第三十六条第（四）项
	NoticeReplyNotResponsible  NoticeKind = "reply_not_responsible"  // 第三十六条第（五）项
	NoticeReplyNeedsProcessing NoticeKind = "reply_needs_processing" // 第三十八条
	NoticeReplyUnclear         NoticeKind = "reply_unclear"          // 第三十条 (补正后仍不明确)
	NoticeReplyPetition        NoticeKind = "reply_petition"         // 第三十九条第一款
	NoticeReplyRepeat          NoticeKind = "reply_repeat"           // 第三十六条第（六）项
	NoticeReplyPublication     NoticeKind = "reply_publication"      // 第三十九条第二款
	NoticeReplyExcessive       NoticeKind = "reply_excessive"        // 第三十五条
	NoticeReplyConfirmation    NoticeKind = "reply_confirmation"     // 确认或重新出具 (（五）5)
	NoticeReplyOther           NoticeKind = "reply_other"            // （六）3 其他
)

// Recipient is who a notice is addressed to.
type Recipient string

const (
	ToApplicant  Recipient = "applicant"
	ToThirdParty Recipient = "third_party"
	ToCoOrgan    Recipient = "co_organ"
)

// NoticeSpec is what the renderer needs to know about a notice kind.
type NoticeSpec struct {
	Kind      NoticeKind
	Title     string
	To        Recipient
	Trigger   string   // the rule that requires it
	MustState []string // content the notice must carry (spec §4.2, §4.3)
	Remedy    bool     // carries the remedy clause (救济告知); procedural notices do not (PRACTICE, 法释〔2011〕17号第二条)
}

// Every notice also carries the applicant's name, the 受理编号, the receipt
// date and its basis, the seal and date, and the service record (spec §4.2);
// MustState lists what is specific to the kind.
var noticeSpecs = map[NoticeKind]NoticeSpec{
	NoticeReceipt: {Title: "政府信息公开申请接收回执", To: ToApplicant, Trigger: "条例第三十一条",
		MustState: []string{"收到申请之日", "确定收到申请之日的方式", "查询码与查询方式", "答复期限"}},
	NoticeAmendment: {Title: "政府信息公开申请补正告知书", To: ToApplicant, Trigger: "条例第三十条",
		MustState: []string{"一次性列明需要补正的全部事项及指导和释明", "补正期限", "答复期限自收到补正的申请之日起重新计算", "无正当理由逾期不补正的，视为放弃申请"}},
	NoticeAmendmentLapsed: {Title: "政府信息公开申请终止处理告知书（逾期未补正）", To: ToApplicant, Trigger: "条例第三十条", Remedy: true,
		MustState: []string{"补正告知日期和补正期限", "申请人无正当理由逾期未补正，视为放弃申请，不再处理"}},
	NoticeExtension: {Title: "政府信息公开申请延期答复告知书", To: ToApplicant, Trigger: "条例第三十三条第二款",
		MustState: []string{"延期理由", "延长的期限（不超过20个工作日）", "延期后的答复期限", "经政府信息公开工作机构负责人同意"}},
	NoticeConsultThirdParty: {Title: "政府信息公开征求意见书", To: ToThirdParty, Trigger: "条例第三十二条",
		MustState: []string{"申请公开的内容", "公开可能损害其合法权益的理由", "自收到之日起15个工作日内提出意见", "逾期未提出意见的，由行政机关依照条例规定决定是否公开"}},
	NoticeConsultCoOrgan: {Title: "政府信息公开征求意见函", To: ToCoOrgan, Trigger: "条例第三十四条",
		MustState: []string{"申请公开的内容", "自收到之日起15个工作日内提出意见", "逾期未提出意见的视为同意公开"}},
	NoticeConsultApplicant: {Title: "政府信息公开征求意见告知书", To: ToApplicant, Trigger: "条例第三十二条、第三十三条第三款",
		MustState: []string{"正在征求第三方或其他机关意见", "征求意见所需时间不计算在答复期限内"}},
	NoticeFee: {Title: "政府信息公开信息处理费收费通知书", To: ToApplicant, Trigger: "国办函〔2020〕109号",
		MustState: []string{"收费依据（国办函〔2020〕109号）", "计收方式和收费标准", "件数或页数", "收费金额", "缴纳方式和账户", "自收到通知次日起20个工作日内缴纳", "逾期未缴纳的，视为放弃申请，不再处理"}},
	NoticeFeeLapsed: {Title: "政府信息公开申请终止处理告知书（逾期未缴费）", To: ToApplicant, Trigger: "国办函〔2020〕109号", Remedy: true,
		MustState: []string{"收费通知日期和缴费期限", "申请人逾期未缴纳信息处理费，视为放弃申请，不再处理"}},
	NoticeThirdPartyDisclosure: {Title: "政府信息公开决定告知书", To: ToThirdParty, Trigger: "条例第三十二条",
		MustState: []string{"决定予以公开的内容", "不公开可能对公共利益造成重大影响的理由"}},
	NoticeWithdrawal: {Title: "政府信息公开申请撤回确认书", To: ToApplicant, Trigger: "申请人撤回申请",
		MustState: []string{"撤回申请的日期和方式", "本申请终止办理"}},

	NoticeReplyAlreadyPublic: {Title: "政府信息公开申请答复书（已主动公开）", To: ToApplicant, Trigger: "条例第三十六条第（一）项", Remedy: true,
		MustState: []string{"获取该政府信息的方式和途径（如网址、公报期号）"}},
	NoticeReplyGranted: {Title: "政府信息公开申请答复书（予以公开）", To: ToApplicant, Trigger: "条例第三十六条第（二）项", Remedy: true,
		MustState: []string{"向申请人提供该政府信息，或者告知获取该政府信息的方式、途径和时间", "提供形式（条例第四十条）"}},
	NoticeReplyPartial: {Title: "政府信息公开申请答复书（部分公开）", To: ToApplicant, Trigger: "条例第三十七条", Remedy: true,
		MustState: []string{"可以公开的部分", "对不予公开的部分逐项说明理由和法律依据"}},
	NoticeReplyWithheld: {Title: "政府信息公开申请答复书（不予公开）", To: ToApplicant, Trigger: "条例第三十六条第（三）项", Remedy: true,
		MustState: []string{"不予公开的理由", "具体的法律依据（条例第十四条、第十五条、第十六条或禁止公开的法律）"}},
	NoticeReplyOtherProcedure: {Title: "政府信息公开申请答复书（依照有关法律、行政法规办理）", To: ToApplicant, Trigger: "条例第三十六条第（七）项", Remedy: true,
		MustState: []string{"适用的法律、行政法规及其规定的办理程序", "办理的机关和途径"}},
	NoticeReplyNotExist: {Title: "政府信息公开申请答复书（政府信息不存在）", To: ToApplicant, Trigger: "条例第三十六条第（四）项", Remedy: true,
		MustState: []string{"经检索没有所申请公开的信息", "检索的范围和方式（良好做法）"}},
	NoticeReplyNotResponsible: {Title: "政府信息公开申请答复书（非本机关负责公开）", To: ToApplicant, Trigger: "条例第三十六条第（五）项", Remedy: true,
		MustState: []string{"不属于本机关负责公开的理由", "能够确定负责公开机关的，其名称和联系方式"}},
	NoticeReplyNeedsProcessing: {Title: "政府信息公开申请答复书（不予提供）", To: ToApplicant, Trigger: "条例第三十八条", Remedy: true,
		MustState: []string{"需要对现有政府信息进行加工、分析的理由"}},
	NoticeReplyUnclear: {Title: "政府信息公开申请答复书（补正后仍不明确）", To: ToApplicant, Trigger: "条例第三十条", Remedy: true,
		MustState: []string{"补正的经过", "补正后申请内容仍不明确的理由"}},
	NoticeReplyPetition: {Title: "不作为政府信息公开申请处理告知书", To: ToApplicant, Trigger: "条例第三十九条第一款", Remedy: true,
		MustState: []string{"不作为政府信息公开申请处理", "可以通过的信访、投诉、举报渠道"}},
	NoticeReplyRepeat: {Title: "政府信息公开申请答复书（不予重复处理）", To: ToApplicant, Trigger: "条例第三十六条第（六）项", Remedy: true,
		MustState: []string{"此前答复的编号和日期", "不予重复处理"}},
	NoticeReplyPublication: {Title: "政府信息公开申请答复书（公开出版物）", To: ToApplicant, Trigger: "条例第三十九条第二款", Remedy: true,
		MustState: []string{"所要求的政府公报、报刊、书籍等公开出版物", "获取的途径"}},
	NoticeReplyExcessive: {Title: "政府信息公开申请答复书（不予处理）", To: ToApplicant, Trigger: "条例第三十五条", Remedy: true,
		MustState: []string{"申请的数量、频次明显超过合理范围", "申请人说明的理由不合理的理由"}},
	NoticeReplyConfirmation: {Title: "政府信息公开申请答复书（不予处理）", To: ToApplicant, Trigger: "要求确认或重新出具已获取信息", Remedy: true,
		MustState: []string{"申请人已获取该信息", "不予处理的理由"}},
	NoticeReplyOther: {Title: "政府信息公开申请答复书", To: ToApplicant, Trigger: "其他处理", Remedy: true,
		MustState: []string{"处理结果和理由"}},
}

// replyNotices maps each reply basis to its 答复书.
var replyNotices = map[LegalBasis]NoticeKind{
	BasisAlreadyPublic:    NoticeReplyAlreadyPublic,
	BasisDisclosed:        NoticeReplyGranted,
	BasisPartial:          NoticeReplyPartial,
	BasisStateSecret:      NoticeReplyWithheld,
	BasisLawProhibits:     NoticeReplyWithheld,
	BasisSafety:           NoticeReplyWithheld,
	BasisThirdParty:       NoticeReplyWithheld,
	BasisInternalAffairs:  NoticeReplyWithheld,
	BasisProcessInfo:      NoticeReplyWithheld,
	BasisEnforcementFile:  NoticeReplyWithheld,
	BasisSpecialProcedure: NoticeReplyOtherProcedure,
	BasisNotExist:         NoticeReplyNotExist,
	BasisNotResponsible:   NoticeReplyNotResponsible,
	BasisNeedsProcessing:  NoticeReplyNeedsProcessing,
	BasisUnclearAfterFix:  NoticeReplyUnclear,
	BasisPetition:         NoticeReplyPetition,
	BasisRepeat:           NoticeReplyRepeat,
	BasisPublication:      NoticeReplyPublication,
	BasisExcessive:        NoticeReplyExcessive,
	BasisConfirmReissue:   NoticeReplyConfirmation,
	BasisOther:            NoticeReplyOther,
	BasisAmendmentLapsed:  NoticeAmendmentLapsed,
	BasisFeeUnpaid:        NoticeFeeLapsed,
	BasisWithdrawn:        NoticeWithdrawal,
}

// NoticeKinds lists every kind in a stable order.
var NoticeKinds = []NoticeKind{
	NoticeReceipt, NoticeAmendment, NoticeAmendmentLapsed, NoticeExtension,
	NoticeConsultThirdParty, NoticeConsultCoOrgan, NoticeConsultApplicant,
	NoticeFee, NoticeFeeLapsed, NoticeThirdPartyDisclosure, NoticeWithdrawal,
	NoticeReplyAlreadyPublic, NoticeReplyGranted, NoticeReplyPartial, NoticeReplyWithheld,
	NoticeReplyOtherProcedure, NoticeReplyNotExist, NoticeReplyNotResponsible,
	NoticeReplyNeedsProcessing, NoticeReplyUnclear, NoticeReplyPetition, NoticeReplyRepeat,
	NoticeReplyPublication, NoticeReplyExcessive, NoticeReplyConfirmation, NoticeReplyOther,
}

// Spec returns the notice's data; ok is false for an unknown kind.
func (k NoticeKind) Spec() (NoticeSpec, bool) {
	s, ok := noticeSpecs[k]
	s.Kind = k
	return s, ok
}

// Title is the notice's heading.
func (k NoticeKind) Title() string {
	if s, ok := noticeSpecs[k]; ok {
		return s.Title
	}
	return string(k)
}

// ClosingNotice is the notice that closes a case on basis b.
func ClosingNotice(b LegalBasis) (NoticeKind, bool) {
	k, ok := replyNotices[b]
	return k, ok
}

// NoticesFor lists the notices an accepted event produces; c is the case
// after the event (Apply's result). Steps that only change internal
// bookkeeping (assignment, extension request, payment) produce none.
func NoticesFor(c Case, ev Event) []NoticeKind {
	switch ev.Kind {
	case EventReceived:
		return []NoticeKind{NoticeReceipt}
	case EventAmendmentRequested:
		return []NoticeKind{NoticeAmendment}
	case EventExtensionApproved:
		return []NoticeKind{NoticeExtension}
	case EventConsultationSent:
		if ev.Party == PartyCoOrgan {
			return []NoticeKind{NoticeConsultCoOrgan, NoticeConsultApplicant}
		}
		return []NoticeKind{NoticeConsultThirdParty, NoticeConsultApplicant}
	case EventFeeNoticed:
		return []NoticeKind{NoticeFee}
	case EventAmendmentExpired, EventFeeExpired, EventWithdrawn, EventReplied:
		k, ok := ClosingNotice(c.Basis)
		if !ok {
			return nil
		}
		out := []NoticeKind{k}
		// 条例第三十二条: disclosing despite a third party's objection needs
		// a written notice to it with the content and the reasons.
		if ev.Kind == EventReplied && c.objectingThirdParty() &&
			(c.Basis.Outcome() == OutcomeGranted || c.Basis.Outcome() == OutcomePartial) {
			out = append(out, NoticeThirdPartyDisclosure)
		}
		return out
	}
	return nil
}

func (c Case) objectingThirdParty() bool {
	for _, k := range c.Consultations {
		if k.Party == PartyThird && k.Objected {
			return true
		}
	}
	return false
}
