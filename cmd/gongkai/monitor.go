package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"gongkai/internal/config"
	"gongkai/internal/monitor"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

var runMonitor = group("monitor", []command{
	{"list", "列出全部检查项及最近一次运行情况", runMonitorList},
	{"run", "立即运行一项检查: monitor run 名称 [--dry-run]", runMonitorRun},
})

func runMonitorList(ctx context.Context, args []string, s streams) error {
	cfg, _, err := parseData("monitor list", args, nil)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	last, err := st.LastMonitorRuns(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.out, "%-13s %-22s %-8s %s\n", "名称", "检查项", "周期", "最近一次运行")
	for _, c := range monitor.Checks() {
		line := "从未运行"
		if r, ok := last[c.Name()]; ok {
			line = fmt.Sprintf("%s %s，待处理问题%d个", r.StartedAt.In(china).Format("2006-01-02 15:04"), runStatus(r.Status), r.Findings)
			if r.Error != "" {
				line += "，错误：" + r.Error
			}
		}
		fmt.Fprintf(s.out, "%-13s %-22s %-8s %s\n", c.Name(), c.Title(), monitor.ScheduleLabel(c), line)
	}
	return nil
}

func runMonitorRun(ctx context.Context, args []string, s streams) error {
	var dry bool
	var siteURL string
	cfg, fs, err := parseData("monitor run", args, func(c *config.Config, fs *flag.FlagSet) {
		fs.BoolVar(&dry, "dry-run", false, "只检查并显示结果，不保存、不发送提醒")
		fs.StringVar(&siteURL, "url", "", "门户网站地址（默认取后台设置，其次为 --addr 监听地址）")
		fs.StringVar(&c.Addr, "addr", c.Addr, "正在运行的服务的监听地址，用于推断门户网站地址")
	}, "名称")
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("请给出检查项名称，例如: gongkai monitor run links --dry-run（gongkai monitor list 列出全部）")
	}
	name := fs.Arg(0)
	if _, ok := monitor.Find(monitor.Checks(), name); !ok {
		return fmt.Errorf("没有名为 %q 的检查项（gongkai monitor list 列出全部）", name)
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	env := monitorEnv(cfg, st, newLogger(s.errOut), time.Now)
	if siteURL != "" {
		env.SiteURL = siteURL
	}
	r := monitor.NewRunner(env)
	o, err := r.Run(ctx, name, dry)
	if err != nil {
		return err
	}
	mode := "检查完成"
	if dry {
		mode = "试运行完成（未保存）"
	}
	fmt.Fprintf(s.out, "%s: %s，用时%.1f秒\n%s\n", mode, monitor.TitleOf(name), o.Duration.Seconds(), o.Report.Summary)
	for _, f := range o.Report.Findings {
		fmt.Fprintf(s.out, "[%s] %s", monitor.SeverityLabel(f.Severity), f.Message)
		if f.URL != "" {
			fmt.Fprintf(s.out, " %s", f.URL)
		}
		if f.Source != "" {
			fmt.Fprintf(s.out, "（来自 %s）", f.Source)
		}
		fmt.Fprintln(s.out)
	}
	return nil
}

// monitorEnv is the monitors' environment for a process of the platform.
func monitorEnv(cfg config.Config, st *store.Store, log *slog.Logger, now func() time.Time) monitor.Env {
	return monitor.Env{Store: st, Now: now, Log: log, SiteURL: monitor.SiteURLFromAddr(cfg.Addr), FilesDir: cfg.FilesDir()}
}

// startMonitors runs the scheduled checks: a minute after start (so the
// server is listening when the crawl begins), then every minute the checks
// whose period has no run yet. It returns a function that waits for
// running checks after ctx is cancelled.
func startMonitors(ctx context.Context, app *web.App) (wait func()) {
	r := monitor.NewRunner(monitorEnv(app.Cfg, app.Store, app.Log, app.Now))
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(monitorEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				r.Wait()
				return
			case <-t.C:
				r.Tick(ctx)
			}
		}
	}()
	return func() { <-done }
}

// monitorEvery is how often the scheduler looks for due checks.
const monitorEvery = time.Minute

var china = time.FixedZone("CST", 8*3600)

func runStatus(s string) string {
	switch s {
	case store.RunOK:
		return "完成"
	case store.RunFailed:
		return "失败"
	}
	return "运行中"
}
