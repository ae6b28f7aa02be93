package config

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrecedence(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bouclier.json")
	os.WriteFile(file, []byte(`{"addr": "127.0.0.1:1111", "data": "/from/file", "log_format": "json"}`), 0o600)
	cases := []struct {
		name  string
		args  []string
		env   map[string]string
		addr  string
		data  string
		logFm string
	}{
		{"defaults", nil, nil, "127.0.0.1:8080", "bouclier-data", "text"},
		{"file", []string{"--config", file}, nil, "127.0.0.1:1111", "/from/file", "json"},
		{"env over file", []string{"--config", file}, map[string]string{"BOUCLIER_ADDR": "127.0.0.1:2222"}, "127.0.0.1:2222", "/from/file", "json"},
		{"flag over env", []string{"--config", file, "--addr", "127.0.0.1:3333"}, map[string]string{"BOUCLIER_ADDR": "127.0.0.1:2222"}, "127.0.0.1:3333", "/from/file", "json"},
		{"flag data", []string{"--data", "/flag"}, map[string]string{"BOUCLIER_DATA": "/env"}, "127.0.0.1:8080", "/flag", "text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			f := Register(fs, true)
			if err := fs.Parse(c.args); err != nil {
				t.Fatal(err)
			}
			cfg, err := f.Load(func(k string) string { return c.env[k] })
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Addr != c.addr || cfg.DataDir != c.data || cfg.LogFormat != c.logFm {
				t.Fatalf("got %+v", cfg)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(file, []byte(`{"adr": "x"}`), 0o600)
	cases := []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"--addr", "nowhere"}, nil, "addr"},
		{[]string{"--database", "mysql://x"}, nil, "postgres"},
		{nil, map[string]string{"BOUCLIER_LOG_FORMAT": "xml"}, "log_format"},
		{nil, map[string]string{"BOUCLIER_LOG_LEVEL": "loud"}, "log_level"},
		{[]string{"--config", file}, nil, "unknown field"},
		{[]string{"--config", "/no/such/file.json"}, nil, "no such file"},
	}
	for _, c := range cases {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		f := Register(fs, true)
		if err := fs.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		_, err := f.Load(func(k string) string { return c.env[k] })
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v %v: %v, want %q", c.args, c.env, err, c.want)
		}
	}
}

func TestStringHidesPassword(t *testing.T) {
	c := Default()
	c.DatabaseURL = "postgres://bouclier:s3cret@db.example:5432/bouclier"
	if s := c.String(); strings.Contains(s, "s3cret") || !strings.Contains(s, "db.example") {
		t.Fatalf("String() = %q", s)
	}
}

func TestEdgeSettings(t *testing.T) {
	file := filepath.Join(t.TempDir(), "edge.json")
	os.WriteFile(file, []byte(`{"trusted_proxies": ["10.0.0.0/8"], "tls_cert": "/f/cert.pem", "tls_key": "/f/key.pem", "ops_addr": "127.0.0.1:9100"}`), 0o600)
	cases := []struct {
		name    string
		args    []string
		env     map[string]string
		proxies string
		cert    string
		ops     string
		token   string
		err     string
	}{
		{"defaults", nil, nil, "", "", "", "", ""},
		{"file", []string{"--config", file}, nil, "10.0.0.0/8", "/f/cert.pem", "127.0.0.1:9100", "", ""},
		{"env over file", []string{"--config", file}, map[string]string{"BOUCLIER_TRUSTED_PROXIES": "192.0.2.1, 2001:db8::/32", "BOUCLIER_METRICS_TOKEN": "0123456789abcdef"},
			"192.0.2.1,2001:db8::/32", "/f/cert.pem", "127.0.0.1:9100", "0123456789abcdef", ""},
		{"flag over env", []string{"--trusted-proxies", "127.0.0.1", "--ops-addr", "127.0.0.1:9200"}, map[string]string{"BOUCLIER_TRUSTED_PROXIES": "10.0.0.1", "BOUCLIER_OPS_ADDR": "127.0.0.1:9300"},
			"127.0.0.1", "", "127.0.0.1:9200", "", ""},
		{"bad proxy", []string{"--trusted-proxies", "10.0.0.0/33"}, nil, "", "", "", "", "trusted_proxies"},
		{"proxy name", nil, map[string]string{"BOUCLIER_TRUSTED_PROXIES": "proxy.example"}, "", "", "", "", "trusted_proxies"},
		{"cert without key", []string{"--tls-cert", "/c.pem"}, nil, "", "", "", "", "tls_cert"},
		{"short token", nil, map[string]string{"BOUCLIER_METRICS_TOKEN": "court"}, "", "", "", "", "metrics_token"},
		{"ops on the public address", []string{"--ops-addr", "127.0.0.1:8080"}, nil, "", "", "", "", "ops_addr"},
		{"bad proxy header", nil, map[string]string{"BOUCLIER_PROXY_HEADER": "X-Real-IP"}, "", "", "", "", "proxy_header"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			f := Register(fs, true)
			if err := fs.Parse(c.args); err != nil {
				t.Fatal(err)
			}
			cfg, err := f.Load(func(k string) string { return c.env[k] })
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(cfg.TrustedProxies, ","); got != c.proxies || cfg.TLSCert != c.cert || cfg.OpsAddr != c.ops || cfg.MetricsToken != c.token {
				t.Fatalf("got %+v", cfg)
			}
			if c.token != "" && strings.Contains(cfg.String(), c.token) {
				t.Fatal("String shows the metrics token")
			}
		})
	}
}

