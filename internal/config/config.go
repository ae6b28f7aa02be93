// Package config gathers Bouclier's settings from defaults, a JSON file,
// BOUCLIER_* environment variables and flags, in that order of precedence
// (flags win), and validates them once at start.
package config

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"strings"
)

// Config is every setting of the server.
type Config struct {
	Addr         string `json:"addr"`          // listen address
	DataDir      string `json:"data"`          // SQLite database and files
	DatabaseURL  string `json:"database"`      // postgres://… to use PostgreSQL
	LogFormat    string `json:"log_format"`    // "text" or "json"
	LogLevel     string `json:"log_level"`     // "debug", "info", "warn", "error"
	PublicURL    string `json:"public_url"`    // how browsers reach the server, for WebAuthn and links
	SecureCookie bool   `json:"secure_cookie"` // __Host- cookies need HTTPS; false only for local http
}

// Default returns the defaults.
func Default() Config {
	return Config{Addr: "127.0.0.1:8080", DataDir: "bouclier-data", LogFormat: "text", LogLevel: "info", SecureCookie: true}
}

// String hides the database URL, which may carry a password.
func (c Config) String() string {
	return fmt.Sprintf("addr=%s data=%s database=%s log=%s/%s", c.Addr, c.DataDir, redactURL(c.DatabaseURL), c.LogFormat, c.LogLevel)
}

func redactURL(u string) string {
	if u == "" {
		return "(sqlite)"
	}
	scheme, rest, ok := strings.Cut(u, "://")
	if !ok {
		return "(set)"
	}
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		rest = "***@" + rest[at+1:]
	}
	return scheme + "://" + rest
}

// Flags registers the common flags on fs, bound to c. Call Load after
// fs.Parse to apply the file and environment beneath the flags given.
type Flags struct {
	fs   *flag.FlagSet
	file *string
	c    *Config
}

// Register adds --config, --addr, --data and --database to fs.
func Register(fs *flag.FlagSet, withFile bool) *Flags {
	f := &Flags{fs: fs, c: &Config{}}
	if withFile {
		f.file = fs.String("config", "", "JSON configuration `file`")
	}
	d := Default()
	fs.StringVar(&f.c.Addr, "addr", d.Addr, "listen `address`")
	fs.StringVar(&f.c.DataDir, "data", d.DataDir, "data `directory` (embedded SQLite database)")
	fs.StringVar(&f.c.DatabaseURL, "database", "", "PostgreSQL `URL` (postgres://…); embedded SQLite when empty")
	return f
}

// Load returns the configuration: defaults, then the file, then BOUCLIER_*
// variables, then the flags set explicitly on the command line.
func (f *Flags) Load(getenv func(string) string) (Config, error) {
	c := Default()
	if f.file != nil && *f.file != "" {
		b, err := os.ReadFile(*f.file)
		if err != nil {
			return c, fmt.Errorf("config file: %w", err)
		}
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return c, fmt.Errorf("config file %s: %w", *f.file, err)
		}
	}
	env := map[string]*string{
		"BOUCLIER_ADDR": &c.Addr, "BOUCLIER_DATA": &c.DataDir, "BOUCLIER_DATABASE": &c.DatabaseURL,
		"BOUCLIER_LOG_FORMAT": &c.LogFormat, "BOUCLIER_LOG_LEVEL": &c.LogLevel, "BOUCLIER_PUBLIC_URL": &c.PublicURL,
	}
	for k, p := range env {
		if v := getenv(k); v != "" {
			*p = v
		}
	}
	if v := getenv("BOUCLIER_SECURE_COOKIE"); v != "" {
		c.SecureCookie = v == "1" || v == "true"
	}
	f.fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "addr":
			c.Addr = f.c.Addr
		case "data":
			c.DataDir = f.c.DataDir
		case "database":
			c.DatabaseURL = f.c.DatabaseURL
		}
	})
	return c, c.Validate()
}

// Validate checks the settings and says what is wrong with the first bad one.
func (c Config) Validate() error {
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return fmt.Errorf("addr %q: want host:port", c.Addr)
	}
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		return errors.New("database: want a postgres:// URL")
	}
	if c.DatabaseURL == "" && c.DataDir == "" {
		return errors.New("data: a directory is needed for the embedded database")
	}
	switch c.LogFormat {
	case "text", "json":
	default:
		return fmt.Errorf("log_format %q: want text or json", c.LogFormat)
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		return fmt.Errorf("log_level %q: want debug, info, warn or error", c.LogLevel)
	}
	return nil
}
