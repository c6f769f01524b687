package interact

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
)

// The checks the records of this file's siblings share (hotline, proposal,
// interpretation). Messages are Chinese and name the field, because they
// are shown beside it (CONTRIBUTING: forms keep what was typed).

var (
	phoneRE = regexp.MustCompile(`^[0-9][0-9-]{6,19}$`)
	emailRE = regexp.MustCompile(`^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$`)
)

// recordText requires (when required) and bounds a text field.
func recordText(fe catalog.FieldErrors, field, v string, required bool, max int, label string) {
	n := utf8.RuneCountInString(strings.TrimSpace(v))
	switch {
	case n == 0 && required:
		fe.Add(field, "请填写"+label)
	case n > max:
		fe.Add(field, label+"不能超过"+strconv.Itoa(max)+"个字")
	}
}

// recordDate requires (when required) a YYYY-MM-DD date that exists.
func recordDate(fe catalog.FieldErrors, field, v string, required bool) {
	switch {
	case v == "" && required:
		fe.Add(field, "请填写日期，格式如 2023-03-15")
	case v != "" && !catalog.ValidDate(v):
		fe.Add(field, "日期格式应为 2023-03-15，且须为真实存在的日期")
	}
}

func contactPhoneOK(s string) bool { return phoneRE.MatchString(strings.TrimSpace(s)) }

func contactEmailOK(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) <= 120 && emailRE.MatchString(s)
}
