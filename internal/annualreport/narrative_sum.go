package annualreport

import (
	"fmt"
	"strings"
)

// checkSums finds totals the text breaks down and checks the parts:
//   - "…4173条，其中网站2012条、政务微信1750条…": the parts after 其中 (up
//     to the end of the sentence or a "；") cannot exceed the total (error)
//     and, when two or more are listed, should reach it (warning);
//   - "主动公开信息4173条，通过网站…2012条；通过…411条；通过…1750条": the
//     channel parts (clauses with 通过) should add up to the total (warning:
//     one document may go out on several channels).
func checkSums(sec Section, text string, ms []Mention) []Finding {
	var out []Finding
	for i, total := range ms {
		if total.Zero {
			continue
		}
		after := text[total.End:]
		if rest := strings.TrimLeft(after, "，,、 "); strings.HasPrefix(rest, "其中") {
			k := len(after) - len(rest)
			parts := partsAfter(text, ms[i+1:], total, total.End+k, func(between string) bool {
				return !strings.ContainsAny(between, "。；;！？!?\n")
			})
			out = append(out, sumFinding(sec, total, parts, true)...)
			continue
		}
		if total.Unit == "条" && strings.Contains(total.Clause, "主动公开") {
			parts := partsAfter(text, ms[i+1:], total, total.End, func(between string) bool {
				return !strings.ContainsAny(between, "。！？!?\n")
			})
			var channel []Mention
			prevEnd := total.End
			for _, p := range parts {
				// "；通过黄石日报、电视台发布信息411条": 通过 may sit clauses before the number.
				if strings.Contains(text[prevEnd:p.Start], "通过") && !insideQizhong(text, total.End, p.Start) {
					channel = append(channel, p)
				}
				prevEnd = p.End
			}
			out = append(out, sumFinding(sec, total, channel, false)...)
		}
	}
	return out
}

// partsAfter lists the mentions with the total's unit that follow from
// position from while keep(text between) holds.
func partsAfter(text string, ms []Mention, total Mention, from int, keep func(string) bool) []Mention {
	var parts []Mention
	for _, m := range ms {
		if m.Zero || m.Start < from || !keep(text[from:m.Start]) {
			if m.Start >= from {
				break
			}
			continue
		}
		if m.Unit == total.Unit || (m.Money && total.Money) {
			parts = append(parts, m)
		}
	}
	return parts
}

// insideQizhong reports whether pos is inside a "其中…" breakdown that
// started after from (nested parts are not channel parts of the outer total).
func insideQizhong(text string, from, pos int) bool {
	seg := text[from:pos]
	k := strings.LastIndex(seg, "其中")
	return k >= 0 && !strings.ContainsAny(seg[k:], "；;")
}

func sumFinding(sec Section, total Mention, parts []Mention, qizhong bool) []Finding {
	if len(parts) == 0 || (!qizhong && len(parts) < 2) {
		return nil
	}
	var sum Amount
	var quoted []string
	for _, p := range parts {
		sum += p.Value
		quoted = append(quoted, p.Text)
	}
	sev := SevWarning
	switch {
	case sum == total.Value:
		return nil
	case qizhong && sum > total.Value:
		sev = SevError
	case qizhong && len(parts) < 2:
		return nil // "其中自然人8件": one part of ten may be all the text says
	}
	return []Finding{{Code: CodeNarrativeSum, Severity: sev, Section: sec, Quote: total.Text,
		Message: fmt.Sprintf("第%s部分“%s%s”分项%s之和为%s，与总数%s不符", sec.Numeral(), strings.TrimSpace(total.Clause),
			total.Text, strings.Join(quoted, "、"), sum, total.Value)}}
}
