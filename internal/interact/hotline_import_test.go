package interact

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var cst = time.FixedZone("CST", 8*3600)

// hotlineXLSX writes rows (the first is the header) into an .xlsx file.
func hotlineXLSX(t *testing.T, rows [][]string) *bytes.Reader {
	t.Helper()
	f := excelize.NewFile()
	for i, row := range rows {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(buf.Bytes())
}

func TestParseHotlineXLSX(t *testing.T) {
	orgs := map[string]int64{"办公室": 1, "运行科": 2}
	// The columns come in the platform's order, not ours, with a header
	// synonym ("来电时间" for 受理时间) and a blank row.
	rows := [][]string{
		{"诉求标题", "来电时间", "工单号", "诉求类型", "来电人", "联系电话", "承办单位", "办理情况", "办结状态", "办结时间"},
		{"企业用电报装慢", "2023-03-01 09:30", "GD2023030001", "投诉", "张三", "13812345678", "运行科", "已协调供电公司", "已办结", "2023-03-03 17:00"},
		{"", "", "", "", "", "", "", "", "", ""},
		{"技改补贴申报咨询", "2023/3/2 10:00", "GD2023030002", "咨询", "", "", "", "", "办理中", ""},
		{"时间写错", "明天上午", "GD2023030003", "投诉", "李四", "abc", "运行科", "", "已办结", "2023-03-05"},
		{"科室不存在", "2023-03-04 08:00", "GD2023030004", "吐槽", "王五", "", "宣传科", "", "", ""},
		{"重复工单", "2023-03-04 08:00", "GD2023030001", "投诉", "", "", "", "", "", ""},
	}
	got, err := ParseHotlineXLSX(hotlineXLSX(t, rows), orgs, 1, cst)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Cases) != 2 {
		t.Fatalf("%d valid cases, want 2: %+v", len(got.Cases), got.Cases)
	}
	c := got.Cases[0]
	if c.TicketNo != "GD2023030001" || c.Kind != HotlineComplaint || c.OrgID != 2 || c.Result != ResultResolved ||
		c.CallerPhone != "13812345678" || c.Channel != Channel12345 || c.TimeToClose() != 55*time.Hour+30*time.Minute {
		t.Fatalf("first case %+v (time to close %s)", c, c.TimeToClose())
	}
	if c2 := got.Cases[1]; c2.OrgID != 1 || c2.Result != ResultOpen || c2.CallerKind != CallerAnonymous || c2.ReceivedAt.Day() != 2 {
		t.Fatalf("second case %+v", c2)
	}
	var text []string
	for _, p := range got.Problems {
		text = append(text, p.String())
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{
		"第5行：受理时间“明天上午”无法识别",
		"第5行：联系电话：联系电话只能包含数字和连字符",
		"第6行：诉求类型“吐槽”无法识别",
		"第6行：承办科室“宣传科”不是本单位的科室",
		"第7行：工单编号“GD2023030001”与第2行重复",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "第3行") || strings.Contains(all, "第4行") || strings.Contains(all, "第2行：") {
		t.Errorf("problems for good rows:\n%s", all)
	}
}

func TestParseHotlineXLSXRejectsWrongFiles(t *testing.T) {
	if _, err := ParseHotlineXLSX(strings.NewReader("工单编号,受理时间\n1,2"), nil, 1, cst); err == nil || !strings.Contains(err.Error(), ".xlsx") {
		t.Fatalf("CSV accepted: %v", err)
	}
	_, err := ParseHotlineXLSX(hotlineXLSX(t, [][]string{{"序号", "标题"}, {"1", "x"}}), nil, 1, cst)
	if err == nil || !strings.Contains(err.Error(), "工单编号") || !strings.Contains(err.Error(), "受理时间") {
		t.Fatalf("missing headers: %v", err)
	}
}
