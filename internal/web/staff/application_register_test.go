package staff_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestRegisterOfflineApplication(t *testing.T) {
	e := newAppEnv(t, storetest.Open(t, store.SQLite))
	office := e.login("office")

	// Missing blocks of 条例第二十九条: messages beside the fields, the typed values kept.
	bad := applicationForm("2025-03-10")
	bad.Del("applicant.name")
	bad.Set("applicant.id_number", "110105194912310021") // wrong GB 11643 check digit
	bad.Set("description", "")
	bad.Set("doc_no", "")
	bad.Set("received_on", "2025-03-11") // tomorrow
	bad.Set("receipt_basis", "online_confirmed")
	res := office.post(registerPath, bad)
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad form: %d", res.status)
	}
	for _, want := range []string{"请填写申请人姓名", "请填写所需政府信息的名称", "日期不能晚于今天", "请选择确定收到申请之日的方式", `value="110105194912310021"`, `value="13812345678"`} {
		if !strings.Contains(res.body, want) {
			t.Errorf("bad form lacks %q: %s", want, errorText(res.body))
		}
	}
	if !strings.Contains(res.body, "applicant.id_number-error") {
		t.Errorf("no message beside the ID number: %s", errorText(res.body))
	}

	// Script tags in the description are stored as typed and shown escaped.
	good := applicationForm("2025-03-07")
	good.Set("description", `<script>alert("x")</script>预算`)
	good.Set("receipt_basis", "post_signed")
	res = office.post(registerPath, good)
	if res.status != http.StatusCreated || !strings.Contains(res.body, "查询密码") {
		t.Fatalf("register: %d %s", res.status, errorText(res.body))
	}
	m := caseLink.FindStringSubmatch(res.body)
	if m == nil {
		t.Fatalf("no link to the case: %s", res.body)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	rec := e.record(id)
	if rec.Channel != store.ChannelStaff || rec.ReceiptBasis != "post_signed" || rec.ReceivedOn.String() != "2025-03-07" {
		t.Fatalf("stored: %+v", rec)
	}
	page := office.get("/admin/applications/" + itoa(rec.ID))
	if page.status != 200 || strings.Contains(page.body, "<script>alert") || !strings.Contains(page.body, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;预算") {
		t.Fatalf("case page does not escape the description: %d %s", page.status, errorText(page.body))
	}
	// The 接收回执 was issued with the registration and escapes it too.
	ns := e.notices(rec.ID)
	if len(ns) != 1 || ns[0].Kind != "receipt" || ns[0].EventSeq != 1 {
		t.Fatalf("receipt notice: %+v", ns)
	}
	np := office.get("/admin/application-notices/" + itoa(ns[0].ID))
	if np.status != 200 || strings.Contains(np.body, "<script>alert") || !strings.Contains(np.body, "&lt;script&gt;") ||
		!strings.Contains(np.body, "邮寄（需签收），以签收之日为收到申请之日") {
		t.Fatalf("receipt page: %d %s", np.status, np.body)
	}
	if n := len(e.audits("application.register")); n != 1 {
		t.Fatalf("audited registrations: %d", n)
	}

	// A 科室信息员 does not register applications.
	officer := e.login("officer-a")
	if res := officer.post(registerPath, applicationForm("2025-03-10")); res.status != http.StatusForbidden {
		t.Fatalf("officer registers: %d", res.status)
	}
}
