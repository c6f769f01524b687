package annualreport

import (
	"strings"
	"testing"
)

// Each text is checked against balanced(): 制发行政规范性文件 4, 现行有效 9,
// 收到申请 4 (自然人 3), 上年结转 1, 予以公开 2, 部分公开 1, 无法提供 1,
// 结转下年 1, 行政复议 2 (维持 1), 诉讼 0, 行政事业性收费 5万元.
func TestNarrativeCases(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // codes of the findings, "" = none
	}{
		{"本年制发行政规范性文件4件，现行有效9件。", ""},
		{"本年制发行政规范性文件四件，现行有效九件。", ""},
		{"本年制发行政规范性文件5件，现行有效9件。", "narrative-mismatch:二/行政规范性文件/本年制发件数"},
		{"制发行政规范性文件4件，废止1件。", "narrative-mismatch:二/行政规范性文件/本年废止件数"},
		{"制发规章0件、行政规范性文件4件。", ""},
		{"新制作规章1个。", "narrative-mismatch:二/规章/本年制发件数"},
		{"开展规范性文件清理，清理规范性文件12件。", ""},
		{"发布政策解读文件8篇，行政规范性文件4件。", ""},
		{"作出行政处罚决定3件。", "narrative-mismatch:二/行政处罚/本年处理决定数量"},
		{"受理行政许可申请1200件，公布行政许可事项清单32项。", ""},
		{"收取行政事业性收费5万元。", ""},
		{"收取行政事业性收费50000元。", ""},
		{"收取行政事业性收费0.5万元。", "narrative-mismatch:二/行政事业性收费/本年收费金额（单位：万元）"},
		{"本年共收到政府信息公开申请4件，其中自然人申请3件、法人或其他组织申请1件。", ""},
		{"本年共收到政府信息公开申请4件，其中自然人申请3件、法人或其他组织申请2件。",
			"narrative-mismatch:三/一、本年新收政府信息公开申请数量/\nnarrative-sum://"},
		{"本年共收到政府信息公开申请五件。", "narrative-mismatch:三/一、本年新收政府信息公开申请数量/总计"},
		{"上年结转申请1件，予以公开2件，部分公开1件，无法提供1件，结转下年度继续办理1件。", ""},
		{"申请中不予公开1件。", "narrative-mismatch:三/1.属于国家秘密/"},
		{"本年度未因政府信息公开工作被申请行政复议、提起行政诉讼。", "narrative-mismatch:四/行政复议/总计"},
		{"本年度未收到政府信息公开申请。", "narrative-mismatch:三/一、本年新收政府信息公开申请数量/总计"},
		{"本年度发生行政复议2件，其中结果维持1件。", ""},
		{"本年度发生行政复议1件。", "narrative-mismatch:四/行政复议/总计"},
		{"本年度无因政府信息公开被申请行政复议、提起行政诉讼的情况。", "narrative-mismatch:四/行政复议/总计"},
		{"本年度被提起行政诉讼0件。", ""},
		{"主动公开信息100条，其中网站60条、政务微信40条。", ""},
		{"主动公开信息100条，其中网站70条、政务微信40条。", "narrative-sum://"},
		{"主动公开信息100条，通过网站公开60条，通过政务微信公开30条。", "narrative-sum://"},
		{"主动公开信息90条，通过网站公开60条，通过政务微信公开30条。", ""},
		{"推进“一件事一次办”改革，办理申请事项。", ""},
	} {
		r := balanced(t)
		r.Sections[2] = c.text
		var got []string
		for _, f := range CheckNarrative(r) {
			got = append(got, string(f.Code)+":"+string(f.Table)+"/"+f.Row+"/"+f.Col)
		}
		if g := strings.Join(got, "\n"); g != c.want {
			t.Errorf("%s\n got: %s\nwant: %s", c.text, g, c.want)
		}
	}
}

func TestNarrativeSumSeverity(t *testing.T) {
	r := balanced(t)
	r.Sections[1] = "主动公开信息100条，其中网站70条、政务微信40条。"
	fs := CheckNarrative(r)
	if len(fs) != 1 || fs[0].Severity != SevError || fs[0].Quote != "100条" || !strings.Contains(fs[0].Message, "110") {
		t.Fatalf("parts above the total: %+v", fs)
	}
	r.Sections[1] = "主动公开信息100条，其中网站50条、政务微信40条。"
	if fs := CheckNarrative(r); len(fs) != 1 || fs[0].Severity != SevWarning {
		t.Fatalf("parts below the total: %+v", fs)
	}
}

// A 2019-format report names its cells differently; the narrative is
// checked against them, and mentions without an equivalent are skipped.
func TestNarrative2019Format(t *testing.T) {
	r := New(2020, UnitDepartment, Format2019)
	_ = r.SetCount(TableTwo, RowNormative9, ColMade9, 3)
	_ = r.SetCount(TableTwo, RowNormative9, ColTotal9, 40)
	_ = r.SetCount(TableThree, ThreeOther, ColTotal, 2)
	_ = r.SetCount(TableThree, ThreeOther, ColPerson, 2)
	r.Sections[1] = "本年度制发规范性文件3件，现行有效9件；收到政府信息公开申请中其他处理2件。"
	if fs := CheckNarrative(r); len(fs) != 0 {
		t.Fatalf("consistent 2019 report: %+v", fs)
	}
	r.Sections[1] = "本年度制发规范性文件4件；收到政府信息公开申请中其他处理1件。"
	var got []string
	for _, f := range CheckNarrative(r) {
		got = append(got, f.Row+"/"+f.Col)
	}
	if strings.Join(got, ",") != "规范性文件/本年新制作数量,（六）其他处理/总计" {
		t.Fatalf("2019 mismatches: %v", got)
	}
}
