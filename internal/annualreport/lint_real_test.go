package annualreport

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// realFindings are the mistakes each real report (copied from
// ../shared/data/reports and ../shared/seed into testdata/lint/real)
// contains, established by reading the text; "E"/"W" is the severity,
// then the code and the location table/row/column. The excerpts are cut
// at ~2,000 bytes: what is cut is truncated (a warning), never an
// arithmetic error.
var realFindings = map[string][]string{
	// 龙岗区 department, 2024: correct as far as it goes (58+7+1=66 …).
	"001.txt": {"W truncated 三/7.属于行政执法案卷/", "W truncated 四/行政复议/"},
	// 2023: the text says 受理 2 applications, table 三 says 3 new and 0 carried over.
	"004.txt": {"E narrative-mismatch 三/一、本年新收政府信息公开申请数量/总计",
		"W truncated 三/（一）予以公开/", "W truncated 四/行政复议/"},
	// 官洲街道 2023: 63 = 16+36+5+1+5; 1472 penalties are plausible for a 街道 with 综合执法.
	"005.txt": {"W truncated 三/6.属于四类过程性信息/", "W truncated 四/行政复议/"},
	// 七里坪镇 2020, 2019 format one cell per line: "采购项目数" for 采购项目数量.
	"006.txt": {"W label 二//采购项目数量", "W truncated 三/1.属于国家秘密/", "W truncated 四/行政复议/"},
	// 会仪镇 2021: 2019 row name 规范性文件, 行政事业型收费, "(本列)数据" in the note,
	// and a 法律服务机构 application missing from 总计 in rows 一 and （一）.
	"008.txt": {"W label 二/行政规范性文件/", "W label 二/行政事业性收费/", "W label 三//",
		"E row-sum 三/一、本年新收政府信息公开申请数量/总计", "E row-sum 三/（一）予以公开/总计",
		"W truncated 三/（二）部分公开（区分处理的，只计这一情形，不计其他情形）/", "W truncated 四/行政复议/"},
	// 松木塘镇 2022: a town reports 2 规章 issued and 2 in force (32 = the 14 parts).
	"009.txt": {"W implausible 二/规章/本年制发件数", "W implausible 二/规章/现行有效件数",
		"W truncated 二/行政事业性收费/", "W truncated 三/一、本年新收政府信息公开申请数量/", "W truncated 四/行政复议/"},
	// 新疆 township 2023: 6 规章 in force for a town.
	"010.txt": {"W implausible 二/规章/现行有效件数", "W truncated 三/6.属于四类过程性信息/", "W truncated 四/行政复议/"},
	// 合水镇 2024: "7个部分" listing six, 21 条 broken down into 14, and no tables at all.
	"011.txt": {"W narrative-sum // §一", "W narrative-sum // §一", "E truncated 二//", "E truncated 三//", "E truncated 四//"},
	// 徐闻县 bureau: no year anywhere in the text, blank cells in table 三.
	"012.txt": {"W placeholder //",
		"W value 三/一、本年新收政府信息公开申请数量/商业企业", "W value 三/二、上年结转政府信息公开申请数量/自然人",
		"W value 三/（一）予以公开/自然人", "W value 三/（二）部分公开（区分处理的，只计这一情形，不计其他情形）/自然人",
		"W value 三/1.属于国家秘密/自然人", "W value 三/2.其他法律行政法规禁止公开/自然人",
		"W value 三/3.危及“三安全一稳定”/自然人", "W value 三/4.保护第三方合法权益/自然人",
		"W value 三/5.属于三类内部事务信息/自然人",
		"W truncated 三/6.属于四类过程性信息/", "W truncated 四/行政复议/"},
	// 万州区 bureau 2020, 2019 format: header cells "本年新" cut short (制作数量/公开数量
	// lost); -2 in 本年增/减 is allowed.
	"013.txt": {"W label 二//本年新制作数量", "W label 二//本年新公开数量",
		"W truncated 二/政府集中采购/", "W truncated 三/一、本年新收政府信息公开申请数量/", "W truncated 四/行政复议/"},
	// The seed (黄石市经信局 2023): narrative 4 new and 9 in force vs table 0 and 0;
	// "本年决定处理数量"; table 三's （六） as one row (2019 layout).
	"annual-report-2023-huangshi-jingxin.txt": {
		"E narrative-mismatch 二/行政规范性文件/现行有效件数", "E narrative-mismatch 二/行政规范性文件/本年制发件数",
		"W label 二//本年处理决定数量", "E superseded-format 三/（六）其他处理/",
		// "三、收到和处理政府信息公开情况": the heading lost "申请".
		"W label // §三"},
}

