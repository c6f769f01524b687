package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"gongkai/internal/workday"
)

var runWorkday = group("workday", []command{
	{"add", "日期加若干工作日: workday add 2026-02-10 20（从次日起算）", runWorkdayAdd},
})

// runWorkdayAdd prints the n-th working day after a date by the stored
// calendar; counting starts the next day (条例第三十三条 “收到申请之日起”).
func runWorkdayAdd(ctx context.Context, args []string, s streams) error {
	cfg, fs, err := parseData("workday add", args, nil, "日期", "工作日数")
	if err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return errors.New("用法: gongkai workday add 2026-02-10 20")
	}
	from, err := workday.ParseDate(fs.Arg(0))
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(fs.Arg(1))
	if err != nil || n < 0 {
		return fmt.Errorf("工作日数必须是不小于0的整数，而不是“%s”", fs.Arg(1))
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	cal, err := st.Calendar(ctx)
	if err != nil {
		return err
	}
	due, err := cal.AddWorkdays(from, n)
	if err != nil {
		return err
	}
	fmt.Fprintln(s.out, due)
	return nil
}
