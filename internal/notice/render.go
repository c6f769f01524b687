package notice

import (
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"

	"gongkai/internal/disclosure"
)

// Notice is a rendered 告知书: what is printed, kept and turned into DOCX.
type Notice struct {
	Kind       disclosure.NoticeKind
	Title      string
	Code       string   // the 受理编号 line
	Paragraphs []string // the body, one paragraph per template line
	Organ      string   // the issuing organ, above the date
	Date       string   // the issuing date, 2025年3月10日
}

// Render fills the template text of in.Kind with in's values. The text is
// first validated (Validate), so a template stored before a rule changed
// cannot issue a notice that lacks what the rules require.
func Render(in Input, text string) (Notice, error) {
	spec, ok := in.Kind.Spec()
	if !ok {
		return Notice{}, fmt.Errorf("notice: unknown kind %q", in.Kind)
	}
	if err := Validate(in.Kind, text); err != nil {
		return Notice{}, err
	}
	v, err := values(in)
	if err != nil {
		return Notice{}, err
	}
	body, err := execute(text, v)
	if err != nil {
		return Notice{}, err
	}
	n := Notice{Kind: in.Kind, Title: spec.Title, Code: "受理编号：" + in.App.Code, Organ: in.Organ, Date: DateCN(in.IssuedOn)}
	for _, line := range strings.Split(body, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			n.Paragraphs = append(n.Paragraphs, line)
		}
	}
	return n, nil
}

// Text is the notice as plain text (for the e-mail body and for tests).
func (n Notice) Text() string {
	var b strings.Builder
	b.WriteString(n.Title + "\n" + n.Code + "\n")
	for _, p := range n.Paragraphs {
		b.WriteString(p + "\n")
	}
	b.WriteString(n.Organ + "\n" + n.Date + "\n")
	return b.String()
}

// HTML writes the notice as the markup the store keeps (Notice.BodyHTML):
// every value escaped, a fixed set of elements and classes that the print
// stylesheet lays out and ParseHTML reads back. The first paragraph is the
// address line (申请人：) when it ends with a colon.
func (n Notice) HTML() string {
	var b strings.Builder
	e := html.EscapeString
	b.WriteString(`<article class="notice" data-kind="` + e(string(n.Kind)) + `">`)
	b.WriteString(`<h1 class="notice-title">` + e(n.Title) + `</h1>`)
	b.WriteString(`<p class="notice-code">` + e(n.Code) + `</p>`)
	for i, p := range n.Paragraphs {
		class := "notice-para"
		if i == 0 && (strings.HasSuffix(p, "：") || strings.HasSuffix(p, ":")) {
			class = "notice-to"
		}
		b.WriteString(`<p class="` + class + `">` + e(p) + `</p>`)
	}
	b.WriteString(`<p class="notice-sign">` + e(n.Organ) + `</p>`)
	b.WriteString(`<p class="notice-date">` + e(n.Date) + `</p>`)
	b.WriteString(`</article>`)
	return b.String()
}

// ParseHTML reads back a notice written by HTML, so a stored notice can be
// delivered as DOCX exactly as it was issued.
func ParseHTML(s string) (Notice, error) {
	var n Notice
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	var class string
	var text strings.Builder
	inside := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Notice{}, fmt.Errorf("notice: parse stored notice: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "article" {
				n.Kind = disclosure.NoticeKind(attr(t, "data-kind"))
				continue
			}
			class, inside = attr(t, "class"), true
			text.Reset()
		case xml.CharData:
			if inside {
				text.Write(t)
			}
		case xml.EndElement:
			if !inside {
				continue
			}
			inside = false
			v := text.String()
			switch class {
			case "notice-title":
				n.Title = v
			case "notice-code":
				n.Code = v
			case "notice-to", "notice-para":
				n.Paragraphs = append(n.Paragraphs, v)
			case "notice-sign":
				n.Organ = v
			case "notice-date":
				n.Date = v
			}
		}
	}
	if n.Title == "" {
		return Notice{}, errors.New("notice: stored notice has no title")
	}
	return n, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
