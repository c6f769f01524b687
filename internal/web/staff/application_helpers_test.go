package staff_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

const (
	remedyOrgan  = "黄石市人民政府"
	personID     = "11010519491231002X"
	personPhone  = "13812345678"
	personName   = "张三丰"
	registerPath = "/admin/applications/new"
)

// newAppEnv is env with the 依申请公开 people: the 公开办 (office), its
// head (office-head, who approves extensions) and one 信息员 per Org, and
// the 复议机关 of the remedy clause set.
func newAppEnv(t *testing.T, st *store.Store) *env {
	t.Helper()
	e := newEnv(t, st)
	// These tests move the clock by days; keep the sessions alive.
	e.app.Cfg.IdleTimeout = 10 * 365 * 24 * time.Hour
	e.user("office", auth.RoleOffice, 0)
	e.user("office-head", auth.RoleOfficeHead, 0)
	e.user("officer-a", auth.RoleOfficer, e.orgA)
	e.user("officer-b", auth.RoleOfficer, e.orgB)
	ctx := context.Background()
	set, err := st.DisclosureSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	set.Remedy.Organ = remedyOrgan
	if err := st.SaveDisclosureSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	return e
}

// at sets the app's clock to 10:00 on day in China.
func (e *env) at(day string) {
	d, err := workday.ParseDate(day)
	if err != nil {
		e.t.Fatal(err)
	}
	e.clock.Set(time.Date(d.Year(), d.Month(), d.Day(), 10, 0, 0, 0, china))
}

// applicationForm is a valid offline registration received in person on day.
func applicationForm(day string) url.Values {
	return url.Values{
		"receipt_basis": {"in_person"}, "received_on": {day},
		"applicant.kind": {"person"}, "applicant.name": {personName}, "applicant.id_type": {"resident_id"},
		"applicant.id_number": {personID}, "applicant.phone": {personPhone}, "applicant.email": {"zhang@example.com"},
		"applicant.address": {"湖北省黄石市下陆区团城山街道8号"},
		"description":       {"2024年度工业企业技术改造补贴资金分配名单"}, "doc_no": {"黄经信发〔2024〕7号"},
		"delivery.form": {"paper"}, "delivery.method": {"post"},
	}
}

var caseLink = regexp.MustCompile(`/admin/applications/(\d+)"`)

// register files form through the staff form and returns the case ID.
func (c *client) register(form url.Values) int64 {
	c.e.t.Helper()
	res := c.post(registerPath, form)
	m := caseLink.FindStringSubmatch(res.body)
	if res.status != 201 || m == nil {
		c.e.t.Fatalf("register: %d %s", res.status, res.body)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

// step posts one case step.
func (c *client) step(id int64, name string, form url.Values) response {
	c.e.t.Helper()
	return c.post("/admin/applications/"+itoa(id)+"/"+name, form)
}

// mustStep posts a step that must be accepted.
func (c *client) mustStep(id int64, name string, form url.Values) {
	c.e.t.Helper()
	if res := c.step(id, name, form); res.status != 303 {
		c.e.t.Fatalf("%s: %d %s", name, res.status, errorText(res.body))
	}
}

// errorText cuts a page down to its error messages for failure output.
func errorText(body string) string {
	var out []string
	for _, re := range []*regexp.Regexp{regexp.MustCompile(`class="(?:form-error|field-error)"[^>]*>([^<]+)<`), regexp.MustCompile(`<h1>([^<]+)</h1>`)} {
		for _, m := range re.FindAllStringSubmatch(body, -1) {
			out = append(out, m[1])
		}
	}
	if len(out) == 0 && len(body) > 400 {
		return body[:400]
	}
	return strings.Join(out, " | ")
}

// record reads the stored application.
func (e *env) record(id int64) store.ApplicationRecord {
	e.t.Helper()
	a, err := e.st.Application(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return a
}

// notices lists the case's stored notices.
func (e *env) notices(id int64) []store.Notice {
	e.t.Helper()
	ns, err := e.st.Notices(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return ns
}

// workdays adds n working days to day with the stored calendar.
func (e *env) workdays(day string, n int) workday.Date {
	e.t.Helper()
	cal, err := e.st.Calendar(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	d, _ := workday.ParseDate(day)
	out, err := cal.AddWorkdays(d, n)
	if err != nil {
		e.t.Fatal(err)
	}
	return out
}

// docxText unzips a DOCX and returns word/document.xml's text, one
// paragraph per line; the XML must be well-formed.
func docxText(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		d := xml.NewDecoder(rc)
		var sb strings.Builder
		for {
			tok, err := d.Token()
			if errors.Is(err, io.EOF) {
				return sb.String()
			}
			if err != nil {
				t.Fatalf("document.xml: %v", err)
			}
			switch tok := tok.(type) {
			case xml.CharData:
				sb.Write(tok)
			case xml.EndElement:
				if tok.Name.Local == "p" {
					sb.WriteString("\n")
				}
			}
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}
