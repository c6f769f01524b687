package annualreport

import "testing"

func TestParseChinese(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"零", 0, true}, {"四", 4, true}, {"十", 10, true}, {"十五", 15, true}, {"二十", 20, true},
		{"九十九", 99, true}, {"一百", 100, true}, {"三百零八", 308, true}, {"一百一十", 110, true},
		{"一千二百三十四", 1234, true}, {"两千", 2000, true}, {"一万零五", 10005, true},
		{"四千一百七十三", 4173, true}, {"十二万三千", 123000, true}, {"一亿二千万", 120000000, true},
		{"二〇二三", 2023, true}, {"一百十", 110, true},
		{"", 0, false}, {"万", 0, false}, {"十百", 0, false}, {"百", 0, false}, {"三四十", 0, false},
		{"一百百", 0, false}, {"四a", 0, false}, {"千", 0, false},
	} {
		got, ok := ParseChinese(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("ParseChinese(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestParseAmount(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
		err  bool
	}{
		{"0", "0", false}, {"4173", "4173", false}, {"4,173", "4173", false}, {"0.5", "0.5", false},
		{"12.345678", "12.345678", false}, {"-3", "-3", false}, {"１２", "12", false}, {" 7 ", "7", false},
		{"0.50", "0.5", false}, {"1.2345678", "", true}, {"/", "", true}, {"", "", true}, {"1.", "", true},
		{"一", "", true}, {"1e3", "", true}, {"--1", "", true},
	} {
		got, err := ParseAmount(c.in)
		if (err != nil) != c.err || (err == nil && got.String() != c.want) {
			t.Errorf("ParseAmount(%q) = %s, %v; want %s (error %v)", c.in, got, err, c.want, c.err)
		}
	}
	if Int(3).String() != "3" || FromFen(50_000_000).String() != "50" || FromFen(123).String() != "0.000123" {
		t.Fatal("Amount conversions")
	}
	if !Int(2).IsInt() || FromFen(1).IsInt() || Int(-2).Int64() != -2 {
		t.Fatal("IsInt/Int64")
	}
}

func TestMentionNumbers(t *testing.T) {
	for _, c := range []struct {
		text  string
		value string
		unit  string
	}{
		{"制发行政规范性文件4个", "4", "个"},
		{"制发行政规范性文件四件", "4", "件"},
		{"现行有效9件", "9", "件"},
		{"主动公开信息4,173条", "4173", "条"},
		{"收费0.5万元", "0.5", "万元"},
		{"收取信息处理费380元", "0.038", "元"},
		{"共一千二百三十四条", "1234", "条"},
		{"发布1.2万条", "12000", "条"},
		{"共计五万元", "5", "元"},
		{"其中十五件", "15", "件"},
		{"收到申请１２件", "12", "件"},
		{"收费１．５万元", "1.5", "万元"},
	} {
		ms := Mentions(1, c.text)
		if len(ms) != 1 || ms[0].Value.String() != c.value || ms[0].Unit != c.unit {
			t.Errorf("Mentions(%q) = %+v; want one %s %s", c.text, ms, c.value, c.unit)
		}
	}
	// Not quantities: dates, ordinals, numbers without a counter, words.
	for _, text := range []string{"2023年1月31日", "第一", "第3件", "进一步统一", "二〇二三年", "表中有12", "一是加强"} {
		if ms := Mentions(1, text); len(ms) != 0 {
			t.Errorf("Mentions(%q) = %+v; want none", text, ms)
		}
	}
}
