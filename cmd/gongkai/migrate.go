package main

import (
	"context"
	"fmt"

	"gongkai/internal/store"
)

func runMigrate(ctx context.Context, args []string, s streams) error {
	out := s.out
	cfg, _, err := parseData("migrate", args, nil)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DB, cfg.SQLitePath())
	if err != nil {
		return err
	}
	defer st.Close()
	applied, err := st.Migrate(ctx)
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintf(out, "数据库 (%s) 已是最新版本\n", st.Dialect())
	}
	for _, v := range applied {
		fmt.Fprintf(out, "已应用迁移 %05d (%s)\n", v, st.Dialect())
	}
	return nil
}
