package interact

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gongkai/internal/catalog"
)

// ProposalKind separates 人大代表建议 from 政协提案 (website-rules §5.1, §5.4).
type ProposalKind string

const (
	KindNPC   ProposalKind = "npc"   // 人大代表建议、批评和意见
	KindCPPCC ProposalKind = "cppcc" // 政协委员提案
)

// ProposalKinds lists the kinds in display order.
var ProposalKinds = []ProposalKind{KindNPC, KindCPPCC}

// Label is the Chinese name of the kind.
func (k ProposalKind) Label() string {
	switch k {
	case KindNPC:
		return "人大代表建议"
	case KindCPPCC:
		return "政协提案"
	}
	return string(k)
}

// Role is the agency's part in handling a proposal: it leads (主办) and
// answers the proposer, or it co-handles (会办) and sends its opinion to
// the lead unit (website-rules §5.3). The seed report counts both:
// "代表建议15件(主办件6件,会办件9件)".
type Role string

const (
	RoleLead Role = "lead" // 主办
	RoleCo   Role = "co"   // 会办
)

// Roles lists the roles in display order.
var Roles = []Role{RoleLead, RoleCo}

// Label is the Chinese name of the role.
func (r Role) Label() string {
	switch r {
	case RoleLead:
		return "主办"
	case RoleCo:
		return "会办"
	}
	return string(r)
}

// Satisfaction is the proposer's feedback on the reply (代表反馈).
type Satisfaction string

const (
	Satisfied      Satisfaction = "满意"
	BasicSatisfied Satisfaction = "基本满意"
	Unsatisfied    Satisfaction = "不满意"
)

// Satisfactions lists the feedback values; "" means not yet given.
var Satisfactions = []Satisfaction{Satisfied, BasicSatisfied, Unsatisfied}

// ResultClass is the A/B/C/D mark of a reply (website-rules §5.2).
type ResultClass string

// ResultClasses lists the marks with their meaning.
var ResultClasses = []ResultClass{"A", "B", "C", "D"}

// Label explains the mark.
func (c ResultClass) Label() string {
	switch c {
	case "A":
		return "A 所提问题已经解决或者基本解决"
	case "B":
		return "B 正在解决或者列入规划逐步解决"
	case "C":
		return "C 因目前条件限制或者其他原因需待以后解决"
	case "D":
		return "D 留作参考"
	}
	return string(c)
}

// Disclosure is how the reply is made public (国办发〔2014〕46号: 全文 or
// 摘要; not disclosing needs a reason).
type Disclosure string

const (
	DiscloseFull    Disclosure = "full"
	DiscloseSummary Disclosure = "summary"
	DiscloseNone    Disclosure = "none"
)

// Disclosures lists the choices; "" means not yet decided.
var Disclosures = []Disclosure{DiscloseFull, DiscloseSummary, DiscloseNone}

// Label is the Chinese name of the choice.
func (d Disclosure) Label() string {
	switch d {
	case DiscloseFull:
		return "全文公开"
	case DiscloseSummary:
		return "摘要公开"
	case DiscloseNone:
		return "不公开"
	}
	return "未确定"
}

