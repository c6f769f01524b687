package docimport_test

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"gongkai/internal/docimport"
	"gongkai/internal/workday"
)

func TestSummaryOf(t *testing.T) {
	for body, want := range map[string]string{
		"<p>各县（市、区）经信部门：</p><p>现将有关事项通知如下。</p>": "现将有关事项通知如下。",
		"<p>第一段&amp;</p>\n<p>  第二段 </p>":        "第一段& 第二段",
		"": "",
	} {
		if got := docimport.SummaryOf(body); got != want {
			t.Errorf("SummaryOf(%q) = %q, want %q", body, got, want)
		}
	}
	long := docimport.SummaryOf("<p>" + strings.Repeat("长", 300) + "</p>")
	if utf8.RuneCountInString(long) != 121 || !strings.HasSuffix(long, "…") {
		t.Errorf("long body summary has %d runes: %q", utf8.RuneCountInString(long), long)
	}
}

func TestLateWorkdays(t *testing.T) {
	cal := workday.OfficialCalendar()
	cst := time.FixedZone("CST", 8*3600)
	// 2024-01-02 → 2024-01-30 is exactly 20 working days: on time.
	if n, err := docimport.LateWorkdays(cal, "2024-01-02", time.Date(2024, 1, 30, 9, 0, 0, 0, cst)); n != 0 || err != nil {
		t.Errorf("on time: %d, %v", n, err)
	}
	if n, err := docimport.LateWorkdays(cal, "2024-01-02", time.Date(2024, 2, 1, 9, 0, 0, 0, cst)); n != 2 || err != nil {
		t.Errorf("two days late: %d, %v", n, err)
	}
	// The day is reckoned in China: 2024-01-31 17:00 UTC is 02-01 in Beijing.
	if n, _ := docimport.LateWorkdays(cal, "2024-01-02", time.Date(2024, 1, 31, 17, 0, 0, 0, time.UTC)); n != 2 {
		t.Errorf("China day: %d", n)
	}
	if _, err := docimport.LateWorkdays(cal, "2031-01-02", time.Date(2031, 3, 1, 9, 0, 0, 0, cst)); !errors.Is(err, workday.ErrYearNotCovered) {
		t.Errorf("uncovered year: %v", err)
	}
}
