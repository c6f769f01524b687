package workday

import (
	"strings"
	"testing"
)

// oldWording2017 is the 2017 notice in the old wording, with 补休 on a
// weekday and "与周末连休".
const oldWording2017 = `国务院办公厅关于2017年部分节假日安排的通知
一、元旦：1月1日放假，1月2日（星期一）补休。
二、春节：1月27日至2月2日放假调休，共7天。1月22日（星期日）、2月4日（星期六）上班。
三、清明节：4月2日至4日放假调休，共3天。4月1日（星期六）上班。
四、劳动节：5月1日放假，与周末连休。
五、端午节：5月28日至30日放假调休，共3天。5月27日（星期六）上班。
六、中秋节、国庆节：10月1日至8日放假调休，共8天。9月30日（星期六）上班。`

func TestParseNoticeOldWording(t *testing.T) {
	got, err := ParseNotice(oldWording2017)
	if err != nil {
		t.Fatal(err)
	}
	want := arrangement([][2]string{
		{"2017-01-01", "2017-01-02"}, {"2017-01-27", "2017-02-02"}, {"2017-04-02", "2017-04-04"},
		{"2017-04-29", "2017-05-01"}, {"2017-05-28", "2017-05-30"}, {"2017-10-01", "2017-10-08"},
	}, []string{"2017-01-22", "2017-02-04", "2017-04-01", "2017-05-27", "2017-09-30"})
	assertSameDays(t, got, want)

	// lunar-go also lists 2016-12-31 (a Saturday) for 元旦 2017, which this
	// wording does not state. Extra lunar-go days must be weekend rest days.
	onlyLunar, onlyNotice := diffKeys(dayKeys(officialForHolidayYear(2017)), dayKeys(got))
	if len(onlyNotice) > 0 {
		t.Errorf("notice days missing from lunar-go: %v", onlyNotice)
	}
	for _, k := range onlyLunar {
		if x := d(k[:10]); !x.isWeekend() || !strings.HasSuffix(k, string(Rest)) {
			t.Errorf("lunar-go has %s that the notice does not imply", k)
		}
	}
}

func TestParseNoticeSnippets(t *testing.T) {
	tests := []struct {
		name, text string
		rest, work []string // rest: "from..to" or single dates
	}{
		{
			name: "补休 on a Monday",
			text: "2017年\n一、元旦：1月1日放假，1月2日（星期一）补休。",
			rest: []string{"2017-01-01..2017-01-02"},
		},
		{
			name: "old 春节 wording (2023)",
			text: "关于2023年部分节假日安排的通知\n二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。",
			rest: []string{"2023-01-21..2023-01-27"}, work: []string{"2023-01-28", "2023-01-29"},
		},
		{
			name: "lunar remarks without weekday, range across months",
			text: "关于2025年部分节假日安排的通知\n二、春节：1月28日（农历除夕）至2月4日（农历正月初七）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。",
			rest: []string{"2025-01-28..2025-02-04"}, work: []string{"2025-01-26", "2025-02-08"},
		},
		{
			name: "explicit years across the year end (2019)",
			text: "关于2019年部分节假日安排的通知\n一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。",
			rest: []string{"2018-12-30..2019-01-01"}, work: []string{"2018-12-29"},
		},
		{
			name: "implicit years, 元旦 as first section",
			text: "关于2019年部分节假日安排的通知\n一、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。",
			rest: []string{"2018-12-30..2019-01-01"}, work: []string{"2018-12-29"},
		},
		{
			name: "next year's 元旦 at the end of the notice",
			text: "关于2018年部分节假日安排的通知\n一、元旦：1月1日放假，与周末连休。\n七、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。",
			rest: []string{"2017-12-30..2018-01-01", "2018-12-30..2019-01-01"}, work: []string{"2018-12-29"},
		},
		{
			name: "weekday corrects an implied December year",
			text: "关于2019年部分节假日安排的通知\n一、春节：2月4日至10日放假调休，共7天。\n二、元旦：12月30日（星期日）至1月1日（星期二）放假调休，共3天。12月29日（星期六）上班。",
			rest: []string{"2019-02-04..2019-02-10", "2018-12-30..2019-01-01"}, work: []string{"2018-12-29"},
		},
		{
			name: "day-only date inherits month (2010 wording)",
			text: "关于2010年部分节假日安排的通知\n五、端午节：6月14日至16日放假调休，共3天。6月12日（星期六）、13日（星期日）上班。",
			rest: []string{"2010-06-14..2010-06-16"}, work: []string{"2010-06-12", "2010-06-13"},
		},
		{
			name: "half-width punctuation, 星期天, one line",
			text: "关于2026年部分节假日安排的通知 一、元旦:1月1日(周四)至3日(周六)放假调休,共3天.1月4日(星期天)上班. 二、春节:2月15日(周日)至23日(周一)放假调休,共9天.2月14日(周六)､2月28日(周六)上班.",
			rest: []string{"2026-01-01..2026-01-03", "2026-02-15..2026-02-23"},
			work: []string{"2026-01-04", "2026-02-14", "2026-02-28"},
		},
		{
			name: "full-width digits and unnumbered section",
			text: "２０２６年\n国庆节：１０月１日（周四）至７日（周三）放假调休，共７天。９月２０日（周日）、１０月１０日（周六）上班。",
			rest: []string{"2026-10-01..2026-10-07"}, work: []string{"2026-09-20", "2026-10-10"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNotice(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			var want []Day
			for _, r := range tt.rest {
				from, to, ok := strings.Cut(r, "..")
				if !ok {
					to = from
				}
				want = append(want, days(Rest, from, to)...)
			}
			for _, w := range tt.work {
				want = append(want, days(Work, w, w)...)
			}
			assertSameDays(t, got, want)
		})
	}
}

func TestParseNoticeErrors(t *testing.T) {
	const head = "关于2026年部分节假日安排的通知\n"
	tests := []struct {
		name, text, wantMsg string
	}{
		{"no year", "一、元旦：1月1日放假。", "年份"},
		{"empty", "", "年份"},
		{"no sections", head + "节假日期间，各地区要妥善安排好值班。", "未在通知中找到"},
		{"no days", head + "一、元旦：另行通知。", "未在通知中识别到"},
		{"weekday mismatch", head + "一、元旦：1月1日（周五）放假。", "不符"},
		{"invalid date", head + "二、春节：2月30日放假。", "无效"},
		{"contradiction", head + "一、元旦：1月1日放假。1月1日上班。", "自相矛盾"},
		{"missing month", head + "二、春节：3日放假。", "缺少月份"},
		{"backwards range", head + "二、春节：2月15日至2月10日放假。", "范围无效"},
		{"far year", head + "二、春节：2030年2月1日放假。", "不符"},
	}
	for _, tt := range tests {
		got, err := ParseNotice(tt.text)
		if err == nil || !strings.Contains(err.Error(), tt.wantMsg) {
			t.Errorf("%s: ParseNotice = %v, %v; want error containing %q", tt.name, got, err, tt.wantMsg)
		}
	}
}
