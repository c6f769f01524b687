package public_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestApplyFormPage(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	w := e.do(t, request{method: "GET", path: "/apply"})
	body := w.Body.String()
	if w.Code != http.StatusOK || w.Header().Get("Cache-Control") != "no-store" {
		t.Fatalf("GET /apply: %d, Cache-Control %q", w.Code, w.Header().Get("Cache-Control"))
	}
	mustContain(t, "form", body, `enctype="multipart/form-data"`, `name="applicant.kind"`, "商业企业", "科研机构",
		"社会公益组织", "法律服务机构", `name="applicant.id_type"`, "居民身份证", `name="description"`, `name="doc_no"`,
		`name="delivery.form"`, "纸质", `name="delivery.method"`, "当面领取", "网上获取", `name="file.id_scan"`,
		`name="file.power_of_attorney"`, "个人信息处理说明", "加密存储", "保存多久", `href="/static/css/apply.css"`)
	// The honeypot: out of sight, out of the tab order, never autofilled.
	hp := body[strings.Index(body, `<div class="hp"`):]
	hp = hp[:strings.Index(hp, "</div>")]
	for _, want := range []string{`aria-hidden="true"`, `name="website"`, `tabindex="-1"`, `autocomplete="off"`} {
		if !strings.Contains(hp, want) {
			t.Errorf("honeypot lacks %s: %s", want, hp)
		}
	}
	mustNotContain(t, "a first visit", body, `name="answer"`, "<img")
}

// Each required field left out: the domain's message beside the field, in
// the summary with a link, and everything else typed still there.
func TestApplyRequiredFields(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	base := validForm(1)
	org := with(base, "applicant.kind", "business", "applicant.name", "示例科技有限公司", "applicant.id_type", "uscc",
		"applicant.id_number", mainUSCC)
	cases := []struct {
		name  string
		form  map[string][]string
		input string
		msg   string
		keep  []string
	}{
		{"kind", with(base, "applicant.kind", ""), "applicant-kind-person", "请选择申请人类型", []string{`value="张建国"`}},
		{"name", with(base, "applicant.name", ""), "applicant-name", "请填写申请人姓名", []string{personID(1)}},
		{"id type", with(base, "applicant.id_type", ""), "applicant-id_type", "请选择证件类型", []string{`value="张建国"`}},
		{"id number", with(base, "applicant.id_number", ""), "applicant-id_number", "请填写证件号码", []string{`value="13800138000"`}},
		{"description", with(base, "description", ""), "description", "请填写所需政府信息的名称、文号或者便于查询的特征性描述",
			[]string{`value="湖北省示例市下陆区团城山街道8号"`}},
		{"form", with(base, "delivery.form", ""), "delivery-form-paper", "请选择获取信息的形式（纸质或电子）",
			[]string{`value="email" checked`}},
		{"method", with(base, "delivery.method", ""), "delivery-method-post", "请选择获取信息的方式",
			[]string{`value="electronic" checked`}},
		{"contact", with(base, "applicant.phone", "", "applicant.email", "", "applicant.address", "", "delivery.method", "collect"),
			"applicant-phone", "请至少填写一种联系方式（电话、电子邮箱或通信地址）", []string{`value="collect" checked`}},
		{"contact person", org, "applicant-contact_name", "请填写联系人姓名", []string{`value="示例科技有限公司"`, `value="business" checked`}},
		{"consent", with(base, "consent", ""), "consent", "请阅读个人信息处理说明，并勾选“我已阅读并同意”",
			[]string{"2025年度本市工业企业技术改造奖补资金的分配结果", `value="person" checked`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := e.do(t, request{method: "POST", path: "/apply", values: c.form})
			body := w.Body.String()
			if w.Code != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", w.Code)
			}
			besideField(t, body, c.input, c.msg)
			if errs := fieldErrors(body); len(errs) != 1 {
				t.Errorf("messages %q, want only the one for %s", errs, c.input)
			}
			mustContain(t, "typed values kept", body, append(c.keep, `role="alert"`, "您已填写的内容都已保留")...)
		})
	}
	if n := e.openCount(t); n != 0 {
		t.Fatalf("%d applications stored from invalid forms", n)
	}
}

