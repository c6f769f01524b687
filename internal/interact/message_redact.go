package interact

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Personal data must be removed before a message is published (website
// rules §5.5 by analogy, 个人信息保护法): the patterns a citizen most often
// types into a message — mobile and landline numbers, 居民身份证 numbers,
// e-mail addresses — and the name and contacts they gave on the form.
var (
	reIDNumber = regexp.MustCompile(`\d{17}[\dXx]`)
	reMobile   = regexp.MustCompile(`1[3-9]\d{9}`)
	reLandline = regexp.MustCompile(`0\d{2,3}-?\d{7,8}`)
	reEmail    = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
)

var personalPatterns = []struct {
	re    *regexp.Regexp
	label string
}{
	{reIDNumber, "身份证号码"}, {reMobile, "手机号码"}, {reLandline, "电话号码"}, {reEmail, "电子邮箱"},
}

// PersonalDataIn names the first kind of personal data found in text ("" if
// none): the patterns, or one of the citizen's own values in known.
func PersonalDataIn(text string, known ...string) string {
	for _, p := range personalPatterns {
		if p.re.MatchString(text) {
			return p.label
		}
	}
	for _, k := range known {
		if k = strings.TrimSpace(k); utf8.RuneCountInString(k) >= 2 && strings.Contains(text, k) {
			return "留言人的姓名或联系方式"
		}
	}
	return ""
}

// Redact replaces personal data in text with "＊＊", so the publish form
// starts from a text without it; staff still read and edit it.
func Redact(text string, known ...string) string {
	for _, p := range personalPatterns {
		text = p.re.ReplaceAllString(text, "＊＊")
	}
	for _, k := range known {
		if k = strings.TrimSpace(k); utf8.RuneCountInString(k) >= 2 {
			text = strings.ReplaceAll(text, k, "＊＊")
		}
	}
	return text
}
