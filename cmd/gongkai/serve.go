package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"time"

	"gongkai/internal/config"
	"gongkai/internal/web/router"
)

// shutdownGrace is how long running requests may take to finish after a
// stop signal.
const shutdownGrace = 15 * time.Second

func runServe(ctx context.Context, args []string, s streams) error {
	cfg, _, err := parseData("serve", args, func(c *config.Config, fs *flag.FlagSet) {
		fs.StringVar(&c.Addr, "addr", c.Addr, "监听地址，端口为 0 时自动选择")
		fs.BoolVar(&c.NoDemo, "no-demo", c.NoDemo, "空库启动时不创建演示数据")
	})
	if err != nil {
		return err
	}
	out := s.out
	log := newLogger(s.errOut)
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := ensureFirstRun(ctx, cfg, st, out); err != nil {
		return err
	}
	app, handler, err := router.New(ctx, cfg, st, log)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("监听 %s 失败: %w", cfg.Addr, err)
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 120 * time.Second}
	bg, stopBackground := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); runBackground(bg, app) }()
	go prepareSearch(bg, st, log)
	log.Info("started", "addr", ln.Addr().String(), "db", string(st.Dialect()), "sites", len(app.Sites()))
	fmt.Fprintf(out, "Gongkai 已启动: http://%s/ (管理后台 http://%s/admin/, 数据库 %s)\n", ln.Addr(), ln.Addr(), st.Dialect())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		stopBackground()
		<-done
		return err
	case <-ctx.Done():
	}
	// Graceful shutdown: stop accepting, let running requests finish, then
	// stop the scheduler before the store closes.
	log.Info("stopping", "grace", shutdownGrace.String())
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err = srv.Shutdown(sctx)
	stopBackground()
	<-done
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	fmt.Fprintln(out, "Gongkai 已停止")
	return nil
}
