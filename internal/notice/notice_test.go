package notice

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/workday"
)

var (
	issued = workday.NewDate(2025, time.March, 10)
	rem    = disclosure.RemedySettings{Organ: "某市人民政府", Court: "某市中级人民法院"}
)

func TestEveryDefaultValidatesAndRenders(t *testing.T) {
	for _, k := range disclosure.NoticeKinds {
		text, ok := Default(k)
		if !ok {
			t.Fatalf("%s: no default template", k)
		}
		if err := Validate(k, text); err != nil {
			t.Fatalf("%s: default refused: %v", k, err)
		}
		n, err := Render(Sample(k, "某市财政局", issued, rem), text)
		if err != nil {
			t.Fatalf("%s: render: %v", k, err)
		}
		spec, _ := k.Spec()
		txt := n.Text()
		if n.Title != spec.Title || !strings.Contains(txt, "YS2025-000123") || strings.Contains(txt, "{{") {
			t.Fatalf("%s: rendered %q", k, txt)
		}
		if strings.Contains(txt, "<no value>") {
			t.Fatalf("%s: a placeholder had no value: %q", k, txt)
		}
		if spec.Remedy != strings.Contains(txt, "申请行政复议") {
			t.Fatalf("%s: remedy clause presence should be %v: %q", k, spec.Remedy, txt)
		}
	}
}

func TestWithheldStatesBasisReasonsAndReconsiderationFirst(t *testing.T) {
	in := Sample(disclosure.NoticeReplyWithheld, "某市财政局", issued, rem)
	in.Case.Basis, in.Case.Reasons = disclosure.BasisThirdParty, "涉及某公司的商业秘密。"
	n, err := RenderFor(context.Background(), mapSettings{}, 1, in)
	if err != nil {
		t.Fatal(err)
	}
	txt := n.Text()
	for _, want := range []string{"《中华人民共和国政府信息公开条例》第十五条", "涉及某公司的商业秘密。", "应当先自收到本答复之日起60日内向某市人民政府申请行政复议", "某市中级人民法院"} {
		if !strings.Contains(txt, want) {
			t.Errorf("missing %q in %q", want, txt)
		}
	}
	if strings.Contains(txt, "6个月内") {
		t.Errorf("a 不予公开 reply after 2024-01-01 must not offer a direct suit: %q", txt)
	}
	// Before 2024 the direct suit was open.
	in.IssuedOn = workday.NewDate(2023, time.June, 1)
	if n, err = RenderFor(context.Background(), mapSettings{}, 1, in); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(n.Text(), "6个月内向某市中级人民法院提起行政诉讼") {
		t.Errorf("before 2024 a direct suit is offered: %q", n.Text())
	}
}

func TestRemedyNeedsTheOrgan(t *testing.T) {
	in := Sample(disclosure.NoticeReplyGranted, "某市财政局", issued, disclosure.RemedySettings{})
	text, _ := Default(in.Kind)
	_, err := Render(in, text)
	if !errors.Is(err, disclosure.ErrNotAllowed) {
		t.Fatalf("expected a refusal without the 复议机关, got %v", err)
	}
}

// mapSettings is an in-memory Settings.
type mapSettings map[string]string

func (m mapSettings) Setting(_ context.Context, k string) (string, bool, error) {
	v, ok := m[k]
	return v, ok, nil
}

func (m mapSettings) SetSetting(_ context.Context, k, v string) error { m[k] = v; return nil }

func TestValidateRefuses(t *testing.T) {
	k := disclosure.NoticeReplyWithheld
	good, _ := Default(k)
	cases := map[string]string{
		"unknown placeholder": good + "{{.身份证号}}",
		"function call":       good + `{{printf "%s" .申请人}}`,
		"loop":                good + "{{range .申请人}}x{{end}}",
		"nested template":     good + `{{define "x"}}y{{end}}`,
		"parse error":         good + "{{.申请人",
		"remedy dropped":      strings.ReplaceAll(good, "{{.救济告知}}", ""),
		"basis dropped":       strings.ReplaceAll(good, "{{.法律依据}}", "条例"),
		"reasons dropped":     strings.ReplaceAll(good, "{{.理由}}", ""),
		"empty":               "  \n",
	}
	for name, text := range cases {
		err := Validate(k, text)
		var te *TemplateError
		if !errors.As(err, &te) || te.Msg == "" {
			t.Errorf("%s: expected a TemplateError, got %v", name, err)
		}
	}
	if err := Validate(k, strings.ReplaceAll(good, "特此告知。", "特此函告。{{if .文号}}（{{.文号}}）{{else}}无文号{{end}}")); err != nil {
		t.Errorf("an edited template with if/else should pass: %v", err)
	}
}