func TestParseSize(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		bad  bool
	}{
		{"0", 0, false},
		{"64MiB", 64 << 20, false},
		{"1GiB", 1 << 30, false},
		{"65536KiB", 64 << 20, false},
		{" 96 MiB ", 96 << 20, false},
		{"67108864", 64 << 20, false},
		{"100B", 100, false},
		{"", 0, true},
		{"64MB", 0, true},
		{"-1MiB", 0, true},
		{"lots", 0, true},
		{"99999999999GiB", 0, true},
	}
	for _, c := range cases {
		got, err := ParseSize(c.in)
		if (err != nil) != c.bad || got != c.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, error %v", c.in, got, err, c.want, c.bad)
		}
	}
}

// TestMemoryLimit: the flag wins over BOUCLIER_MEMORY_LIMIT, which wins
// over the file, which wins over the default; 0 means none; a bad size is
// refused naming the setting.
func TestMemoryLimit(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bouclier.json")
	if err := os.WriteFile(file, []byte(`{"memory_limit": "80MiB"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		env  string
		want int64
		bad  bool
	}{
		{nil, "", 64 << 20, false},
		{[]string{"--config", file}, "", 80 << 20, false},
		{[]string{"--config", file}, "96MiB", 96 << 20, false},
		{[]string{"--memory-limit", "128MiB"}, "96MiB", 128 << 20, false},
		{[]string{"--memory-limit", "0"}, "96MiB", 0, false},
		{nil, "0", 0, false},
		{[]string{"--memory-limit", "much"}, "", 0, true},
		{nil, "much", 0, true},
	}
	for _, c := range cases {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		f := Register(fs, true).WithMemoryLimit()
		if err := fs.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		cfg, err := f.Load(func(k string) string {
			if k == "BOUCLIER_MEMORY_LIMIT" {
				return c.env
			}
			return ""
		})
		if c.bad {
			if err == nil || !strings.Contains(err.Error(), "memory_limit") {
				t.Errorf("%v, env %q: %v, want a memory_limit error", c.args, c.env, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%v, env %q: %v", c.args, c.env, err)
		}
		if got := cfg.MemoryLimitBytes(); got != c.want {
			t.Errorf("%v, env %q: %d, want %d", c.args, c.env, got, c.want)
		}
	}
}

// TestCampaignKeyBudget: BOUCLIER_CAMPAIGN_KEY_BUDGET wins over the file,
// 0 leaves the store's default, and a budget that is no bound (or not a
// number) is refused naming the setting.
func TestCampaignKeyBudget(t *testing.T) {
	dir := t.TempDir()
	file := func(body string) string {
		p := filepath.Join(dir, fmt.Sprintf("c%d.json", len(body)))
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		file, env string
		want      int
		bad       string
	}{
		{"", "", 0, ""},
		{`{"campaign_key_budget": 65536}`, "", 65536, ""},
		{`{"campaign_key_budget": 65536}`, "262144", 262144, ""},
		{"", "0", 0, ""},
		{"", "100", 0, "campaign_key_budget"},
		{`{"campaign_key_budget": 1000000000}`, "", 0, "campaign_key_budget"},
		{"", "-1", 0, "campaign_key_budget"},
		{"", "128MiB", 0, "BOUCLIER_CAMPAIGN_KEY_BUDGET"},
		{`{"campaign_key_budget": "many"}`, "", 0, "config file"},
	}
	for _, c := range cases {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		f := Register(fs, true)
		var args []string
		if c.file != "" {
			args = []string{"--config", file(c.file)}
		}
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		cfg, err := f.Load(func(k string) string {
			if k == "BOUCLIER_CAMPAIGN_KEY_BUDGET" {
				return c.env
			}
			return ""
		})
		if c.bad != "" {
			if err == nil || !strings.Contains(err.Error(), c.bad) {
				t.Errorf("file %s, env %q: %v, want an error naming %s", c.file, c.env, err, c.bad)
			}
			continue
		}
		if err != nil {
			t.Fatalf("file %s, env %q: %v", c.file, c.env, err)
		}
		if cfg.CampaignKeyBudget != c.want {
			t.Errorf("file %s, env %q: budget %d, want %d", c.file, c.env, cfg.CampaignKeyBudget, c.want)
		}
	}
}
