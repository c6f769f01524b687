package annualreport

import (
	"testing"
	"unicode/utf8"
)

// FuzzNarrative: any text, however broken, is scanned without a panic, and
// every mention lies inside the text in order.
func FuzzNarrative(f *testing.F) {
	for _, s := range []string{"主动公开信息4,173条，其中网站2012条、政务微信1750条。", "新制作行政规范性文件4个,先行有效件数9个",
		"收费０．５万元", "一千二百三十四件", "未收到申请；无因…被申请行政复议、提起行政诉讼", "1.2万条其中", "第3件", "，,其中其中"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := New(2024, UnitDepartment, Format2021)
		r.Sections[1] = s
		_ = CheckNarrative(r)
		last := 0
		for _, m := range Mentions(1, s) {
			if m.Start < 0 || m.End > len(s) || m.Start > m.End || (!m.Zero && m.Start < last) {
				t.Fatalf("mention out of place: %+v in %q", m, s)
			}
			if !m.Zero {
				last = m.End
			}
			if utf8.ValidString(s) && !utf8.ValidString(m.Text) {
				t.Fatalf("mention splits a character: %q", m.Text)
			}
		}
	})
}
