package disclosure

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
)

// Field limits of the application form.
const (
	maxName        = 100
	maxDescription = 2000
	maxDocNo       = 100
	maxAddress     = 200
	maxEmail       = 254
)

var (
	phoneRE    = regexp.MustCompile(`^\+?[0-9][0-9 \-]{5,22}$`)
	emailRE    = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	postCodeRE = regexp.MustCompile(`^\d{6}$`)
	passportRE = regexp.MustCompile(`^[A-Z0-9]{5,20}$`)
	hkMacaoRE  = regexp.MustCompile(`^[HM]\d{8}(\d{2})?$`)
	taiwanRE   = regexp.MustCompile(`^\d{8}(\d{2})?$`)
)

// Validate checks the three blocks of 条例第二十九条 (identity with ID and
// contact; the description, 文号 or features; form and delivery method).
// Field names follow the open API's JSON ("applicant.id_number", …); the
// messages are shown beside the fields. Receipt fields are not checked
// here: EventReceived checks them.
func (a Application) Validate() catalog.FieldErrors {
	fe := catalog.FieldErrors{}
	a.Applicant.validate(fe)
	desc, docNo := strings.TrimSpace(a.Description), strings.TrimSpace(a.DocNo)
	switch {
	case desc == "" && docNo == "":
		fe.Add("description", "请填写所需政府信息的名称、文号或者便于查询的特征性描述")
	case utf8.RuneCountInString(desc) > maxDescription:
		fe.Add("description", "描述不能超过2000个字")
	}
	if utf8.RuneCountInString(docNo) > maxDocNo {
		fe.Add("doc_no", "文号不能超过100个字")
	}
	d := a.Delivery
	switch {
	case !d.Form.Valid():
		fe.Add("delivery.form", "请选择获取信息的形式（纸质或电子）")
	case d.Form == FormPaper && (d.Method == MethodEmail || d.Method == MethodOnline):
		fe.Add("delivery.method", "纸质形式只能邮寄、当面领取或传真")
	}
	switch {
	case !d.Method.Valid():
		fe.Add("delivery.method", "请选择获取信息的方式")
	case d.Method == MethodPost && strings.TrimSpace(a.Applicant.Address) == "":
		fe.Add("applicant.address", "选择邮寄时请填写通信地址")
	case d.Method == MethodEmail && strings.TrimSpace(a.Applicant.Email) == "":
		fe.Add("applicant.email", "选择电子邮件时请填写电子邮箱")
	}
	return fe
}

func (p Applicant) validate(fe catalog.FieldErrors) {
	if !p.Kind.Valid() {
		fe.Add("applicant.kind", "请选择申请人类型")
	}
	name := strings.TrimSpace(p.Name)
	switch {
	case name == "" && p.Kind.IsOrg():
		fe.Add("applicant.name", "请填写法人或者其他组织的名称")
	case name == "":
		fe.Add("applicant.name", "请填写申请人姓名")
	case utf8.RuneCountInString(name) > maxName:
		fe.Add("applicant.name", "名称不能超过100个字")
	}
	p.validateID(fe)
	if p.Kind.IsOrg() && strings.TrimSpace(p.ContactName) == "" {
		fe.Add("applicant.contact_name", "请填写联系人姓名")
	}
	phone, email, addr := strings.TrimSpace(p.Phone), strings.TrimSpace(p.Email), strings.TrimSpace(p.Address)
	if phone == "" && email == "" && addr == "" {
		fe.Add("applicant.phone", "请至少填写一种联系方式（电话、电子邮箱或通信地址）")
	}
	if phone != "" && !validPhone(phone) {
		fe.Add("applicant.phone", "电话号码格式不正确")
	}
	if email != "" && (len(email) > maxEmail || !emailRE.MatchString(email)) {
		fe.Add("applicant.email", "电子邮箱格式不正确")
	}
	if utf8.RuneCountInString(addr) > maxAddress {
		fe.Add("applicant.address", "通信地址不能超过200个字")
	}
	if pc := strings.TrimSpace(p.PostCode); pc != "" && !postCodeRE.MatchString(pc) {
		fe.Add("applicant.post_code", "邮政编码应为6位数字")
	}
	if p.Agent.Name == "" && p.Agent.Phone != "" {
		fe.Add("applicant.agent.name", "请填写代理人姓名")
	}
	if ph := strings.TrimSpace(p.Agent.Phone); ph != "" && !validPhone(ph) {
		fe.Add("applicant.agent.phone", "代理人电话号码格式不正确")
	}
}

// validateID checks the 身份证明 (条例第二十九条第（一）项). Organisations
// other than 其他 identify by 统一社会信用代码; persons never do.
func (p Applicant) validateID(fe catalog.FieldErrors) {
	const field = "applicant.id_number"
	if !p.IDType.Valid() {
		fe.Add("applicant.id_type", "请选择证件类型")
		return
	}
	switch {
	case p.Kind == Person && p.IDType == IDUSCC:
		fe.Add("applicant.id_type", "自然人请选择个人身份证件")
		return
	case p.Kind.IsOrg() && p.Kind != OtherOrg && p.IDType != IDUSCC:
		fe.Add("applicant.id_type", "法人或者其他组织请选择统一社会信用代码")
		return
	}
	n := strings.ToUpper(strings.Join(strings.Fields(p.IDNumber), ""))
	if n == "" {
		fe.Add(field, "请填写证件号码")
		return
	}
	ok := true
	switch p.IDType {
	case IDResidentCard:
		if !ValidResidentID(n) {
			fe.Add(field, "居民身份证号码不正确，请核对（18位，最后一位为校验码）")
		}
		return
	case IDPassport:
		ok = passportRE.MatchString(n)
	case IDHKMacaoPermit:
		ok = hkMacaoRE.MatchString(n)
	case IDTaiwanPermit:
		ok = taiwanRE.MatchString(n)
	case IDUSCC:
		ok = catalog.ValidUSCC(n)
	case IDOther:
		ok = utf8.RuneCountInString(n) <= 50
	}
	if !ok {
		fe.Add(field, p.IDType.Label()+"号码格式不正确")
	}
}

func validPhone(s string) bool {
	if !phoneRE.MatchString(s) {
		return false
	}
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 7 && digits <= 15
}
