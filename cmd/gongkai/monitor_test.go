package main

import (
	"strings"
	"testing"
)

func TestMonitorCommands(t *testing.T) {
	data := t.TempDir()
	st := openData(t, data, "")
	seedSite(t, st) // two columns, both still blank

	res := gk(t, "monitor", "list", "--data", data)
	if res.code != 0 || !strings.Contains(res.out, "freshness") || !strings.Contains(res.out, "links") || !strings.Contains(res.out, "从未运行") {
		t.Fatalf("list: %+v", res)
	}
	res = gk(t, "monitor", "run", "freshness", "--dry-run", "--data", data)
	// Both columns are blank, so nothing is on the home page either.
	if res.code != 0 || !strings.Contains(res.out, "试运行完成") || strings.Count(res.out, "是空白栏目") != 2 ||
		!strings.Contains(res.out, "[单项否决] 首页14天内无信息更新") {
		t.Fatalf("dry run: %+v", res)
	}
	if !strings.Contains(res.err, `"msg":"monitor check started"`) || !strings.Contains(res.err, `"msg":"monitor check finished"`) {
		t.Errorf("dry run not logged at start and end: %s", res.err)
	}
	if res := gk(t, "monitor", "list", "--data", data); strings.Count(res.out, "从未运行") != len(strings.Split(strings.TrimSpace(res.out), "\n"))-1 {
		t.Fatalf("a dry run was recorded: %s", res.out)
	}
	if res := gk(t, "monitor", "run", "--data", data, "freshness"); res.code != 0 || !strings.Contains(res.out, "检查完成") {
		t.Fatalf("run: %+v", res)
	}
	res = gk(t, "monitor", "list", "--data", data)
	if !strings.Contains(res.out, "完成，待处理问题3个") {
		t.Fatalf("list after a run: %s", res.out)
	}
	if res := gk(t, "monitor", "run", "nosuch", "--data", data); res.code != 1 || !strings.Contains(res.err, "没有名为") {
		t.Fatalf("unknown check: %+v", res)
	}
	if res := gk(t, "monitor", "run", "--data", data); res.code != 1 || !strings.Contains(res.err, "请给出检查项名称") {
		t.Fatalf("no name: %+v", res)
	}
	if res := gk(t, "monitor", "--help"); res.code != 0 || !strings.Contains(res.out, "run") {
		t.Fatalf("help: %+v", res)
	}
}
