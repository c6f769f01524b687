// Package config builds the service configuration from flags and the
// environment. It is passed explicitly to whatever needs it, never held in a
// global.
package config

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Config is everything an operator can set. Flags win over environment
// variables, which win over defaults.
type Config struct {
	Addr        string        // listen address, GONGKAI_ADDR
	DataDir     string        // data directory (SQLite file, attachments), GONGKAI_DATA
	DB          string        // database: empty = SQLite in DataDir; postgres://… = PostgreSQL, GONGKAI_DB
	NoDemo      bool          // start empty instead of creating the demo agency
	IdleTimeout time.Duration // staff session idle timeout (30 minutes)
	MaxUpload   int64         // largest accepted attachment in bytes
	Speech      Speech        // read-aloud and voice input (speech.go)
	// Personal-data encryption keys (internal/secret): GONGKAI_KEY holds the
	// keys themselves (base64, comma-separated, primary first) and wins over
	// the key file; KeyFile defaults to DataDir/secret.key, created 0600.
	Key     string // GONGKAI_KEY
	KeyFile string // GONGKAI_KEY_FILE
	// Outgoing mail (due-date reminders, internal/outbox). Optional: with no
	// SMTPAddr (host:port) the outbox keeps the mail until one is set.
	// STARTTLS is used whenever the server offers it; SMTPUser and
	// SMTPPassword (environment only) enable PLAIN authentication.
	SMTPAddr     string // GONGKAI_SMTP_ADDR
	SMTPFrom     string // GONGKAI_SMTP_FROM, the sender address
	SMTPUser     string // GONGKAI_SMTP_USER
	SMTPPassword string // GONGKAI_SMTP_PASSWORD
}

// Default returns the configuration a bare `gongkai serve` runs with.
func Default() Config {
	return Config{
		Addr:        envOr("GONGKAI_ADDR", "127.0.0.1:8080"),
		DataDir:     envOr("GONGKAI_DATA", "data"),
		DB:          os.Getenv("GONGKAI_DB"),
		Key:         os.Getenv("GONGKAI_KEY"),
		KeyFile:     os.Getenv("GONGKAI_KEY_FILE"),
		IdleTimeout: 30 * time.Minute,
		MaxUpload:   50 << 20,
		Speech:      defaultSpeech(),

		SMTPAddr:     os.Getenv("GONGKAI_SMTP_ADDR"),
		SMTPFrom:     os.Getenv("GONGKAI_SMTP_FROM"),
		SMTPUser:     os.Getenv("GONGKAI_SMTP_USER"),
		SMTPPassword: os.Getenv("GONGKAI_SMTP_PASSWORD"),
	}
}

// BindData registers the flags every data-touching subcommand shares.
func (c *Config) BindData(fs *flag.FlagSet) {
	fs.StringVar(&c.DataDir, "data", c.DataDir, "数据目录 (SQLite 数据库与附件) / data directory")
	fs.StringVar(&c.DB, "db", c.DB, "数据库: 留空使用内置 SQLite; postgres://… 使用 PostgreSQL / database DSN")
	fs.StringVar(&c.KeyFile, "key-file", c.KeyFile, "个人信息加密密钥文件（默认 数据目录/secret.key）/ key file")
}

// BindServe registers the flags of `gongkai serve`.
func (c *Config) BindServe(fs *flag.FlagSet) {
	c.BindData(fs)
	fs.StringVar(&c.Addr, "addr", c.Addr, "监听地址 / listen address")
	fs.BoolVar(&c.NoDemo, "no-demo", c.NoDemo, "空库启动时不创建演示数据 / start empty")
	c.Speech.bind(fs)
}

// Validate reports the first configuration error in Chinese.
func (c Config) Validate() error {
	if strings.TrimSpace(c.DataDir) == "" {
		return errors.New("数据目录不能为空 (--data)")
	}
	if c.DB != "" && !c.IsPostgres() {
		return errors.New("数据库地址必须以 postgres:// 或 postgresql:// 开头 (--db)")
	}
	if c.Addr == "" {
		return errors.New("监听地址不能为空 (--addr)")
	}
	if c.SMTPAddr != "" && c.SMTPFrom == "" {
		return errors.New("配置了邮件服务器 (GONGKAI_SMTP_ADDR) 时请同时配置发件人地址 (GONGKAI_SMTP_FROM)")
	}
	return c.Speech.validate()
}

// IsPostgres reports whether the PostgreSQL store is selected.
func (c Config) IsPostgres() bool {
	return strings.HasPrefix(c.DB, "postgres://") || strings.HasPrefix(c.DB, "postgresql://")
}

// SQLitePath is where the embedded database lives.
func (c Config) SQLitePath() string { return filepath.Join(c.DataDir, "gongkai.db") }

// SecretKeyFile is the personal-data key file: KeyFile, else DataDir/secret.key.
func (c Config) SecretKeyFile() string {
	if c.KeyFile != "" {
		return c.KeyFile
	}
	return filepath.Join(c.DataDir, "secret.key")
}

// FilesDir is where attachments are stored.
func (c Config) FilesDir() string { return filepath.Join(c.DataDir, "files") }

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