func TestApplyResidentIDCheckDigit(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	good := personID(7)
	wrong := good[:17] + map[bool]string{true: "1", false: "0"}[good[17] == '0']
	w := e.do(t, request{method: "POST", path: "/apply", values: with(validForm(7), "applicant.id_number", wrong)})
	body := w.Body.String()
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", w.Code)
	}
	besideField(t, body, "applicant-id_number", "身份证号码校验位不正确，请核对最后一位后重新填写")
	mustContain(t, "typed", body, `value="`+wrong+`"`, `value="张建国"`, "2025年度本市工业企业技术改造奖补资金的分配结果")
	w = e.do(t, request{method: "POST", path: "/apply", values: with(validForm(7), "applicant.id_number", good[:16])})
	besideField(t, w.Body.String(), "applicant-id_number", "居民身份证号码应为18位（最后一位可能是X），您填写了16位")
	// A lower-case x is the same check character.
	if xs := idWithCheck("11010519491231002"); strings.HasSuffix(xs, "X") {
		w = e.do(t, request{method: "POST", path: "/apply", values: with(validForm(7), "applicant.id_number", strings.ToLower(xs))})
		submitted(t, w)
	}
}

func TestApplyAttachments(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	big := formFile{"file.id_scan", "身份证扫描件.pdf", tinyPDF(applyMaxUpload + 1)}
	exe := formFile{"file.power_of_attorney", "委托书.exe", []byte("MZ\x90\x00")}
	fake := formFile{"file.power_of_attorney", "委托书.pdf", []byte("<html><script>alert(1)</script></html>")}
	w := e.do(t, request{method: "POST", path: "/apply", values: validForm(2), files: []formFile{big, exe, fake}})
	body := w.Body.String()
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", w.Code)
	}
	besideField(t, body, "file-id_scan", "文件“身份证扫描件.pdf”超过200KB，请压缩或拆分后上传")
	besideField(t, body, "file-power_of_attorney", "文件“委托书.exe”的类型不能上传。请上传 PDF、OFD、JPG、PNG、Word、WPS 格式的文件")
	mustContain(t, "typed values and the note on files", body, `value="张建国"`, `value="`+personID(2)+`"`,
		"2025年度本市工业企业技术改造奖补资金的分配结果", `value="email" checked`, `name="consent" value="yes" checked`,
		"已选择的文件不会保留，请重新选择")
	if n := e.storedFiles(t); n != 0 || e.openCount(t) != 0 {
		t.Fatalf("%d files and %d applications left by a refused form", n, e.openCount(t))
	}
	// A body past the service's limit (MaxUpload + 1MB): the fields sent
	// before the file are still shown.
	huge := formFile{"file.id_scan", "扫描件.pdf", tinyPDF(applyMaxUpload + 1<<20 + 4096)}
	w = e.do(t, request{method: "POST", path: "/apply", values: validForm(2), files: []formFile{huge}})
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("huge body: status %d", w.Code)
	}
	mustContain(t, "huge body", w.Body.String(), `value="张建国"`, "2025年度本市工业企业技术改造奖补资金的分配结果", "超过200KB")
	if n := e.storedFiles(t); n != 0 {
		t.Fatalf("%d files left by a body past the limit", n)
	}
	// The content check: an HTML page named .pdf.
	w = e.do(t, request{method: "POST", path: "/apply", values: validForm(2), files: []formFile{fake}})
	besideField(t, w.Body.String(), "file-power_of_attorney", "文件“委托书.pdf”的内容与扩展名 .pdf 不符。请确认文件未损坏或被改名")

	// Good files are stored with the application.
	scan := formFile{"file.id_scan", `C:\Users\张建国\身份证.pdf`, tinyPDF(4000)}
	proxy := formFile{"file.power_of_attorney", "授权委托书.pdf", tinyPDF(2000)}
	w = e.do(t, request{method: "POST", path: "/apply", values: with(validForm(2), "applicant.agent.name", "李律师",
		"applicant.agent.phone", "027-87654321"), files: []formFile{scan, proxy}})
	code, _ := submitted(t, w)
	mustContain(t, "confirmation lists the files", w.Body.String(), "身份证明：身份证.pdf", "授权委托书：授权委托书.pdf")
	rec, err := e.st.ApplicationByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	atts, err := e.st.ApplicationAttachments(context.Background(), rec.ID)
	if err != nil || len(atts) != 2 || atts[0].Kind != store.AttachIDScan || atts[0].Name != "身份证.pdf" ||
		atts[0].Size != 4000 || atts[1].Kind != store.AttachProxy {
		t.Fatalf("attachments %+v, %v", atts, err)
	}
	if rec.Applicant.Agent.Name != "李律师" || e.storedFiles(t) != 2 {
		t.Fatalf("agent %q, %d files", rec.Applicant.Agent.Name, e.storedFiles(t))
	}
}

