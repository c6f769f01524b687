package catalog

import (
	"strings"
	"testing"
)

func TestSanitizeBodyDropsExecutableContent(t *testing.T) {
	in := `<p onclick="steal()">正文<script>alert(1)</script></p>` +
		`<iframe src="https://evil.example/"></iframe>` +
		`<a href="javascript:alert(1)">点我</a>` +
		`<img src="x.png" onerror="alert(1)" alt="图">` +
		`<style>body{display:none}</style>` +
		`<form action="/x"><input name="q"></form>`
	out := SanitizeBody(in)
	for _, bad := range []string{"<script", "alert(1)", "onclick", "onerror", "<iframe", "javascript:", "<style", "<form", "<input", "display:none"} {
		if strings.Contains(out, bad) {
			t.Errorf("sanitised body still contains %q: %s", bad, out)
		}
	}
	for _, good := range []string{"<p>正文</p>", "点我", `alt="图"`} {
		if !strings.Contains(out, good) {
			t.Errorf("sanitised body lost %q: %s", good, out)
		}
	}
}

func TestSanitizeBodyKeepsWordFormatting(t *testing.T) {
	// Roughly what Word/WPS paste through the editor produces.
	in := `<p class="MsoNormal" style="text-align:center;mso-line-height-rule:exactly;font-family:仿宋_GB2312">` +
		`<strong>关于开展调查的通知</strong></p>` +
		`<p style="text-indent:2em;color:red">各有关单位：</p>` +
		`<ol><li style="text-align: justify">第一条</li></ol>` +
		`<table border="1"><tbody><tr><th style="text-align:left">项目</th><td colspan="2" style="text-align:right" onmouseover="x()">金额</td></tr></tbody></table>` +
		`<p><u>下划线</u><s>删除</s><a href="https://www.gov.cn/">中国政府网</a></p>` +
		`<img src="data:image/png;base64,iVBORw0KGgo=" alt="截图">`
	out := SanitizeBody(in)
	for _, good := range []string{
		`<p style="text-align: center">`, "<strong>关于开展调查的通知</strong>",
		`<p style="text-indent: 2em">`, `<li style="text-align: justify">`,
		"<table>", `<th style="text-align: left">`, `colspan="2"`, `<td colspan="2" style="text-align: right">`,
		"<u>下划线</u>", "<s>删除</s>", `href="https://www.gov.cn/"`, `rel="nofollow noreferrer noopener"`,
		`src="data:image/png;base64,iVBORw0KGgo="`,
	} {
		if !strings.Contains(out, good) {
			t.Errorf("lost %q in: %s", good, out)
		}
	}
	for _, bad := range []string{"MsoNormal", "mso-", "仿宋", "color:red", "color: red", "onmouseover", `border="1"`} {
		if strings.Contains(out, bad) {
			t.Errorf("kept %q in: %s", bad, out)
		}
	}
}

func TestSanitizeBodyRefusesBadStyleValues(t *testing.T) {
	out := SanitizeBody(`<p style="text-align:expression(alert(1))">a</p><p style="text-indent:url(x)">b</p>`)
	if strings.Contains(out, "style") {
		t.Fatalf("unsafe style kept: %s", out)
	}
}