// findingKey is a finding's severity, code and location: table/row/column,
// or §N for a section's text.
func findingKey(f LintFinding) string {
	k := fmt.Sprintf("%s %s %s/%s/%s", strings.ToUpper(string(f.Severity[:1])), f.Code, f.Table, f.Row, f.Col)
	if f.Table == "" && f.Section != 0 {
		k += " §" + f.Section.Numeral()
	}
	return k
}

func lintFile(t *testing.T, path string) *LintResult {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	res, err := LintReport(fh, KindText)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestLintRealReports(t *testing.T) {
	files, _ := filepath.Glob("testdata/lint/real/*.txt")
	if len(files) != len(realFindings) {
		t.Fatalf("%d files, %d expectations", len(files), len(realFindings))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			want, ok := realFindings[name]
			if !ok {
				t.Fatalf("no expected findings written down for %s", name)
			}
			res := lintFile(t, path)
			var got []string
			for _, f := range res.Findings {
				got = append(got, findingKey(f))
				if f.Message == "" || f.Line == 0 {
					t.Errorf("finding without message or line: %+v", f)
				}
			}
			slices.Sort(got)
			want = slices.Sorted(slices.Values(want))
			if !slices.Equal(got, want) {
				t.Errorf("findings\n got %q\nwant %q", got, want)
			}
		})
	}
}

// The copies in testdata must be the published texts; when the shared
// data is there, every file of it has an expectation above.
func TestLintRealReportsAreTheSharedData(t *testing.T) {
	shared, _ := filepath.Glob("../../../shared/data/reports/*.txt")
	shared = append(shared, "../../../shared/seed/annual-report-2023-huangshi-jingxin.txt")
	for _, p := range shared {
		orig, err := os.ReadFile(p)
		if err != nil {
			continue // the shared data is not part of the repository
		}
		copy, err := os.ReadFile(filepath.Join("testdata/lint/real", filepath.Base(p)))
		if err != nil || string(copy) != string(orig) {
			t.Errorf("%s: testdata copy missing or different", filepath.Base(p))
		}
	}
}

// The seed's two narrative mismatches, with the numbers in the message.
func TestLintSeedNarrative(t *testing.T) {
	res := lintFile(t, "testdata/lint/real/annual-report-2023-huangshi-jingxin.txt")
	if res.Year != 2023 || res.Unit != UnitDepartment || res.UnitName != "黄石市经信局" || !res.HasErrors() {
		t.Fatalf("year %d unit %s %q errors %v", res.Year, res.Unit, res.UnitName, res.HasErrors())
	}
	var msgs []string
	for _, f := range res.Findings {
		if f.Code == CodeNarrativeMismatch {
			msgs = append(msgs, f.Quote+"→"+f.Col)
			if f.Line != 8 { // "2023年,我局新制作规章0个,新制作行政规范性文件4个,先行有效件数9个…"
				t.Errorf("%s on line %d, want 8", f.Quote, f.Line)
			}
		}
	}
	slices.Sort(msgs)
	want := []string{"4个→本年制发件数", "9个→现行有效件数"}
	if !slices.Equal(msgs, want) {
		t.Errorf("mismatches %q, want %q", msgs, want)
	}
}
