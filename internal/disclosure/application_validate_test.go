package disclosure

import (
	"testing"
)

func validApp() Application {
	return Application{
		Applicant: Applicant{
			Kind: Person, Name: "王小明", IDType: IDResidentCard, IDNumber: "11010519491231002X",
			Phone: "13800138000", Email: "wang@example.cn", Address: "某市某区某路1号",
		},
		Description: "2024年某路段改造工程的环境影响评价批复",
		Delivery:    Delivery{FormPaper, MethodPost},
	}
}

func TestApplicationValidate(t *testing.T) {
	if fe := validApp().Validate(); len(fe) != 0 {
		t.Fatalf("valid application refused: %v", fe)
	}
	org := validApp()
	org.Applicant = Applicant{Kind: LegalService, Name: "某律师事务所", IDType: IDUSCC, IDNumber: "91350100M000100Y43", ContactName: "李律师", Phone: "0591-87654321"}
	org.Delivery = Delivery{FormElectronic, MethodOnline}
	if fe := org.Validate(); len(fe) != 0 {
		t.Fatalf("valid organisation refused: %v", fe)
	}
	for _, tc := range []struct {
		name  string
		edit  func(*Application)
		field string
	}{
		{"kind missing", func(a *Application) { a.Applicant.Kind = "" }, "applicant.kind"},
		{"name missing", func(a *Application) { a.Applicant.Name = " " }, "applicant.name"},
		{"id type missing", func(a *Application) { a.Applicant.IDType = "" }, "applicant.id_type"},
		{"id number missing", func(a *Application) { a.Applicant.IDNumber = "" }, "applicant.id_number"},
		{"wrong check digit", func(a *Application) { a.Applicant.IDNumber = "110105194912310021" }, "applicant.id_number"},
		{"person with USCC", func(a *Application) { a.Applicant.IDType = IDUSCC }, "applicant.id_type"},
		{"business without USCC", func(a *Application) { a.Applicant.Kind = Business }, "applicant.id_type"},
		{"org without contact", func(a *Application) {
			a.Applicant.Kind, a.Applicant.IDType, a.Applicant.IDNumber = Research, IDUSCC, "12100000400000624D"
		}, "applicant.contact_name"},
		{"bad passport", func(a *Application) { a.Applicant.IDType, a.Applicant.IDNumber = IDPassport, "E-12" }, "applicant.id_number"},
		{"bad HK permit", func(a *Application) { a.Applicant.IDType, a.Applicant.IDNumber = IDHKMacaoPermit, "X1234567" }, "applicant.id_number"},
		{"no contact", func(a *Application) {
			a.Applicant.Phone, a.Applicant.Email, a.Applicant.Address = "", "", ""
			a.Delivery = Delivery{FormPaper, MethodCollect}
		}, "applicant.phone"},
		{"bad phone", func(a *Application) { a.Applicant.Phone = "12ab" }, "applicant.phone"},
		{"bad email", func(a *Application) { a.Applicant.Email = "wang@" }, "applicant.email"},
		{"description missing", func(a *Application) { a.Description = "" }, "description"},
		{"description too long", func(a *Application) { a.Description = string(make([]rune, 2001)) }, "description"},
		{"form missing", func(a *Application) { a.Delivery.Form = "" }, "delivery.form"},
		{"method missing", func(a *Application) { a.Delivery.Method = "" }, "delivery.method"},
		{"paper by e-mail", func(a *Application) { a.Delivery = Delivery{FormPaper, MethodEmail} }, "delivery.method"},
		{"post without address", func(a *Application) { a.Applicant.Address = "" }, "applicant.address"},
		{"email without address", func(a *Application) {
			a.Delivery = Delivery{FormElectronic, MethodEmail}
			a.Applicant.Email = ""
		}, "applicant.email"},
		{"agent phone without name", func(a *Application) { a.Applicant.Agent.Phone = "13900139000" }, "applicant.agent.name"},
		{"bad post code", func(a *Application) { a.Applicant.PostCode = "12345" }, "applicant.post_code"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := validApp()
			tc.edit(&a)
			fe := a.Validate()
			if fe[tc.field] == "" {
				t.Errorf("no message on %s; got %v", tc.field, fe)
			}
		})
	}
	// A 文号 alone identifies the information (条例第二十九条第（二）项).
	a := validApp()
	a.Description, a.DocNo = "", "某政发〔2024〕3号"
	if fe := a.Validate(); len(fe) != 0 {
		t.Errorf("文号 only refused: %v", fe)
	}
}

func TestApplicantKinds(t *testing.T) {
	want := []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"}
	for i, k := range ApplicantKinds {
		if k.Label() != want[i] || !k.Valid() {
			t.Errorf("kind %s label %q", k, k.Label())
		}
		if k.IsOrg() != (k != Person) {
			t.Errorf("%s IsOrg = %v", k, k.IsOrg())
		}
	}
	if ApplicantKind("x").Valid() || ApplicantKind("x").IsOrg() {
		t.Error("unknown kind valid")
	}
}

func TestReviewCaseValidate(t *testing.T) {
	r := ReviewCase{Route: RouteReconsideration, Body: "某市人民政府", FiledOn: day(t, "2024-05-06"), Result: ResultPending}
	if fe := r.Validate(); len(fe) != 0 {
		t.Errorf("valid entry refused: %v", fe)
	}
	if r.ResultAt(day(t, "2024-12-31")) != ResultPending {
		t.Error("pending case not pending")
	}
	r.Result, r.DecidedOn = ResultUpheld, day(t, "2025-01-10")
	if r.ResultAt(day(t, "2024-12-31")) != ResultPending || r.ResultAt(day(t, "2025-12-31")) != ResultUpheld {
		t.Error("ResultAt ignores the decision date")
	}
	r.DecidedOn = day(t, "2024-01-01")
	if fe := r.Validate(); fe["decided_on"] == "" {
		t.Error("decision before filing accepted")
	}
	if fe := (ReviewCase{}).Validate(); fe["route"] == "" || fe["body"] == "" || fe["filed_on"] == "" || fe["result"] == "" {
		t.Errorf("empty entry: %v", fe)
	}
}
