package workday

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

func readNotice(t *testing.T, year string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/notice_" + year + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// halfWidth rewrites a notice with half-width punctuation on one line.
func halfWidth(s string) string {
	return strings.NewReplacer("（", "(", "）", ")", "，", ",", "。", ".", "：", ":",
		"、", "､", "\n", "").Replace(s)
}

// TestParseNoticeMatchesOfficial checks each real notice against lunar-go.
// lunar-go groups days by the holiday they belong to, so the 2023 notice
// yields 2022-12-31 and the 2024 notice yields 2023-12-30/31 ("1月1日放假，
// 与周末连休"). With the weekend join, every notice gives exactly lunar-go's
// days. Names may differ only where lunar-go splits a combined section
// (2023: 中秋节、国庆节 vs 中秋节 / 国庆节).
func TestParseNoticeMatchesOfficial(t *testing.T) {
	for _, year := range []int{2023, 2024, 2025, 2026} {
		text := readNotice(t, strconv.Itoa(year))
		want := officialForHolidayYear(year)
		for variant, src := range map[string]string{"original": text, "half-width one line": halfWidth(text)} {
			got, err := ParseNotice(src)
			if err != nil {
				t.Fatalf("%d %s: %v", year, variant, err)
			}
			assertSameDays(t, got, want)
			byDate := map[Date]string{}
			for _, x := range want {
				byDate[x.Date] = x.Name
			}
			for _, x := range got {
				if lunar := byDate[x.Date]; lunar != x.Name && !strings.Contains(x.Name, lunar) {
					t.Errorf("%d %s: %s named %q, lunar-go says %q", year, variant, x.Date, x.Name, lunar)
				}
			}
		}
	}
}

func TestParseNotice2026(t *testing.T) {
	got, err := ParseNotice(readNotice(t, "2026"))
	if err != nil {
		t.Fatal(err)
	}
	assertSameDays(t, got, arrangement2026())
	names := map[string]string{"2026-01-04": "元旦", "2026-02-28": "春节", "2026-09-20": "国庆节", "2026-09-26": "中秋节"}
	for _, x := range got {
		if n, ok := names[x.Date.String()]; ok && x.Name != n {
			t.Errorf("%s named %q, want %q", x.Date, x.Name, n)
		}
	}
}

func TestParseNotice2024IgnoresChuxiRemark(t *testing.T) {
	got, err := ParseNotice(readNotice(t, "2024"))
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range got {
		if x.Date == d("2024-02-09") {
			t.Errorf("2024-02-09 (除夕, only 'encouraged' off) parsed as %s", x.Kind)
		}
	}
}

// FuzzParseNotice checks that ParseNotice never panics and that whatever it
// returns is sorted, free of duplicates and made of valid kinds. Seeds are
// single sections: whole notices make the engine spend its time minimising
// (golang/go#51484).
func FuzzParseNotice(f *testing.F) {
	for _, y := range []string{"2023", "2024", "2025", "2026"} {
		b, err := os.ReadFile("testdata/notice_" + y + ".txt")
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.Contains(line, "日") && strings.Contains(line, "、") && strings.Contains(line, "：") {
				f.Add(y + "年\n" + line)
			}
		}
	}
	f.Add("2017年\n一、元旦：1月1日放假，1月2日（星期一）补休。")
	f.Fuzz(func(t *testing.T, text string) {
		got, err := ParseNotice(text)
		if err != nil {
			return
		}
		for i, x := range got {
			if !x.Kind.Valid() || x.Name == "" {
				t.Fatalf("bad day %+v", x)
			}
			if i > 0 && !got[i-1].Date.Before(x.Date) {
				t.Fatalf("not strictly sorted at %s", x.Date)
			}
		}
	})
}

// TestMainYear: the 2024 notice's 元旦 span begins in 2023 and its days are
// still 2024's; on a tie the earlier year wins, whatever the order.
func TestMainYear(t *testing.T) {
	got, err := ParseNotice(readNotice(t, "2024"))
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Date.Year() != 2023 {
		t.Fatalf("first day %s: the fixture no longer reaches into 2023", got[0].Date)
	}
	if y := MainYear(got); y != 2024 {
		t.Errorf("MainYear(2024 notice) = %d", y)
	}
	tie := append(days(Rest, "2026-01-01", "2026-01-02"), days(Rest, "2025-12-30", "2025-12-31")...)
	if y := MainYear(tie); y != 2025 {
		t.Errorf("MainYear(tie) = %d, want 2025", y)
	}
	if y := MainYear(nil); y != 0 {
		t.Errorf("MainYear(nil) = %d, want 0", y)
	}
}
