package annualreport

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
)

// Flattened header rows of tables 三 and 四 (lint_header_flat.go) as
// pages and our Markdown export write them, in text, HTML and DOCX.
var (
	flatThreeHeader = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况：自然人 | " +
		"法人或其他组织 商业企业 | 法人或其他组织 科研机构 | 法人或其他组织 社会公益组织 | 法人或其他组织 法律服务机构 | " +
		"法人或其他组织 其他 | 申请人情况：总计 |"
	bareThreeHeader = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | " +
		"商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"
)

// flatFourHeader is table 四's header as one row, "block：result" as
// export_md.go writes it, with result replacing 结果维持 in every block.
func flatFourHeader(result string) string {
	var cells []string
	for _, b := range []string{"行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"} {
		for _, c := range []string{result, "结果纠正", "其他结果", "尚未审结", "总计"} {
			cells = append(cells, b+"："+c)
		}
	}
	return strings.Join(cells, " | ") + " |"
}

// fixtureHeaders are valid-2021.txt's spanning header rows.
const (
	fixtureThreeHeader = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |\n自然人 | 法人或其他组织 | 总计 |\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |"
	fixtureFourHeader  = "行政复议 | 行政诉讼 |\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |"
)

func TestLintFlattenedHeaders(t *testing.T) {
	data, err := os.ReadFile("testdata/lint/valid-2021.txt")
	if err != nil {
		t.Fatal(err)
	}
	base, err := LintReport(bytes.NewReader(data), KindText)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name        string
		three, four string
		want        []string
	}{
		{"group written into every column", flatThreeHeader, flatFourHeader("结果维持"), nil},
		{"spanning cell dropped", bareThreeHeader, flatFourHeader("结果维持"), nil},
		{"misspelt result under a flattened block", bareThreeHeader, flatFourHeader("结果维护"),
			[]string{"W label 四//结果维持"}}, // one finding for the three cells
		{"a kind of organisation missing", strings.Replace(bareThreeHeader, " 法律服务机构 |", "", 1), fixtureFourHeader,
			[]string{"W label 三//法人或其他组织", "W label 三//法律服务机构"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := strings.Replace(string(data), fixtureThreeHeader, c.three, 1)
			text = strings.Replace(text, fixtureFourHeader, c.four, 1)
			if c.four != fixtureFourHeader && strings.Contains(text, fixtureFourHeader) || strings.Contains(text, fixtureThreeHeader) {
				t.Fatal("the fixture's headers were not replaced")
			}
			for kind, in := range map[InputKind][]byte{KindText: []byte(text), KindHTML: toHTML(text), KindDOCX: toDOCX(t, text)} {
				res, err := LintReport(bytes.NewReader(in), kind)
				if err != nil {
					t.Fatalf("%s: %v", kind, err)
				}
				var got []string
				for _, f := range res.Findings {
					got = append(got, findingKey(f))
				}
				slices.Sort(got)
				if !slices.Equal(got, c.want) {
					t.Errorf("%s:\n got %q\nwant %q", kind, got, c.want)
				}
				if strings.Contains(c.name, "missing") {
					continue // the columns shift: the values cannot match
				}
				for _, k := range base.Report.Keys() {
					if got, want := res.Report.Value(k.Table, k.Row, k.Col), base.Report.Value(k.Table, k.Row, k.Col); got != want {
						t.Errorf("%s: %s/%s/%s read as %s, want %s", kind, k.Table, k.Row, k.Col, got, want)
					}
				}
			}
		})
	}
}

// A cell that merely starts like a block name is not a flattened header.
func TestFlatHeaderRejects(t *testing.T) {
	for _, k := range []string{"行政复议", "行政复议情况说明", "法人或其他组织", "法人或其他组织申请", "行政诉讼:"} {
		if parts, ok := flatHeader(labelKey(k), append(fourHeaderGroups, threeHeaderGroups...), append(FourCols, threeHeaderCols...)); ok {
			t.Errorf("%q split as %q", k, parts)
		}
	}
	parts, ok := flatHeader(labelKey("行政诉讼（复议后起诉）：总计"), fourHeaderGroups, FourCols)
	if !ok || !slices.Equal(parts, []string{FourLitigation, FourAfter, "总计"}) {
		t.Errorf("split as %q %v", parts, ok)
	}
}
