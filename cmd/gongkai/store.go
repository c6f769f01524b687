package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"gongkai/internal/config"
	"gongkai/internal/search"
	"gongkai/internal/secret"
	"gongkai/internal/store"
)

// helpError carries a command's usage text for --help; it is printed to
// standard output and the exit code is 0.
type helpError struct{ text string }

func (e *helpError) Error() string { return e.text }

// parseData parses the flags shared by every data-touching subcommand
// (--data, --db) plus any extra ones bind adds. Flags may come before or
// after the positional arguments (gongkai calendar import-notice FILE --save);
// the positional ones are left in fs.Args(). usageLine names them for --help.
func parseData(name string, args []string, bind func(*config.Config, *flag.FlagSet), usageLine ...string) (config.Config, *flag.FlagSet, error) {
	cfg := config.Default()
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfg.BindData(fs)
	if bind != nil {
		bind(&cfg, fs)
	}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return cfg, fs, &helpError{text: flagUsage(name, fs, usageLine)}
			}
			return cfg, fs, flagProblem(err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		// An argument after "--" ends the flags for good.
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional, args = append(positional, rest[0]), rest[1:]
	}
	_ = fs.Parse(append([]string{"--"}, positional...))
	return cfg, fs, cfg.Validate()
}

// flagUsage is the Chinese --help text of a subcommand.
func flagUsage(name string, fs *flag.FlagSet, usageLine []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "用法: gongkai %s [参数] %s\n参数:\n", name, strings.Join(usageLine, " "))
	fs.VisitAll(func(f *flag.Flag) {
		def := ""
		if f.DefValue != "" && f.DefValue != "false" {
			def = fmt.Sprintf("（默认 %s）", f.DefValue)
		}
		fmt.Fprintf(&b, "  --%-16s %s%s\n", f.Name, f.Usage, def)
	})
	return b.String()
}

// flagProblem translates the flag package's English errors.
func flagProblem(err error) error {
	msg := err.Error()
	for _, t := range []struct{ prefix, zh string }{
		{"flag provided but not defined: ", "未知参数 "},
		{"flag needs an argument: ", "参数缺少取值: "},
		{"bad flag syntax: ", "参数格式错误: "},
	} {
		if rest, ok := strings.CutPrefix(msg, t.prefix); ok {
			return errors.New(t.zh + rest)
		}
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		return errors.New("参数取值无效: " + rest)
	}
	if rest, ok := strings.CutPrefix(msg, "invalid boolean value "); ok {
		return errors.New("参数取值无效: " + rest)
	}
	return err
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
	search.Attach(st) // every document write keeps the search index in its transaction
	// Applicants' personal data is encrypted with these keys (internal/secret).
	kr, _, err := secret.Load(cfg.SecretKeyFile(), cfg.Key)
	if err != nil {
		st.Close()
		return nil, err
	}
	st.SetKeyring(kr)
	if err := st.SeedCalendar(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}
