package main

import (
	"strings"
	"testing"

	"gongkai/internal/store/storetest"
)

func TestWorkdayAdd(t *testing.T) {
	r := gk(t, "workday", "add", "--data", t.TempDir(), "2026-02-10", "20")
	if r.code != 0 || r.out != "2026-03-16\n" {
		t.Fatalf("code %d, out %q, err %q; want 2026-03-16", r.code, r.out, r.err)
	}
	// Flags may follow the arguments; 0 working days is the day itself.
	if r := gk(t, "workday", "add", "2026-02-10", "0", "--data", t.TempDir()); r.code != 0 || r.out != "2026-02-10\n" {
		t.Errorf("code %d, out %q, err %q", r.code, r.out, r.err)
	}
}

func TestWorkdayAddPostgres(t *testing.T) {
	r := gk(t, "workday", "add", "--db", storetest.PostgresDSN(t), "--data", t.TempDir(), "2026-02-10", "20")
	if r.code != 0 || r.out != "2026-03-16\n" {
		t.Fatalf("code %d, out %q, err %q", r.code, r.out, r.err)
	}
}

func TestWorkdayAddErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"2031-01-05", "5"}, "2031年：该年度没有官方节假日安排数据"},
		{[]string{"2026-02-30", "5"}, "日期格式无效"},
		{[]string{"2026-02-10", "x"}, "工作日数必须是不小于0的整数"},
		{[]string{"2026-02-10"}, "用法: gongkai workday add"},
		{[]string{"--bogus", "2026-02-10", "3"}, "未知参数 -bogus"},
	} {
		r := gk(t, append([]string{"workday", "add", "--data", dir}, tc.args...)...)
		if r.code != 1 || !strings.Contains(r.err, tc.want) || r.out != "" {
			t.Errorf("%v: code %d, out %q, err %q; want exit 1 and %q", tc.args, r.code, r.out, r.err, tc.want)
		}
	}
}

func TestCalendarImportNotice(t *testing.T) {
	r := gk(t, "calendar", "import-notice", "../../internal/workday/testdata/notice_2026.txt")
	if r.code != 0 {
		t.Fatalf("code %d, err %q", r.code, r.err)
	}
	lines := strings.Split(strings.TrimSuffix(r.out, "\n"), "\n")
	// 2026: 元旦 3 + 1 work, 春节 9 + 2, 清明 3, 劳动节 5 + 1, 端午 3, 中秋 3, 国庆 7 + 2.
	if len(lines) != 39 {
		t.Errorf("%d lines, want 39:\n%s", len(lines), r.out)
	}
	for _, want := range []string{"2026-01-01 rest", "2026-01-04 work", "2026-02-14 work", "2026-02-15 rest",
		"2026-02-23 rest", "2026-02-28 work", "2026-09-20 work", "2026-10-07 rest", "2026-10-10 work"} {
		if !strings.Contains(r.out, want+"\n") {
			t.Errorf("missing %q", want)
		}
	}
	for i := 1; i < len(lines); i++ {
		if lines[i-1] >= lines[i] {
			t.Errorf("not sorted: %q before %q", lines[i-1], lines[i])
		}
	}
}

func TestCalendarImportNoticeSave(t *testing.T) {
	dir := t.TempDir()
	// 2028 is not in the official data: an explicit error, never a guess.
	if r := gk(t, "workday", "add", "--data", dir, "2028-01-20", "5"); r.code != 1 || !strings.Contains(r.err, "2028年") {
		t.Fatalf("before saving: code %d, out %q, err %q", r.code, r.out, r.err)
	}
	r := gk(t, "calendar", "import-notice", "testdata/notice_2028.txt", "--save", "--data", dir)
	if r.code != 0 || !strings.Contains(r.out, "2028-01-22 work\n") || !strings.Contains(r.out, "已保存 12 天，2028 年") {
		t.Fatalf("code %d, out %q, err %q", r.code, r.out, r.err)
	}
	// 01-21 Fri, 01-22 Sat (make-up day), 01-24 Mon, then 01-25…31 off, 02-01, 02-02.
	if r := gk(t, "workday", "add", "--data", dir, "2028-01-20", "5"); r.code != 0 || r.out != "2028-02-02\n" {
		t.Fatalf("after saving: code %d, out %q, err %q; want 2028-02-02", r.code, r.out, r.err)
	}
}

func TestCalendarImportNoticeErrors(t *testing.T) {
	if r := gk(t, "calendar", "import-notice", "testdata/missing.txt"); r.code != 1 || !strings.Contains(r.err, "无法读取文件") {
		t.Errorf("missing file: code %d, err %q", r.code, r.err)
	}
	if r := gk(t, "calendar", "import-notice", "helpers_test.go"); r.code != 1 || !strings.Contains(r.err, "无法解析通知") {
		t.Errorf("not a notice: code %d, err %q", r.code, r.err)
	}
}
