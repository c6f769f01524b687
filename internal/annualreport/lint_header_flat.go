package annualreport

import "strings"

// Flattened header cells. A table copied from a page into plain text, or
// written where cells cannot span (Markdown, our own export_md.go), loses
// its spanning header rows: the spanning label is either dropped or
// written into every column name it spanned — "法人或其他组织 商业企业",
// "行政复议：维持行政行为", "行政诉讼（未经复议直接起诉）：总计". Such a
// cell stands for the labels of all the header rows above its column
// (spec legal-rules §2.3–2.4, §2.8 "header cells broken over lines").

// Spanning and leaf header labels of tables 三 and 四.
var (
	threeHeaderGroups = []string{ThreeApplicants, ThreeOrgs}
	fourHeaderGroups  = []string{FourReconsideration, FourLitigation, FourDirect, FourAfter}
)

// flatSeparators are what joins the levels of a flattened header after
// labelKey (which drops spaces and turns full-width ：（） into ASCII).
const flatSeparators = ":/-—_·>()、"

// flatHeader splits the key of a flattened header cell into its parts:
// one or more spanning labels (canonical) followed by the remaining text,
// which must resolve to one of leaves (exactly or nearly, so a misspelt
// leaf is still reported as a label finding). ok is false for a key that
// is not such a compound.
func flatHeader(k string, groups, leaves []string) (parts []string, ok bool) {
	rest := k
next:
	for {
		rest = strings.Trim(rest, flatSeparators)
		for _, g := range groups {
			if gk := canonKey(g); len(rest) > len(gk) && strings.HasPrefix(rest, gk) {
				parts = append(parts, g)
				rest = rest[len(gk):]
				continue next
			}
		}
		break
	}
	if len(parts) == 0 || rest == "" {
		return nil, false
	}
	if _, found := resolveKey(rest, leaves); !found {
		return nil, false
	}
	return append(parts, rest), true
}

// expandFlat replaces every flattened header cell by one cell per part,
// on the same line and row, so the header checks see the spanning labels
// and the column label as if the header rows had been kept.
func expandFlat(hdr []item, groups, leaves []string) []item {
	var out []item
	for _, h := range hdr {
		parts, ok := flatHeader(h.key, groups, leaves)
		if !ok {
			out = append(out, h)
			continue
		}
		for _, p := range parts {
			out = append(out, item{text: p, key: labelKey(p), line: h.line, row: h.row})
		}
	}
	return out
}

// isFlatFourHead reports whether a cell is table 四's first header cell
// flattened: 行政复议 or 行政诉讼 joined to a result column. No other table
// has such a header, so the cell alone starts table 四.
func isFlatFourHead(k string) bool {
	if !strings.HasPrefix(k, FourReconsideration) && !strings.HasPrefix(k, FourLitigation) {
		return false
	}
	_, ok := flatHeader(k, fourHeaderGroups, FourCols)
	return ok
}
