package main

import (
	"context"
	"flag"
	"io"

	"gongkai/internal/config"
	"gongkai/internal/store"
)

// parseData parses the flags shared by every data-touching subcommand
// (--data, --db) plus any extra ones bind adds.
func parseData(name string, args []string, bind func(*config.Config, *flag.FlagSet)) (config.Config, *flag.FlagSet, error) {
	cfg := config.Default()
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfg.BindData(fs)
	if bind != nil {
		bind(&cfg, fs)
	}
	if err := fs.Parse(args); err != nil {
		return cfg, fs, err
	}
	return cfg, fs, cfg.Validate()
}

// openStore opens the configured database and applies pending migrations.
func openStore(ctx context.Context, cfg config.Config) (*store.Store, error) {
	st, err := store.Open(ctx, cfg.DB, cfg.SQLitePath())
	if err != nil {
		return nil, err
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	if err := st.SeedCalendar(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}
