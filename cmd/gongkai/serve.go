package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"gongkai/internal/config"
	"gongkai/internal/web/router"
)

func runServe(ctx context.Context, args []string, out io.Writer) error {
	cfg, _, err := parseData("serve", args, func(c *config.Config, fs *flag.FlagSet) {
		fs.StringVar(&c.Addr, "addr", c.Addr, "监听地址 / listen address")
		fs.BoolVar(&c.NoDemo, "no-demo", c.NoDemo, "空库启动时不创建演示数据 / start empty")
	})
	if err != nil {
		return err
	}
	log := newLogger()
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
	go runBackground(ctx, app)
	fmt.Fprintf(out, "Gongkai 已启动: http://%s/ (管理后台 http://%s/admin/, 数据库 %s)\n", ln.Addr(), ln.Addr(), st.Dialect())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Graceful shutdown: stop accepting, let running requests finish.
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}