// A description with markup is kept as typed and shown as text.
func TestApplyScriptInDescription(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newApplyEnv(t, st)
		desc := `<script>alert("x")</script><img src=x onerror=alert(1)>关于“技改奖补”的文件`
		w := e.do(t, request{method: "POST", path: "/apply", values: with(validForm(3), "description", desc, "doc_no", "示经信发〔2025〕3号")})
		code, password := submitted(t, w)
		mustNotContain(t, "confirmation", w.Body.String(), "<script>alert", "<img src=x")
		rec, err := e.st.ApplicationByCode(context.Background(), code)
		if err != nil || rec.Description != desc || rec.Channel != store.ChannelOnline ||
			rec.ReceiptBasis != disclosure.ReceiptOnlineConfirmed || rec.ReceivedOn.String() != "2026-03-02" {
			t.Fatalf("stored %+v, %v", rec, err)
		}
		if rec.DueOn.String() != "2026-03-30" {
			t.Errorf("due on %s, want 2026-03-30 (20 working days after 2026-03-02)", rec.DueOn)
		}
		page := lookup(t, e, code, password)
		mustContain(t, "status page", page, `&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;`)
		mustNotContain(t, "status page", page, "<script>alert", "<img src=x")
	})
}

func TestApplyHoneypot(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	w := e.do(t, request{method: "POST", path: "/apply", values: with(validForm(4), "website", "http://spam.example"),
		files: []formFile{{"file.id_scan", "a.pdf", tinyPDF(100)}}})
	body := w.Body.String()
	if w.Code != http.StatusOK || !strings.Contains(body, "申请未能提交") || !strings.Contains(body, "很抱歉") {
		t.Fatalf("honeypot: status %d\n%s", w.Code, clip(body))
	}
	mustContain(t, "other ways to apply", body, "当面提交", "0714-6541234")
	mustNotContain(t, "refusal", body, "蜜罐", "honeypot", "机器人", "YS2026")
	if e.openCount(t) != 0 || e.storedFiles(t) != 0 {
		t.Fatalf("a honeypot submission stored %d applications, %d files", e.openCount(t), e.storedFiles(t))
	}
}

// Under a sub-site (/s/{code}/) the application goes to that agency and
// every link and redirect stays under the prefix.
func TestApplySubSite(t *testing.T) {
	e := newApplyEnv(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	sub := catalog.Site{ParentID: e.site.ID, Code: "yx", Name: "示例县经济商务和信息化局", USCC: subUSCC}
	var err error
	if sub.ID, err = e.st.CreateSite(ctx, sub); err != nil {
		t.Fatal(err)
	}
	if err := e.app.ReloadSites(ctx); err != nil {
		t.Fatal(err)
	}
	w := e.do(t, request{method: "GET", path: "/s/yx/apply"})
	mustContain(t, "sub-site form", w.Body.String(), `action="/s/yx/apply"`, "示例县经济商务和信息化局", `href="/s/yx/status"`)
	w = e.do(t, request{method: "POST", path: "/s/yx/apply", values: validForm(40)})
	code, password := submitted(t, w)
	mustContain(t, "sub-site receipt", w.Body.String(), "示例县经济商务和信息化局已收到", `href="/s/yx/status"`)
	if rec, err := e.st.ApplicationByCode(ctx, code); err != nil || rec.SiteID != sub.ID {
		t.Fatalf("application of site %d, want the sub-site %d (%v)", rec.SiteID, sub.ID, err)
	}
	w = e.do(t, request{method: "POST", path: "/s/yx/status", values: url.Values{"code": {code}, "password": {password}}})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/s/yx/status" {
		t.Fatalf("sub-site lookup: %d → %q", w.Code, w.Header().Get("Location"))
	}
}