func TestTemplatesPerSite(t *testing.T) {
	ctx := context.Background()
	st := mapSettings{}
	k := disclosure.NoticeAmendment
	def, _ := Default(k)
	edited := strings.Replace(def, "如需咨询", "如有疑问", 1)
	if err := SaveTemplate(ctx, st, 1, k, strings.ReplaceAll(edited, "\n", "\r\n")); err != nil {
		t.Fatal(err)
	}
	if got, custom, _ := Template(ctx, st, 1, k); !custom || got != edited {
		t.Fatalf("site 1 template: custom=%v %q", custom, got)
	}
	if got, custom, _ := Template(ctx, st, 2, k); custom || got != def {
		t.Fatalf("site 2 must keep the default: custom=%v", custom)
	}
	if err := SaveTemplate(ctx, st, 1, k, "{{.申请人}}："); err == nil {
		t.Fatal("a template without the 补正 items was saved")
	}
	if err := ResetTemplate(ctx, st, 1, k); err != nil {
		t.Fatal(err)
	}
	if _, custom, _ := Template(ctx, st, 1, k); custom {
		t.Fatal("reset did not restore the default")
	}
}

func TestHTMLEscapesAndParsesBack(t *testing.T) {
	in := Sample(disclosure.NoticeReplyPartial, "某市财政局", issued, rem)
	in.App.Description = `<script>alert("x")</script> & 附件'一'`
	in.Case.Reasons = "第一项涉及个人隐私。\n第二项属于过程性信息。"
	n, err := RenderFor(context.Background(), mapSettings{}, 1, in)
	if err != nil {
		t.Fatal(err)
	}
	h := n.HTML()
	if strings.Contains(h, "<script>") || !strings.Contains(h, "&lt;script&gt;") {
		t.Fatalf("description not escaped: %s", h)
	}
	back, err := ParseHTML(h)
	if err != nil {
		t.Fatal(err)
	}
	if back.Text() != n.Text() || back.Kind != n.Kind {
		t.Fatalf("round trip changed the notice:\n%q\n%q", back.Text(), n.Text())
	}
	if !strings.Contains(n.Text(), "第二项属于过程性信息。\n") {
		t.Fatalf("a line break in the reasons should start a paragraph: %q", n.Text())
	}
}

func TestDOCXParsesBack(t *testing.T) {
	in := Sample(disclosure.NoticeReplyWithheld, "某市财政局", issued, rem)
	in.Case.Basis, in.Case.Reasons = disclosure.BasisProcessInfo, "所申请信息为内部讨论记录。"
	in.App.Description = "<b>预算</b> & 决算\x01"
	n, err := RenderFor(context.Background(), mapSettings{}, 1, in)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := n.WriteDOCX(&buf); err != nil {
		t.Fatal(err)
	}
	text := DocumentText(t, buf.Bytes())
	for _, want := range []string{n.Title, "受理编号：YS2025-000123", "《中华人民共和国政府信息公开条例》第十六条第二款",
		"所申请信息为内部讨论记录。", "应当先自收到本答复之日起60日内向某市人民政府申请行政复议", "<b>预算</b> & 决算", "某市财政局", "2025年3月10日"} {
		if !strings.Contains(text, want) {
			t.Errorf("document.xml lacks %q:\n%s", want, text)
		}
	}
}

// DocumentText unzips a DOCX and returns the text of word/document.xml,
// one paragraph per line; the XML must be well-formed.
func DocumentText(t *testing.T, docx []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		d := xml.NewDecoder(rc)
		var b strings.Builder
		for {
			tok, err := d.Token()
			if errors.Is(err, io.EOF) {
				return b.String()
			}
			if err != nil {
				t.Fatalf("document.xml is not well-formed: %v", err)
			}
			switch tok := tok.(type) {
			case xml.CharData:
				b.Write(tok)
			case xml.EndElement:
				if tok.Name.Local == "p" {
					b.WriteString("\n")
				}
			}
		}
	}
	t.Fatalf("no word/document.xml in %v", names)
	return ""
}
