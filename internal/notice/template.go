package notice

import (
	"errors"
	"fmt"
	"strings"
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"gongkai/internal/disclosure"
)

// maxTemplate bounds a template's length (characters).
const maxTemplate = 20000

// required lists the placeholders a kind's template must use, so an edited
// template cannot drop what the rules require the notice to state (spec
// legal-rules §4.2–4.4). Every notice names the applicant and the 受理编号;
// a notice with a remedy clause must state the legal basis and carry the
// clause (行政复议法第二十条: without it the 60 days do not start).
var required = map[disclosure.NoticeKind][]string{
	disclosure.NoticeReceipt:              {"收到申请日期", "收到申请方式", "答复期限"},
	disclosure.NoticeAmendment:            {"补正事项", "补正期限"},
	disclosure.NoticeAmendmentLapsed:      {"补正告知日期", "补正期限"},
	disclosure.NoticeExtension:            {"延期天数", "延期理由", "答复期限"},
	disclosure.NoticeConsultThirdParty:    {"申请内容", "征求意见期限"},
	disclosure.NoticeConsultCoOrgan:       {"申请内容", "征求意见期限"},
	disclosure.NoticeConsultApplicant:     {"征求意见对象"},
	disclosure.NoticeFee:                  {"收费方式", "收费标准", "收费数量", "收费金额", "缴纳方式", "缴费期限"},
	disclosure.NoticeFeeLapsed:            {"收费通知日期", "缴费期限"},
	disclosure.NoticeThirdPartyDisclosure: {"申请内容", "理由"},
	disclosure.NoticeReplyPartial:         {"理由"},
	disclosure.NoticeReplyWithheld:        {"理由"},
	disclosure.NoticeReplyNotResponsible:  {"理由"},
	disclosure.NoticeReplyRepeat:          {"此前申请编号", "此前答复日期"},
}

// Required lists the placeholders the template of k must contain.
func Required(k disclosure.NoticeKind) []string {
	var out []string
	spec, _ := k.Spec()
	switch spec.To {
	case disclosure.ToApplicant:
		out = append(out, "申请人", "受理编号")
	default:
		out = append(out, "征求意见对象", "受理编号")
	}
	out = append(out, required[k]...)
	if spec.Remedy {
		out = append(out, "法律依据", "救济告知")
	}
	return dedupe(out)
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	out := in[:0]
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// TemplateError is a template refused on save; Msg is shown beside the box.
type TemplateError struct{ Msg string }

func (e *TemplateError) Error() string { return e.Msg }

// Validate checks a template for kind k: it must parse, use only the known
// placeholders, {{if}}/{{else}}/{{end}} and nothing else (no functions,
// loops or nested templates), and contain every Required placeholder.
func Validate(k disclosure.NoticeKind, text string) error {
	if _, ok := k.Spec(); !ok {
		return &TemplateError{"未知的告知书类型"}
	}
	if strings.TrimSpace(text) == "" {
		return &TemplateError{"模板内容不能为空"}
	}
	if utf8.RuneCountInString(text) > maxTemplate {
		return &TemplateError{fmt.Sprintf("模板不能超过%d个字", maxTemplate)}
	}
	t, err := parseTemplate(text)
	if err != nil {
		return err
	}
	used := map[string]bool{}
	if err := walk(t.Tree.Root, used); err != nil {
		return err
	}
	var missing []string
	for _, f := range Required(k) {
		if !used[f] {
			missing = append(missing, "{{."+f+"}}")
		}
	}
	if len(missing) > 0 {
		return &TemplateError{"模板缺少必须载明的内容：" + strings.Join(missing, "、")}
	}
	return nil
}

func parseTemplate(text string) (*template.Template, error) {
	t, err := template.New("notice").Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, &TemplateError{"模板格式有误：" + parseMessage(err)}
	}
	if len(t.Templates()) > 1 {
		return nil, &TemplateError{"模板中不能定义子模板"}
	}
	return t, nil
}

// parseMessage keeps the line number of a parse error and drops the Go
// wording after it; the line is what staff need to find the mistake.
func parseMessage(err error) string {
	msg := err.Error()
	// "template: notice:3: unexpected …"
	if rest, ok := strings.CutPrefix(msg, "template: notice:"); ok {
		if line, _, ok := strings.Cut(rest, ":"); ok {
			return "第" + line + "行附近的 {{ }} 写法不正确，占位符应写成 {{.申请人}} 这样的形式"
		}
	}
	return "{{ }} 写法不正确，占位符应写成 {{.申请人}} 这样的形式"
}

// walk allows text, {{.字段}}, and {{if .字段}}…{{else}}…{{end}}.
func walk(n parse.Node, used map[string]bool) error {
	switch n := n.(type) {
	case nil:
		return nil
	case *parse.ListNode:
		if n == nil {
			return nil
		}
		for _, c := range n.Nodes {
			if err := walk(c, used); err != nil {
				return err
			}
		}
		return nil
	case *parse.TextNode:
		return nil
	case *parse.ActionNode:
		return field(n.Pipe, used)
	case *parse.IfNode:
		if err := field(n.Pipe, used); err != nil {
			return err
		}
		if err := walk(n.List, used); err != nil {
			return err
		}
		return walk(n.ElseList, used)
	}
	return &TemplateError{"模板只能使用占位符（如 {{.申请人}}）和 {{if .字段}}…{{else}}…{{end}}，不能使用 " + n.String()}
}

// field accepts a pipeline that is exactly one known placeholder.
func field(p *parse.PipeNode, used map[string]bool) error {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return &TemplateError{"模板只能使用单个占位符，如 {{.申请人}}"}
	}
	f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return &TemplateError{"模板只能使用单个占位符，如 {{.申请人}}，不能使用 " + p.String()}
	}
	name := f.Ident[0]
	if !fieldNames[name] {
		return &TemplateError{"未知的占位符 {{." + name + "}}，可用的占位符见页面下方列表"}
	}
	used[name] = true
	return nil
}

// execute fills a validated template.
func execute(text string, v map[string]string) (string, error) {
	t, err := parseTemplate(text)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := t.Execute(&b, v); err != nil {
		return "", errors.Join(errors.New("notice: execute template"), err)
	}
	return b.String(), nil
}
