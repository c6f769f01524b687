// Command gongkai is the whole platform in one binary: the portal and back
// office (serve) and the operator's subcommands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// streams are a command's standard input and outputs; tests pass buffers.
type streams struct {
	in          io.Reader
	out, errOut io.Writer
}

// command is one subcommand; run gets the arguments after its name.
type command struct {
	name, help string
	run        func(ctx context.Context, args []string, s streams) error
}

func commands() []command {
	return []command{
		{"serve", "启动门户网站与管理后台", runServe},
		{"migrate", "执行数据库迁移", runMigrate},
		{"user", "管理后台账号（user create）", runUser},
		{"workday", "工作日计算（workday add 日期 天数）", runWorkday},
		{"calendar", "节假日安排（calendar import-notice 通知文件）", runCalendar},
		{"import", "从旧网站导入文件（import documents 文件.jsonl）", runImport},
		{"monitor", "网站监测（monitor list | monitor run 名称 [--dry-run]）", runMonitor},
		{"secret", "个人信息加密密钥（secret status | add-key | rotate | remove-key）", runSecret},
		{"search", "站内搜索（search reindex 重建索引，search queries 搜索词统计）", runSearch},
		{"lint", "检查已发布的政府信息公开工作年度报告（lint 文件… [--format json]）", runLint},
		{"report", "政府信息公开工作年度报告（report build 生成导出，report import 导入上年度报告）", runReport},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line args and returns the exit code.
func run(ctx context.Context, args []string, out, errOut io.Writer) int {
	return runWith(ctx, args, streams{in: os.Stdin, out: out, errOut: errOut})
}

func runWith(ctx context.Context, args []string, s streams) int {
	if len(args) == 0 || isHelp(args[0]) {
		usage(s.out, "gongkai", commands())
		return 0
	}
	return dispatch(ctx, "gongkai", commands(), args, s)
}

// dispatch runs the command named by args[0] among cmds.
func dispatch(ctx context.Context, prefix string, cmds []command, args []string, s streams) int {
	for _, c := range cmds {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], s)
		var help *helpError
		switch {
		case errors.As(err, &help):
			fmt.Fprint(s.out, help.text)
			return 0
		case errors.Is(err, errReported):
			return 1
		case err != nil:
			fmt.Fprintln(s.errOut, "错误:", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(s.errOut, "未知命令 %q\n", prefix+" "+args[0])
	usage(s.errOut, prefix, cmds)
	return 2
}

// group runs a command with subcommands (gongkai user create …).
func group(name string, subs []command) func(context.Context, []string, streams) error {
	return func(ctx context.Context, args []string, s streams) error {
		prefix := "gongkai " + name
		if len(args) == 0 || isHelp(args[0]) {
			var b strings.Builder
			usage(&b, prefix, subs)
			return &helpError{text: b.String()}
		}
		if code := dispatch(ctx, prefix, subs, args, s); code != 0 {
			return errReported
		}
		return nil
	}
}

// errReported says the failure was already printed.
var errReported = errors.New("")

func isHelp(a string) bool { return a == "help" || a == "-h" || a == "--help" || a == "-help" }

func usage(w io.Writer, prefix string, cmds []command) {
	fmt.Fprintf(w, "用法: %s <命令> [参数]\n命令:\n", prefix)
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-14s %s\n", c.name, c.help)
	}
	fmt.Fprintf(w, "查看某个命令的参数: %s <命令> --help\n", prefix)
}

// newLogger writes JSON logs to w (stderr in production).
func newLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
}