// Proposal is one 建议 or 提案 handled by the agency (website-rules §5.6).
type Proposal struct {
	ID            int64
	SiteID        int64
	Kind          ProposalKind
	Session       string // 届次/会次, e.g. 市十五届人大二次会议
	Recess        bool   // submitted between sessions (闭会期间)
	Number        string // 编号
	Title         string
	Proposer      string // 领衔人
	CoProposers   string // 附议人
	ProposerPhone string // contact: personal data, encrypted at rest, never published
	AssignedOn    string // 交办日期 YYYY-MM-DD: the deadlines run from here
	AssignedBy    string // 交办机关
	Role          Role
	OrgID         int64  // the 科室 that handles it inside the agency
	LeadUnit      string // the 主办单位 when Role is RoleCo
	Supervised    bool   // 领导督办
	SupervisedBy  string // e.g. 市领导重点督办
	Extended      bool   // reply period extended to 6 months (代表法)
	ExtendReason  string
	RepliedOn     string // 答复日期 (for RoleCo: the date the 会办意见 went to the lead unit)
	ReplyNo       string // 答复文号
	ReplyText     string // plain text of the reply
	Result        ResultClass
	Satisfaction  Satisfaction
	Disclosure    Disclosure
	DisclosureWhy string // reason for 不公开 or 摘要
	DocumentID    int64  // the published reply
	CoHandlers    []CoHandler
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// CoHandler is a 会办单位 whose written opinion the lead (this agency)
// needs before replying.
type CoHandler struct {
	ID         int64
	ProposalID int64
	Unit       string // e.g. 市财政局
	Email      string // where reminders go; personal data, encrypted at rest
	ReceivedOn string // when the unit received the proposal ("" = AssignedOn)
	OpinionOn  string // when its opinion arrived
	Opinion    string
}

// Replied reports whether the reply (or, for RoleCo, the opinion) is sent.
func (p Proposal) Replied() bool { return p.RepliedOn != "" }

// Published reports whether the reply is on the portal.
func (p Proposal) Published() bool { return p.DocumentID != 0 }

// Year is the year the proposal was assigned (the seed counts by it).
func (p Proposal) Year() int {
	if len(p.AssignedOn) < 4 {
		return 0
	}
	y := 0
	for _, c := range p.AssignedOn[:4] {
		y = y*10 + int(c-'0')
	}
	return y
}

// Validate checks a proposal as staff entered it; the keys are form fields.
func (p Proposal) Validate() catalog.FieldErrors {
	fe := catalog.FieldErrors{}
	if !slices.Contains(ProposalKinds, p.Kind) {
		fe.Add("kind", "请选择建议或提案的类型")
	}
	if !slices.Contains(Roles, p.Role) {
		fe.Add("role", "请选择本单位是主办还是会办")
	}
	recordText(fe, "session", p.Session, true, 60, "届次会次")
	recordText(fe, "number", p.Number, true, 30, "编号")
	recordText(fe, "title", p.Title, true, 200, "标题")
	recordText(fe, "proposer", p.Proposer, true, 50, "领衔人")
	recordText(fe, "co_proposers", p.CoProposers, false, 300, "附议人")
	recordText(fe, "assigned_by", p.AssignedBy, false, 60, "交办机关")
	if p.ProposerPhone != "" && !contactPhoneOK(p.ProposerPhone) {
		fe.Add("proposer_phone", "联系电话只能包含数字和连字符，7至20位")
	}
	recordDate(fe, "assigned_on", p.AssignedOn, true)
	if p.Role == RoleCo {
		recordText(fe, "lead_unit", p.LeadUnit, true, 60, "主办单位")
	}
	if p.Supervised {
		recordText(fe, "supervised_by", p.SupervisedBy, false, 60, "督办领导")
	}
	if p.Extended {
		recordText(fe, "extend_reason", p.ExtendReason, true, 300, "延期理由")
	}
	if p.OrgID <= 0 {
		fe.Add("org", "请选择承办科室")
	}
	for i, c := range p.CoHandlers {
		c.validate(fe, i, p.AssignedOn)
	}
	return fe
}

func (c CoHandler) validate(fe catalog.FieldErrors, i int, assignedOn string) {
	key := func(f string) string { return "co_" + f + "_" + strconv.Itoa(i) }
	recordText(fe, key("unit"), c.Unit, true, 60, "会办单位名称")
	if c.Email != "" && !contactEmailOK(c.Email) {
		fe.Add(key("email"), "请填写有效的电子邮箱，例如 bgs@example.gov.cn")
	}
	recordDate(fe, key("received"), c.ReceivedOn, false)
	recordDate(fe, key("opinion_on"), c.OpinionOn, false)
	if c.ReceivedOn != "" && catalog.ValidDate(c.ReceivedOn) && catalog.ValidDate(assignedOn) && c.ReceivedOn < assignedOn {
		fe.Add(key("received"), "收到日期不能早于交办日期")
	}
	if utf8.RuneCountInString(c.Opinion) > 5000 {
		fe.Add(key("opinion"), "会办意见不能超过5000个字")
	}
}

// ValidateReply checks the reply step: the date, the mark, the text and,
// for the lead, the disclosure decision reviewed with it (国办发〔2014〕46号:
// 办理复文与公开同步审查).
func (p Proposal) ValidateReply() catalog.FieldErrors {
	fe := catalog.FieldErrors{}
	recordDate(fe, "replied_on", p.RepliedOn, true)
	if p.RepliedOn != "" && catalog.ValidDate(p.RepliedOn) && p.RepliedOn < p.AssignedOn {
		fe.Add("replied_on", "答复日期不能早于交办日期")
	}
	recordText(fe, "reply_no", p.ReplyNo, false, 60, "答复文号")
	if p.Result != "" && !slices.Contains(ResultClasses, p.Result) {
		fe.Add("result", "请从列表中选择办理结果分类")
	}
	if p.Satisfaction != "" && !slices.Contains(Satisfactions, p.Satisfaction) {
		fe.Add("satisfaction", "请从列表中选择满意度")
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(p.ReplyText)); n == 0 || n > 20000 {
		fe.Add("reply_text", "请填写答复正文，不超过20000个字")
	}
	if p.Role == RoleLead {
		if !slices.Contains(Disclosures, p.Disclosure) {
			fe.Add("disclosure", "请选择答复的公开方式")
		}
		if p.Disclosure != DiscloseFull {
			recordText(fe, "disclosure_why", p.DisclosureWhy, true, 300, "摘要公开或不公开的理由")
		}
	}
	return fe
}
