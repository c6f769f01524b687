package annualreport

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/store"
)

var importOrgs = map[string]int64{"办公室": 1, "行政审批科": 2}

func xlsx(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestParseDecisionsXLSX(t *testing.T) {
	data := xlsx(t, [][]any{
		{"科室", "月份", "行政许可", "行政处罚", "行政强制", "行政事业性收费（元）"},
		{"办公室", 1, 3, "", 0, "1234.56"},
		{"行政审批科", "2月", 4, 1, "", 0},
		{},
	})
	got, errs := ParseDecisions("register.XLSX", data, 9, 2025, importOrgs)
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(got) != 8 {
		t.Fatalf("%d cells: %+v", len(got), got)
	}
	want := store.AdminDecision{SiteID: 9, OrgID: 1, Year: 2025, Month: 1, Kind: store.DecisionFee, Value: 123456}
	if got[3] != want || got[0].Kind != store.DecisionLicense || got[0].Value != 3 || got[4].OrgID != 2 || got[4].Month != 2 {
		t.Fatalf("cells: %+v", got)
	}
}

func TestParseDecisionsCSV(t *testing.T) {
	text := "科室,月份,行政处罚,行政事业性收费（万元）\n办公室,三月,2,0.5\n"
	for name, data := range map[string][]byte{
		"utf8.csv": append([]byte("\xef\xbb\xbf"), text...),
		"gbk.csv":  mustGBK(t, text),
	} {
		got, errs := ParseDecisions(name, data, 1, 2025, importOrgs)
		if len(errs) != 0 || len(got) != 2 || got[0].Month != 3 || got[0].Value != 2 || got[1].Value != 500_000 {
			t.Errorf("%s: %+v %v", name, got, errs)
		}
	}
}

func mustGBK(t *testing.T, s string) []byte {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseDecisionsReportsEveryRow(t *testing.T) {
	data := []byte("科室,月份,行政许可,行政事业性收费（元）\n" +
		"办公室,1,2,10\n" + // fine
		"财务科,13,-1,0.001\n" + // unknown Org, bad month, negative, sub-分
		"办公室,1,1.5,x\n") // duplicate, fractional count, not a number
	got, errs := ParseDecisions("a.csv", data, 1, 2025, importOrgs)
	if got != nil {
		t.Fatal("cells returned despite errors")
	}
	var lines []string
	for _, e := range errs {
		lines = append(lines, e.String())
	}
	want := []string{
		"第3行“科室”：科室“财务科”不存在，请先在“科室”中添加或改为已有名称",
		"第3行“月份”：“13”不是1至12的月份",
		"第3行“行政许可”：不能为负数",
		"第3行“行政事业性收费（元）”：金额最多保留两位小数（精确到分）",
		"第4行：与第2行的科室和月份重复",
		"第4行“行政许可”：决定数量应为整数",
		"第4行“行政事业性收费（元）”：“x”不是数字",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s", strings.Join(lines, "\n"))
	}
	for _, c := range []struct{ name, data, msg string }{
		{"a.txt", "x", "只能导入 .xlsx 或 .csv 文件"},
		{"a.xlsx", "not a zip", "无法读取该 .xlsx 文件，请确认它是 Excel 工作簿"},
		{"a.csv", "", "文件是空的"},
		{"a.csv", "名称,数量\n", "表头缺少“科室”列"},
		{"a.csv", "科室,月份\n办公室,1\n", "表头缺少行政许可、行政处罚、行政强制或行政事业性收费列"},
		{"a.csv", "科室,月份,行政许可\n", "文件中没有数据行"},
	} {
		_, errs := ParseDecisions(c.name, []byte(c.data), 1, 2025, importOrgs)
		if len(errs) == 0 || errs[0].Message != c.msg {
			t.Errorf("%s %q: %v", c.name, c.data, errs)
		}
	}
}

func TestParseMonth(t *testing.T) {
	for in, want := range map[string]int{"3": 3, "03": 3, "3月": 3, "三月": 3, "十二月": 12, "2025-03": 3, "2025年3月": 3, "１１": 11} {
		if got, ok := parseMonth(in); !ok || got != want {
			t.Errorf("%q: %d %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "0", "13", "三十月", "x"} {
		if _, ok := parseMonth(in); ok {
			t.Errorf("%q accepted", in)
		}
	}
}
