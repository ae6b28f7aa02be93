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
	"net/netip"
	"os"
	"strconv"
	"strings"

	"github.com/bouclier/bouclier/internal/clientip"
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

	// TrustedProxies are the addresses or CIDRs of the reverse proxies in
	// front of the server: X-Forwarded-For and Forwarded are believed only
	// on connections from one of them (see internal/clientip).
	TrustedProxies []string `json:"trusted_proxies"`
	ProxyHeader    string   `json:"proxy_header"`  // the header they set: X-Forwarded-For (default) or Forwarded
	TLSCert        string   `json:"tls_cert"`      // PEM certificate chain file: serve HTTPS (with HSTS)
	TLSKey         string   `json:"tls_key"`       // PEM private key file, with TLSCert
	MetricsToken   string   `json:"metrics_token"` // bearer token for /metrics and /readyz details
	OpsAddr        string   `json:"ops_addr"`      // separate listen address for /metrics, /readyz, /healthz
	SSOConfig      string   `json:"sso_config"`    // JSON file of the identity providers (internal/sso); "" for none
	National       string   `json:"national"`      // the national shield's file (internal/national): "" outside one

	// MemoryLimit is the Go runtime's soft memory limit, such as "64MiB"
	// ("0" for none; GOMEMLIMIT, when set, wins). Without it, the heap's
	// target is twice what was live at the last collection, and a
	// collection that finds a login's argon2 memory (19 MiB) live lets the
	// heap grow to twice that before the next one: the process's peak
	// resident set (docs/performance.md). Past the limit the collector
	// runs more often (at most half the CPU); nothing fails.
	MemoryLimit string `json:"memory_limit"`

	// CampaignKeyBudget bounds the campaign detection's key index held in
	// memory on SQLite, in key entries (about 8 to 32 bytes each; the rest
	// is read from the database). 0: the store's default, 131,072. A
	// larger budget trades resident memory for fewer reads under a wave.
	CampaignKeyBudget int `json:"campaign_key_budget"`
}

// Default returns the defaults.
func Default() Config {
	return Config{Addr: "127.0.0.1:8080", DataDir: "bouclier-data", LogFormat: "text", LogLevel: "info", SecureCookie: true, MemoryLimit: "64MiB"}
}

// String hides the database URL, which may carry a password.
func (c Config) String() string {
	tls := "off"
	if c.TLSCert != "" {
		tls = "on"
	}
	return fmt.Sprintf("addr=%s data=%s database=%s log=%s/%s tls=%s trusted_proxies=%s ops_addr=%s memory_limit=%s campaign_key_budget=%d", c.Addr, c.DataDir,
		redactURL(c.DatabaseURL), c.LogFormat, c.LogLevel, tls, strings.Join(c.TrustedProxies, ","), c.OpsAddr, c.MemoryLimit, c.CampaignKeyBudget)
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
	fs      *flag.FlagSet
	file    *string
	c       *Config
	proxies *string
}

// Register adds --config, --addr, --data, --database, --trusted-proxies,
// --tls-cert, --tls-key and --ops-addr to fs.
func Register(fs *flag.FlagSet, withFile bool) *Flags {
	f := &Flags{fs: fs, c: &Config{}}
	if withFile {
		f.file = fs.String("config", "", "JSON configuration `file`")
	}
	d := Default()
	fs.StringVar(&f.c.Addr, "addr", d.Addr, "listen `address`")
	fs.StringVar(&f.c.DataDir, "data", d.DataDir, "data `directory` (embedded SQLite database)")
	fs.StringVar(&f.c.DatabaseURL, "database", "", "PostgreSQL `URL` (postgres://…); embedded SQLite when empty")
	f.proxies = fs.String("trusted-proxies", "", "comma-separated `addresses or CIDRs` of the reverse proxies whose X-Forwarded-For is believed")
	fs.StringVar(&f.c.TLSCert, "tls-cert", "", "PEM certificate `file`: serve HTTPS")
	fs.StringVar(&f.c.TLSKey, "tls-key", "", "PEM private key `file` for --tls-cert")
	fs.StringVar(&f.c.OpsAddr, "ops-addr", "", "separate listen `address` for /metrics, /readyz and /healthz")
	return f
}

