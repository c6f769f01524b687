package disclosure

// ApplicantKind is the 申请人类型 that decides the column of table 三 of the
// annual report (国办公开办函〔2021〕30号). An agent's own kind never counts:
// the principal's kind does.
type ApplicantKind string

const (
	Person       ApplicantKind = "person"        // 自然人
	Business     ApplicantKind = "business"      // 商业企业
	Research     ApplicantKind = "research"      // 科研机构
	NonProfit    ApplicantKind = "nonprofit"     // 社会公益组织
	LegalService ApplicantKind = "legal_service" // 法律服务机构
	OtherOrg     ApplicantKind = "other_org"     // 其他
)

// ApplicantKinds lists the kinds in the column order of table 三.
var ApplicantKinds = []ApplicantKind{Person, Business, Research, NonProfit, LegalService, OtherOrg}

// Label is the exact column label of table 三.
func (k ApplicantKind) Label() string {
	switch k {
	case Person:
		return "自然人"
	case Business:
		return "商业企业"
	case Research:
		return "科研机构"
	case NonProfit:
		return "社会公益组织"
	case LegalService:
		return "法律服务机构"
	case OtherOrg:
		return "其他"
	}
	return string(k)
}

// Valid reports whether k is one of ApplicantKinds.
func (k ApplicantKind) Valid() bool { return k.Label() != string(k) }

// IsOrg reports whether k is a 法人或者其他组织 (every kind but Person).
func (k ApplicantKind) IsOrg() bool { return k.Valid() && k != Person }

// IDType is the kind of identity document (条例第二十九条第（一）项 身份证明).
type IDType string

const (
	IDResidentCard  IDType = "resident_id"     // 居民身份证 (checked with GB 11643)
	IDPassport      IDType = "passport"        // 护照
	IDHKMacaoPermit IDType = "hk_macao_permit" // 港澳居民来往内地通行证
	IDTaiwanPermit  IDType = "taiwan_permit"   // 台湾居民来往大陆通行证
	IDUSCC          IDType = "uscc"            // 统一社会信用代码 (organisations)
	IDOther         IDType = "other"           // 其他
)

// IDTypes lists the document types in form order.
var IDTypes = []IDType{IDResidentCard, IDPassport, IDHKMacaoPermit, IDTaiwanPermit, IDUSCC, IDOther}

// Label is the Chinese name of the document type.
func (t IDType) Label() string {
	switch t {
	case IDResidentCard:
		return "居民身份证"
	case IDPassport:
		return "护照"
	case IDHKMacaoPermit:
		return "港澳居民来往内地通行证"
	case IDTaiwanPermit:
		return "台湾居民来往大陆通行证"
	case IDUSCC:
		return "统一社会信用代码"
	case IDOther:
		return "其他"
	}
	return string(t)
}

// Valid reports whether t is one of IDTypes.
func (t IDType) Valid() bool { return t.Label() != string(t) }

// Applicant is the 申请人 of 条例第二十九条第（一）项: 姓名或者名称、身份证明、
// 联系方式. For a person, Name and the ID document are theirs. For an
// organisation (Kind.IsOrg), Name is the organisation's 名称, IDType is
// IDUSCC and IDNumber its 统一社会信用代码; ContactName is the person who
// handles the application for it. IDNumber, Phone and Address are personal
// data: the store encrypts them and lists mask them.
type Applicant struct {
	Kind        ApplicantKind
	Name        string
	IDType      IDType
	IDNumber    string
	ContactName string // organisations: 联系人
	Phone       string
	Email       string
	Address     string
	PostCode    string
	Agent       Agent // zero when the applicant applies in person
}

// Agent is a 代理人 acting for the applicant. It is recorded for contact and
// the power of attorney, but table 三 counts the principal's Kind.
type Agent struct {
	Name  string
	Phone string
}

// HasAgent reports whether an agent was recorded.
func (a Applicant) HasAgent() bool { return a.Agent.Name != "" }
