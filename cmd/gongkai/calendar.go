package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"gongkai/internal/config"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

var runCalendar = group("calendar", []command{
	{"import-notice", "解析国务院办公厅节假日安排通知: calendar import-notice 文件 [--save]", runCalendarImport},
})

// runCalendarImport prints the days a holiday notice states and, with
// --save, stores them and marks the notice's year as covered.
func runCalendarImport(ctx context.Context, args []string, s streams) error {
	var save bool
	cfg, fs, err := parseData("calendar import-notice", args, func(_ *config.Config, fs *flag.FlagSet) {
		fs.BoolVar(&save, "save", false, "确认无误后保存到工作日历")
	}, "通知文件")
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("请给出通知文本文件，例如: gongkai calendar import-notice notice_2026.txt")
	}
	text, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("无法读取文件 %s: %w", fs.Arg(0), err)
	}
	days, err := workday.ParseNotice(string(text))
	if err != nil {
		return fmt.Errorf("无法解析通知: %w", err)
	}
	for _, d := range days {
		fmt.Fprintf(s.out, "%s %s\n", d.Date, d.Kind)
	}
	if !save {
		return nil
	}
	year := workday.MainYear(days)
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SaveCalendar(ctx, days, []int{year}, store.CalendarNotice); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "已保存 %d 天，%d 年的节假日安排已录入工作日历\n", len(days), year)
	// Open applications' due dates follow the calendar (architecture:
	// recomputed when it changes).
	cal, err := st.Calendar(ctx)
	if err != nil {
		return err
	}
	res, err := st.RecomputeDueDates(ctx, cal)
	if err != nil {
		return fmt.Errorf("重新计算答复期限失败: %w", err)
	}
	fmt.Fprintf(s.out, "已重新计算未办结申请的答复期限：检查 %d 件，变更 %d 件\n", res.Checked, res.Changed)
	if res.Failed > 0 {
		fmt.Fprintf(s.errOut, "另有 %d 件申请涉及的年度未录入工作日历，答复期限暂未重新计算\n", res.Failed)
	}
	return nil
}