// WithMemoryLimit adds --memory-limit, for the commands that apply it (the
// long-running server); the others read the setting and leave it.
func (f *Flags) WithMemoryLimit() *Flags {
	f.fs.StringVar(&f.c.MemoryLimit, "memory-limit", Default().MemoryLimit, "soft `limit` of the Go runtime's memory (64MiB, 1GiB, 0 for none); GOMEMLIMIT wins when set")
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
		"BOUCLIER_TLS_CERT": &c.TLSCert, "BOUCLIER_TLS_KEY": &c.TLSKey, "BOUCLIER_METRICS_TOKEN": &c.MetricsToken,
		"BOUCLIER_OPS_ADDR": &c.OpsAddr, "BOUCLIER_PROXY_HEADER": &c.ProxyHeader,
		"BOUCLIER_SSO_CONFIG": &c.SSOConfig,
		"BOUCLIER_NATIONAL":   &c.National, "BOUCLIER_MEMORY_LIMIT": &c.MemoryLimit,
	}
	for k, p := range env {
		if v := getenv(k); v != "" {
			*p = v
		}
	}
	if v := getenv("BOUCLIER_SECURE_COOKIE"); v != "" {
		c.SecureCookie = v == "1" || v == "true"
	}
	if v := getenv("BOUCLIER_CAMPAIGN_KEY_BUDGET"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return c, fmt.Errorf("BOUCLIER_CAMPAIGN_KEY_BUDGET %q: want a whole number of key entries", v)
		}
		c.CampaignKeyBudget = n
	}
	if v := getenv("BOUCLIER_TRUSTED_PROXIES"); v != "" {
		c.TrustedProxies = splitList(v)
	}
	f.fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "addr":
			c.Addr = f.c.Addr
		case "data":
			c.DataDir = f.c.DataDir
		case "database":
			c.DatabaseURL = f.c.DatabaseURL
		case "trusted-proxies":
			c.TrustedProxies = splitList(*f.proxies)
		case "tls-cert":
			c.TLSCert = f.c.TLSCert
		case "tls-key":
			c.TLSKey = f.c.TLSKey
		case "ops-addr":
			c.OpsAddr = f.c.OpsAddr
		case "memory-limit":
			c.MemoryLimit = f.c.MemoryLimit
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
	if _, err := ParsePrefixes(c.TrustedProxies); err != nil {
		return fmt.Errorf("trusted_proxies: %w", err)
	}
	if _, err := clientip.ParseHeader(c.ProxyHeader); err != nil {
		return fmt.Errorf("proxy_header: %w", err)
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return errors.New("tls_cert and tls_key: give both or neither")
	}
	if c.OpsAddr != "" {
		if _, _, err := net.SplitHostPort(c.OpsAddr); err != nil {
			return fmt.Errorf("ops_addr %q: want host:port", c.OpsAddr)
		}
		if c.OpsAddr == c.Addr {
			return errors.New("ops_addr: must differ from addr")
		}
	}
	if c.MetricsToken != "" && len(c.MetricsToken) < 16 {
		return errors.New("metrics_token: 16 characters at least")
	}
	if _, err := ParseSize(c.MemoryLimit); err != nil {
		return fmt.Errorf("memory_limit %q: %w", c.MemoryLimit, err)
	}
	if c.CampaignKeyBudget != 0 && (c.CampaignKeyBudget < MinCampaignKeyBudget || c.CampaignKeyBudget > MaxCampaignKeyBudget) {
		return fmt.Errorf("campaign_key_budget %d: want 0 (the default) or %d to %d key entries", c.CampaignKeyBudget, MinCampaignKeyBudget, MaxCampaignKeyBudget)
	}
	return nil
}

// The campaign key budget's bounds: below the minimum the index would
// move keys to disk at nearly every send; above the maximum (about 1 GiB
// of entries at worst) it is no longer a bound.
const (
	MinCampaignKeyBudget = 4096
	MaxCampaignKeyBudget = 1 << 25
)

// MemoryLimitBytes is MemoryLimit in bytes, 0 for none. The configuration
// must have been validated.
func (c Config) MemoryLimitBytes() int64 {
	n, _ := ParseSize(c.MemoryLimit)
	return n
}

// ParseSize reads a size in bytes with an optional binary unit: 0, 512MiB,
// 1GiB, 65536KiB, 67108864 (no unit: bytes).
func ParseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		shift  uint
	}{{"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"B", 0}}
	num, shift := strings.TrimSpace(s), uint(0)
	for _, u := range units {
		if n, ok := strings.CutSuffix(num, u.suffix); ok {
			num, shift = strings.TrimSpace(n), u.shift
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 0 || n > (1<<62)>>shift {
		return 0, errors.New("want a size such as 64MiB, 1GiB or 0")
	}
	return n << shift, nil
}

// splitList splits a comma- or space-separated list, dropping empty items.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
}

// ParsePrefixes parses addresses ("10.0.0.5", "::1") and CIDRs
// ("10.0.0.0/8") into prefixes; a bare address is a /32 or /128.
func ParsePrefixes(list []string) ([]netip.Prefix, error) {
	out := make([]netip.Prefix, 0, len(list))
	for _, item := range list {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if strings.Contains(item, "/") {
			p, err := netip.ParsePrefix(item)
			if err != nil {
				return nil, fmt.Errorf("%q: not an address or CIDR", item)
			}
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(item)
		if err != nil {
			return nil, fmt.Errorf("%q: not an address or CIDR", item)
		}
		a = a.Unmap().WithZone("")
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}
