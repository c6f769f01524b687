package router_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/disclosure"
	"gongkai/internal/testenv"
)

// What the citizen types. The description carries markup that must stay
// text wherever it is shown.
const (
	citizenName  = "张建国"
	citizenID    = "11010519491231002X"
	citizenDesc  = `2025年度本市工业企业技术改造奖补资金的分配结果<img src=x onerror="window.__pwned=1">`
	amendText    = "所需信息为2025年度技术改造类项目的奖补资金分配结果。"
	partialWhy   = "获得奖补企业的银行账户信息属于商业秘密，已作区分处理，其余部分予以公开。"
	thirdParty   = "示例化工有限公司"
	amendItems   = "请写明所需奖补资金分配结果的项目类别。"
	scanFileName = "身份证.pdf"
)

// TestApplyFlowInBrowser is issue 3's flow end to end in one Chromium: a
// citizen files online (the form refuses an incomplete one, keeping what was
// typed), gets the receipt with code and password; staff ask for a 补正;
// the citizen amends on the status page; staff request an extension that
// the head of the 工作机构 approves; a third party is consulted; the case
// closes as 部分公开. The status page then shows every notice addressed to
// the applicant, and the Word copy of the reply opens and says what the
// page says. axe finds nothing on the form (empty and with errors), the
// receipt and the status page.
func TestApplyFlowInBrowser(t *testing.T) {
	start := time.Now()
	phase := func(name string) { t.Logf("%-28s %6.2fs", name, time.Since(start).Seconds()) }
	e := newApplyFlowEnv(t)
	ctx := testenv.Browser(t, 3*time.Minute)
	base := e.srv.URL
	scan := filepath.Join(t.TempDir(), scanFileName)
	if err := os.WriteFile(scan, minimalPDF("ID scan"), 0o644); err != nil {
		t.Fatal(err)
	}
	citizen, staffCtx := newVisitor(t, ctx), newVisitor(t, ctx)
	phase("service and browser up")

	// 1. The form: empty, then sent with only a name.
	do(t, citizen, "open the form", chromedp.Navigate(base+"/apply"), chromedp.WaitVisible(chromedp.CSS("#applicant-name")))
	checkAxe(t, citizen)
	do(t, citizen, "reload the form", chromedp.Navigate(base+"/apply"), chromedp.SendKeys(chromedp.CSS("#applicant-name"), citizenName))
	status, _ := load(t, citizen, "send it incomplete", chromedp.Click(chromedp.CSS(".apply-form .form-actions button")))
	errs := eval[[]string](t, citizen, `[...document.querySelectorAll('.field-error')].map(e => e.id)`)
	if status != 422 || len(errs) < 6 || text(t, citizen, "#error-summary h2") == "" {
		t.Fatalf("incomplete form: status %d, messages %q", status, errs)
	}
	if v := eval[string](t, citizen, `document.getElementById('applicant-name').value`); v != citizenName {
		t.Fatalf("the name typed is not kept: %q", v)
	}
	screenshot(t, citizen, "apply-form-errors")
	checkAxe(t, citizen)
	phase("1 form refuses, keeps")

	// 2. Complete and send it: the receipt with code and password.
	do(t, citizen, "fill in the form", chromedp.Navigate(base+"/apply"),
		chromedp.Click(chromedp.CSS("#applicant-kind-person")),
		chromedp.SendKeys(chromedp.CSS("#applicant-name"), citizenName),
		chromedp.SetValue(chromedp.CSS("#applicant-id_type"), string(disclosure.IDResidentCard)),
		chromedp.SendKeys(chromedp.CSS("#applicant-id_number"), strings.ToLower(citizenID)),
		chromedp.SendKeys(chromedp.CSS("#applicant-phone"), "13800138000"),
		chromedp.SendKeys(chromedp.CSS("#applicant-email"), "zhang@example.com"),
		chromedp.SendKeys(chromedp.CSS("#description"), citizenDesc),
		chromedp.Click(chromedp.CSS("#delivery-form-electronic")),
		chromedp.Click(chromedp.CSS("#delivery-method-online")),
		chromedp.Click(chromedp.CSS("#consent")),
		chromedp.SetUploadFiles(chromedp.CSS("#file-id_scan"), []string{scan}))
	status, _ = load(t, citizen, "submit", chromedp.Click(chromedp.CSS(".apply-form .form-actions button")))
	code, password := text(t, citizen, "#code"), text(t, citizen, "#password")
	if status != 200 || code == "" || len(password) != 14 {
		t.Fatalf("submit: status %d, code %q, password %q, errors %q", status, code, password, text(t, citizen, ".error-summary"))
	}
	if got := text(t, citizen, "#received-on") + " " + text(t, citizen, "#due-on"); got != "2026年3月2日 2026年3月30日" {
		t.Fatalf("receipt and due dates %q", got)
	}
	if !strings.Contains(text(t, citizen, ".receipt"), "第三十一条第（三）项") {
		t.Fatal("the receipt does not state how the receipt date was fixed")
	}
	screenshot(t, citizen, "apply-receipt")
	checkAxe(t, citizen)
	rec := e.application(t, code)
	if rec.Applicant.Name != citizenName || rec.Description != citizenDesc || rec.ReceivedOn.String() != "2026-03-02" {
		t.Fatalf("stored %+v", rec)
	}
	caseURL := fmt.Sprintf("%s/admin/applications/%d", base, rec.ID)
	phase("2 filed, receipt")

	// 3. The status page with code and password.
	do(t, citizen, "look the case up", chromedp.Navigate(base+"/status"),
		chromedp.SendKeys(chromedp.CSS("#code"), code), chromedp.SendKeys(chromedp.CSS("#password"), password))
	load(t, citizen, "open the case", chromedp.Click(chromedp.CSS("form.pub-form button")))
	if got := text(t, citizen, "#state"); got != "已收到，待分办" {
		t.Fatalf("state %q", got)
	}
	checkAxe(t, citizen)
	phase("3 status page")

	// 4. Staff ask for a 补正; nothing the citizen typed runs on their page.
	signIn(t, staffCtx, base, clerkName, "周公开办")
	do(t, staffCtx, "open the case", chromedp.Navigate(caseURL))
	if eval[bool](t, staffCtx, `window.__pwned !== undefined`) || !strings.Contains(text(t, staffCtx, "td.desc"), `onerror="window.__pwned=1"`) {
		t.Fatal("the description's markup ran or was not shown as text on the staff page")
	}
	staffStep(t, staffCtx, "amendment", "补正告知书已生成，请打印或发送并登记送达情况。",
		chromedp.SendKeys(chromedp.CSS("#amendment-items"), amendItems))
	phase("4 staff asked 补正")

	// 5. The citizen amends on the status page.
	do(t, citizen, "reload the status page", chromedp.Navigate(base+"/status"))
	if got := text(t, citizen, "#state") + "|" + text(t, citizen, "#amend-items"); got != "待补正|"+amendItems {
		t.Fatalf("awaiting the 补正: %q", got)
	}
	do(t, citizen, "fill in the 补正", chromedp.SendKeys(chromedp.CSS("#amend-text"), amendText),
		chromedp.SetUploadFiles(chromedp.CSS("#amend-files"), []string{scan}))
	_, u := load(t, citizen, "send the 补正", chromedp.Click(chromedp.CSS(`form[action$="/status/amend"] button`)))
	if u.RawQuery != "sent=amend" || !strings.HasPrefix(text(t, citizen, ".flash"), "补正材料已提交") || text(t, citizen, "#state") != "已收到，待分办" {
		t.Fatalf("after the 补正: %s, flash %q, state %q", u, text(t, citizen, ".flash"), text(t, citizen, "#state"))
	}
	phase("5 citizen amended")

	// 6. Extension: requested by the clerk, approved by the head only.
	do(t, staffCtx, "reopen the case", chromedp.Navigate(caseURL))
	staffStep(t, staffCtx, "extension", "延期申请已提交，待政府信息公开工作机构负责人审批。",
		chromedp.SendKeys(chromedp.CSS("#extension-days"), "10"),
		chromedp.SendKeys(chromedp.CSS("#extension-reason"), "需要调取多个科室的档案材料。"))
	if n := eval[int](t, staffCtx, `document.querySelectorAll('form[action$="/extension-approve"]').length`); n != 0 {
		t.Fatal("the clerk is offered the approval of the extension")
	}
	signOut(t, staffCtx, base)
	signIn(t, staffCtx, base, headName, "吴负责人")
	do(t, staffCtx, "open the case as head", chromedp.Navigate(caseURL))
	staffStep(t, staffCtx, "extension-approve", "已批准延期答复，延期答复告知书已生成。")
	signOut(t, staffCtx, base)
	phase("6 extension approved")

	// 7. A third party is consulted and answers; the case closes as 部分公开.
	signIn(t, staffCtx, base, clerkName, "周公开办")
	do(t, staffCtx, "open the case again", chromedp.Navigate(caseURL))
	staffStep(t, staffCtx, "consultation", "征求意见书和给申请人的告知书已生成，征求意见期间答复期限暂停计算。",
		chromedp.SetValue(chromedp.CSS("#consultation-party"), string(disclosure.PartyThird)),
		chromedp.SendKeys(chromedp.CSS("#consultation-party_name"), thirdParty))
	staffStep(t, staffCtx, "consultation-answer", "已登记收到意见。")
	staffStep(t, staffCtx, "reply", "已办结，答复书已生成。",
		chromedp.SetValue(chromedp.CSS("#reply-basis"), string(disclosure.BasisPartial)),
		chromedp.SendKeys(chromedp.CSS("#reply-reasons"), partialWhy))
	if rec = e.application(t, code); rec.State != disclosure.StateClosed || rec.Basis != disclosure.BasisPartial {
		t.Fatalf("closed as %s / %s", rec.State, rec.Basis)
	}
	phase("7 consulted, closed")

	// 8. The status page shows every notice addressed to the applicant.
	do(t, citizen, "the status page at the end", chromedp.Navigate(base+"/status"))
	if got := text(t, citizen, "#state") + "|" + text(t, citizen, "#result"); got != "已办结|"+disclosure.BasisPartial.Label() {
		t.Fatalf("closed case: %q", got)
	}
	titles := eval[[]string](t, citizen, `[...document.querySelectorAll('article.notice h3')].map(h => h.textContent.trim())`)
	want := []string{"政府信息公开申请接收回执", "政府信息公开申请补正告知书", "政府信息公开申请延期答复告知书",
		"政府信息公开征求意见告知书", "政府信息公开申请答复书（部分公开）"}
	if !slices.Equal(titles, want) {
		t.Fatalf("notices on the status page:\n%q\nwant\n%q", titles, want)
	}
	if page := text(t, citizen, "main"); !strings.Contains(page, partialWhy) || strings.Contains(page, "征求意见书") {
		t.Fatal("the reply's reasons are missing, or the third party's 征求意见书 is shown to the applicant")
	}
	screenshot(t, citizen, "apply-status-closed")
	checkAxe(t, citizen)

	// 9. The Word copy of the reply opens and says what the page says.
	paras := docxParagraphs(t, fetchDOCX(t, citizen, `article.notice:last-of-type a[href$=".docx"]`))
	joined := strings.Join(paras, "\n")
	if paras[0] != want[4] || !strings.Contains(joined, code) || !strings.Contains(joined, partialWhy) ||
		!strings.Contains(joined, "示例市人民政府申请行政复议") {
		t.Fatalf("the Word reply reads:\n%s", joined)
	}
	phase("8-9 notices, Word copy")
}
