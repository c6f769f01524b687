package annualreport

import "strings"

// Place names where in the report a finding is, for people: 表三 (or 第N部分
// for the narrative), then its row and column labels, joined by sep — "/"
// in `gongkai lint`'s one-line output, " / " on the back office's page.
func (f Finding) Place(sep string) string {
	var parts []string
	if f.Table != "" {
		parts = append(parts, "表"+string(f.Table))
	} else if f.Section != 0 {
		parts = append(parts, "第"+f.Section.Numeral()+"部分")
	}
	for _, p := range []string{f.Row, f.Col} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, sep)
}
