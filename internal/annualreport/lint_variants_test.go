package annualreport

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// lintCase is a fixture changed one way, with the findings that change
// must produce (severity, code, table/row/column), and whether the change
// makes sense in a table of rows (HTML, DOCX) as well as in text.
type lintCase struct {
	name     string
	base     string // fixture file in testdata/lint
	change   func(string) string
	want     []string
	textOnly bool // a rendering that exists only in copied text
}

func replace(pairs ...string) func(string) string {
	return func(s string) string { return strings.NewReplacer(pairs...).Replace(s) }
}

func replaceLine(old, new string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, new, 1) }
}

// eachPipeLine rewrites every table line of the fixture.
func eachPipeLine(f func(cells []string) string) func(string) string {
	return func(s string) string {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if strings.Contains(l, "|") {
				lines[i] = f(splitPipes(l))
			}
		}
		return strings.Join(lines, "\n")
	}
}

const v21, v19 = "valid-2021.txt", "valid-2019.txt"

var row三 = "（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"

// variantCases: spec §2.8's rendering variants, which must be read
// without any finding (or with the label finding they deserve).
var variantCases = []lintCase{
	{name: "unchanged 2021", base: v21, change: replace()},
	{name: "unchanged 2019", base: v19, change: replace()},
	{name: "half-width brackets and quotes", base: v21,
		change: replace("（", "(", "）", ")", "：", ":", "，", ",", "“", `"`, "”", `"`)},
	{name: "header cells broken over lines", base: v21,
		change: replace("商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |",
			"商业 | 科研 | 社会公益组织 | 法律服务 机构 | 其他 |\n企业 | 机构 |",
			"本年制发件数", "本年制发 件数")},
	{name: "2019 header broken in a cell", base: v19, change: replace("本年新制作数量", "本年新 制作数量")},
	{name: "one cell per line ending in a pipe", base: v21, textOnly: true,
		change: eachPipeLine(func(c []string) string { return strings.Join(c, " |\n") + " |" })},
	{name: "one cell per line between pipe lines, header broken", base: v21, textOnly: true,
		change: func(s string) string {
			s = eachPipeLine(func(c []string) string { return strings.Join(c, "\n|\n") + "\n|" })(s)
			return strings.Replace(s, "商业企业", "商业\n企业", 1)
		}},
	{name: "markdown pipes with padding", base: v21,
		change: eachPipeLine(func(c []string) string { return "| " + strings.Join(c, " | ") + " | | |" })},
	{name: "rowspan spacers", base: v21,
		change: replace("\n（二）部分公开", "\n | （二）部分公开", "\n2.其他法律", "\n| | 2.其他法律")},
	{name: "captions, filler and page clutter", base: v21,
		change: replace("二、主动公开政府信息情况\n", "二、主动公开政府信息情况\n该部分以表格形式报告。表格如下：\n",
			"五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况",
			"四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
			"示例市交通运输局2023", "首页 > 政务公开 > 年度报告\n【字体：大 中 小】 打印本页\n示例市交通运输局2023")},
	{name: "slash cell", base: v21, change: replaceLine("7.属于行政执法案卷 | 0 |", "7.属于行政执法案卷 | / |"),
		want: []string{"E value 三/7.属于行政执法案卷/自然人"}},
	{name: "blank cells", base: v21,
		change: replaceLine("3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "3.补正后申请内容仍不明确 | | | | | | | 0 |"),
		want:   []string{"W value 三/3.补正后申请内容仍不明确/自然人"}},
	{name: "third-party subtotal row", base: v21,
		change: replace(row三, "（三）不予公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"),
		want:   []string{"W label 三/（三）不予公开/"}},
	{name: "tabs between cells (a table copied from a browser)", base: v21, textOnly: true,
		change: eachPipeLine(func(c []string) string { return strings.Join(c, "\t") })},
	{name: "third-party subtotal column", base: v21,
		change: func(s string) string {
			s = strings.Replace(s, "| 其他 |\n", "| 其他 | 法人或其他组织小计 |\n", 1)
			return eachPipeLine(withSubtotal)(s)
		},
		want: []string{"W label 三//"}},
	{name: "a row with a cell too many", base: v21, change: replaceLine("2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", "2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | 1 |"),
		want: []string{"W label 三//"}},
	{name: "shortened label", base: v21, change: replace("5.要求行政机关确认或重新出具已获取信息", "5.要求行政机关确认或重新出具"),
		want: []string{"W label 三/5.要求行政机关确认或重新出具已获取信息/"}},
}

// codeCases: one mistake of each kind the linter reports.
var codeCases = []lintCase{
	{name: "balance", base: v21, change: replaceLine("四、结转下年度继续办理 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |", "四、结转下年度继续办理 | 0 | 2 | 0 | 0 | 0 | 0 | 2 |"),
		// The narrative's "结转下年度继续办理1件" no longer matches either.
		want: []string{"E balance 三/四、结转下年度继续办理/商业企业", "E balance 三/四、结转下年度继续办理/总计",
			"E narrative-mismatch 三/四、结转下年度继续办理/总计"}},
	{name: "total", base: v21, change: replaceLine("（七）总计 | 11 |", "（七）总计 | 10 |"),
		want: []string{"E total 三/（七）总计/自然人", "E balance 三/四、结转下年度继续办理/自然人", "E row-sum 三/（七）总计/总计"}},
	{name: "row-sum", base: v21,
		change: replace("| 5 | 1 | 0 | 0 | 0 | 0 | 6 |", "| 5 | 1 | 0 | 0 | 0 | 0 | 7 |", "| 2 | 1 | 0 | 0 | 0 | 0 | 3 |", "| 2 | 1 | 0 | 0 | 0 | 0 | 2 |"),
		want:   []string{"E row-sum 三/（一）予以公开/总计", "E row-sum 三/（二）部分公开（区分处理的，只计这一情形，不计其他情形）/总计"}},
	{name: "review-sum", base: v21, change: replace("| 0 | 0 | 1 | 0 | 0 | 0 | 1 |\n五", "| 0 | 0 | 0 | 0 | 0 | 0 | 1 |\n五"),
		want: []string{"E review-sum 四/复议后起诉/总计"}},
	{name: "negative value", base: v21, change: replaceLine("行政强制 | 2 |", "行政强制 | -2 |"),
		want: []string{"E value 二/行政强制/本年处理决定数量"}},
	{name: "not a number", base: v21, change: replaceLine("行政许可 | 120 |", "行政许可 | 一百二十 |"),
		want: []string{"E value 二/行政许可/本年处理决定数量"}},
	{name: "fraction in a count", base: v21, change: replaceLine("行政处罚 | 45 |", "行政处罚 | 45.5 |"),
		want: []string{"E value 二/行政处罚/本年处理决定数量"}},
	{name: "narrative-mismatch", base: v21, change: replace("现行有效12件", "现行有效13件"),
		want: []string{"E narrative-mismatch 二/行政规范性文件/现行有效件数"}},
	{name: "narrative-sum", base: v21, change: replace("门户网站发布298条", "门户网站发布300条"),
		want: []string{"E narrative-sum // §一"}},
	{name: "implausible", base: v21,
		change: replace("示例市交通运输局2023", "示例县和平镇人民政府2023", "规章 | 0 | 0 | 0 |", "规章 | 1 | 0 | 1 |"),
		want:   []string{"W implausible 二/规章/本年制发件数", "W implausible 二/规章/现行有效件数"}},
	{name: "implausible for a county government", base: v21,
		change: replace("示例市交通运输局2023", "示例县人民政府2023", "规章 | 0 | 0 | 0 |", "规章 | 0 | 0 | 2 |"),
		want:   []string{"W implausible 二/规章/现行有效件数"}},
	{name: "superseded-format", base: v19, change: replace("2020", "2022"),
		want: []string{"E superseded-format //"}},
	{name: "superseded （六） in a 2021 table", base: v21,
		change: regexpReplace(`（六）其他处理 \| 1\.申请人[^\n]*\n2\.申请人[^\n]*\n3\.其他`, "（六）其他处理"),
		want:   []string{"E superseded-format 三/（六）其他处理/"}},
	{name: "label", base: v21, change: replace("行政事业性收费 |", "行政事业型收费 |", "信息内容 | 本年处理决定数量 |\n行政处罚", "信息内容 | 本年决定处理数量 |\n行政处罚"),
		want: []string{"W label 二/行政事业性收费/", "W label 二//本年处理决定数量"}},
	{name: "section title lost a word", base: v21, change: replace("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开情况"),
		want: []string{"W label // §三"}},
	{name: "truncated at the end", base: v21, textOnly: true,
		change: func(s string) string {
			return s[:strings.Index(s, "6.属于四类过程性信息")+len("6.属于四类")]
		},
		want: []string{"W truncated 三/6.属于四类过程性信息/", "W truncated 四/行政复议/"}},
	{name: "table missing", base: v21, change: regexpReplace(`行政复议 \| 行政诉讼 \|[\s\S]*\| 1 \|\n五`, "五"),
		want: []string{"E truncated 四//"}},
	{name: "placeholder", base: v21, change: replace("示例市交通运输局2023年政府", "示例市交通运输局20XX年政府", "收费通知0件", "收费通知X件"),
		want: []string{"E placeholder //", "E placeholder //"}},
	{name: "missing year", base: v21,
		change: replace("示例市交通运输局2023年政府", "示例市交通运输局 年政府", "统计期限为2023年1月1日至2023年12月31日", "统计期限为本年度", "2023年，本局", "本年度，本局"),
		want:   []string{"E placeholder //"}},
	{name: "year", base: v21,
		change: replace("统计期限为2023年1月1日至2023年12月31日", "统计期限为2022年1月1日至2022年12月31日", "2023年，本局主动公开", "2022年，本局主动公开"),
		want:   []string{"E year // §一", "E year // §一"}},
}

// withSubtotal adds the "法人或其他组织小计" cell before 总计 in table 三's
// rows (a label, then seven numbers) and leaves other rows alone.
func withSubtotal(c []string) string {
	n := len(c)
	if n < 8 || isValueText(c[0]) {
		return strings.Join(c, " | ") + " |"
	}
	sum := 0
	for _, v := range c[n-6 : n-1] {
		x, err := strconv.Atoi(v)
		if err != nil {
			return strings.Join(c, " | ") + " |"
		}
		sum += x
	}
	out := append(append(append([]string(nil), c[:n-1]...), strconv.Itoa(sum)), c[n-1])
	return strings.Join(out, " | ") + " |"
}

func regexpReplace(pattern, repl string) func(string) string {
	re := regexp.MustCompile(pattern)
	return func(s string) string { return re.ReplaceAllLiteralString(s, repl) }
}

func TestLintVariantsAndCodes(t *testing.T) {
	for _, c := range append(append([]lintCase(nil), variantCases...), codeCases...) {
		t.Run(c.name, func(t *testing.T) {
			data, err := os.ReadFile("testdata/lint/" + c.base)
			if err != nil {
				t.Fatal(err)
			}
			text := c.change(string(data))
			if text == string(data) && len(c.want) > 0 {
				t.Fatal("the change did not apply")
			}
			inputs := map[InputKind][]byte{KindText: []byte(text)}
			if !c.textOnly {
				inputs[KindHTML], inputs[KindDOCX] = toHTML(text), toDOCX(t, text)
			}
			want := slices.Sorted(slices.Values(c.want))
			for kind, in := range inputs {
				res, err := LintReport(bytes.NewReader(in), kind)
				if err != nil {
					t.Fatalf("%s: %v", kind, err)
				}
				var got []string
				for _, f := range res.Findings {
					got = append(got, findingKey(f))
				}
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("%s:\n got %q\nwant %q", kind, got, want)
					for _, f := range res.Findings {
						t.Logf("  L%d %s", f.Line, f.Message)
					}
				}
			}
		})
	}
}
