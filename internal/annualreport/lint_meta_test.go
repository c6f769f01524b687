package annualreport

import (
	"strings"
	"testing"
)

func TestLintUnitKind(t *testing.T) {
	for name, want := range map[string]UnitKind{
		"桃江县松木塘镇人民政府":    UnitTownship,
		"官洲街道办事处":        UnitTownship,
		"丰收乡":            UnitTownship,
		"示例县人民政府":        UnitGovernment,
		"某市人民政府办公室":      UnitDepartment,
		"重庆市万州区规划和自然资源局": UnitDepartment,
		"黄石市经信局":         UnitDepartment,
		"国家税务总局":         "",
		"年度报告":           "",
	} {
		if got := kindOfName(name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

// Where the year and the unit are read from, in order of trust.
func TestLintMeta(t *testing.T) {
	for _, c := range []struct {
		text     string
		year     int
		unit     UnitKind
		unitName string
	}{
		{"示例县和平镇人民政府2022年政府信息公开工作年度报告\n一、总体情况\n2021年以来，我镇……", 2022, UnitTownship, "示例县和平镇人民政府"},
		{"2022年政府信息公开工作年度报告\n桃江县松木塘镇人民政府\n一、总体情况", 2022, UnitTownship, "桃江县松木塘镇人民政府"},
		{"一、总体情况\n本报告所列数据的统计期限为2024年1月1日至2024年12月31日。我局……", 2024, UnitDepartment, ""},
		{"一、总体情况\n截止2023年12月31日我局通过官方网站发布政务类信息34条。", 2023, UnitDepartment, ""},
		{"一、总体情况\n现结合我镇实际，汇报我镇2023年政府信息公开工作。", 2023, UnitTownship, ""},
		{"一、总体情况\n2020年七里坪镇严格按照要求，由镇党政办具体负责。", 2020, UnitTownship, ""},
		{"发布机构 | 黄石市经信局 | 发文日期 | 2024-01-29 |\n现向社会公布2023年度市经信局政府信息公开工作年度报告如下：\n一、总体情况", 2023, UnitDepartment, "黄石市经信局"},
		{"一、总体情况\n本局认真落实条例。", 0, UnitDepartment, ""},
	} {
		src := readText(c.text)
		m := readMeta(src.items, splitNarrative(src.items))
		if m.year != c.year || m.unit != c.unit || m.unitName != c.unitName {
			t.Errorf("%.30q: year %d unit %q %q, want %d %q %q", c.text, m.year, m.unit, m.unitName, c.year, c.unit, c.unitName)
		}
	}
}

func TestLintHeadings(t *testing.T) {
	text := "如下: 一、总体情况 2023年，……质量。 二、主动公开政府信息情况本单位主动公开信息4173条，第二、三季度……\n" +
		"三、本年度办理结果\n四、因政府信息公开工作被申请行政复议和提起行政诉讼情况\n五、政府信息公开工作存在的主要问题及改进情况\n六、其他需要报告的事项"
	var got []string
	for _, h := range findHeadings(text) {
		got = append(got, h.sec.Numeral()+":"+text[h.start:h.end])
	}
	want := "一:一、总体情况 二:二、主动公开政府信息情况 四:四、因政府信息公开工作被申请行政复议和提起行政诉讼情况 五:五、政府信息公开工作存在的主要问题及改进情况 六:六、其他需要报告的事项"
	if strings.Join(got, " ") != want {
		t.Errorf("headings\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}
