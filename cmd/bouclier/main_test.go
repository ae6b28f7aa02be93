package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/store"
)

// run runs Main in process and returns its exit code, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func TestHelpAndBadFlags(t *testing.T) {
	for _, c := range []string{"demo", "serve", "import", "screen", "policy", "audit"} {
		code, _, stderr := run(t, "", c, "--help")
		if code != 0 || !strings.Contains(stderr+"", "Usage: bouclier "+c) {
			t.Errorf("%s --help: exit %d, %q", c, code, stderr)
		}
		code, _, stderr = run(t, "", c, "--no-such-flag")
		if code == 0 || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.HasPrefix(stderr, "bouclier ") {
			t.Errorf("%s --no-such-flag: exit %d, stderr %q (want one line)", c, code, stderr)
		}
	}
	// The hidden PDF render child: a request that is not one is refused
	// on one line, nothing on stdout; it is not in the usage.
	if code, out, stderr := run(t, "<html>", "pdf-render"); code != 1 || out != "" || !strings.HasPrefix(stderr, "pdf-render: ") {
		t.Errorf("pdf-render with a bad request: %d %q %q", code, out, stderr)
	}
	if _, out, _ := run(t, "", "--help"); strings.Contains(out, "pdf-render") {
		t.Errorf("the child command is in the usage:\n%s", out)
	}
	if code, _, stderr := run(t, "", "frobnicate"); code == 0 || !strings.Contains(stderr, "unknown command") {
		t.Errorf("unknown command: %d %q", code, stderr)
	}
	if code, _, stderr := run(t, "", "serve", "--addr", "nonsense"); code == 0 || !strings.Contains(stderr, "addr") {
		t.Errorf("bad addr: %d %q", code, stderr)
	}
	if code, _, stderr := run(t, "", "serve", "--database", "mysql://x"); code == 0 || !strings.Contains(stderr, "postgres") {
		t.Errorf("bad database URL: %d %q", code, stderr)
	}
	if code, _, stderr := run(t, "", "demo", "--policy", "lax"); code == 0 || !strings.Contains(stderr, "policy") {
		t.Errorf("bad policy: %d %q", code, stderr)
	}
	if code, _, stderr := run(t, "", "demo", "--demo-totp-secret", "not base32!"); code == 0 || !strings.Contains(stderr, "secret") {
		t.Errorf("bad secret: %d %q", code, stderr)
	}
}

// startDemo runs `bouclier demo` in process until the test ends.
func startDemo(t *testing.T, dir string, extra ...string) (base string, stdout *bytes.Buffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan int, 1)
	stdout = &bytes.Buffer{}
	args := append([]string{"demo", "--data", dir, "--addr", "127.0.0.1:0"}, extra...)
	go func() {
		done <- Main(ctx, args, Env{Stdout: stdout, Stderr: io.Discard, Ready: func(a string) { ready <- a }})
	}()
	select {
	case a := <-ready:
		base = "http://" + a
	case code := <-done:
		t.Fatalf("demo exited with %d: %s", code, stdout)
	case <-time.After(30 * time.Second):
		t.Fatal("demo did not start")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("demo shut down with exit %d", code)
			}
		case <-time.After(15 * time.Second):
			t.Error("demo did not shut down")
		}
	})
	return base, stdout
}

func postJSON(t *testing.T, url, token string, body any) (int, map[string]any) {
	t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", url, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func TestDemoServesAndAuditVerifies(t *testing.T) {
	dir := t.TempDir()
	base, stdout := startDemo(t, dir, "--demo-password", "un mot de passe de démo assez long", "--policy", "open")
	for _, want := range []string{"admin", "rssi.versailles", "principal.moulin", "prof.martin", "eleve.reunion", "parent.reunion", "un mot de passe de démo assez long"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	code, body := postJSON(t, base+"/api/v1/session", "", map[string]string{"username": "parent.dupont", "password": "un mot de passe de démo assez long"})
	if code != 201 || body["token"] == nil {
		t.Fatalf("login: %d %v", code, body)
	}
	// Without BOUCLIER_METRICS_TOKEN or BOUCLIER_OPS_ADDR, /metrics is
	// not served on the public address.
	for p, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/metrics": 404, "/api/v1/openapi.json": 200} {
		resp, err := http.Get(base + p)
		if err != nil || resp.StatusCode != want {
			t.Errorf("GET %s: %v %v, want %d", p, resp, err, want)
		}
		resp.Body.Close()
	}
	if code, out, _ := run(t, "", "audit", "verify", "--data", dir); code != 0 || !strings.Contains(out, "OK") {
		t.Fatalf("audit verify: %d %q", code, out)
	}
}

func TestAuditVerifyFindsTampering(t *testing.T) {
	dir := t.TempDir()
	func() {
		_, _ = startDemo(t, dir, "--demo-password", "un mot de passe de démo assez long")
	}()
	db, err := store.Open(context.Background(), store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.ExecRaw(context.Background(), "UPDATE audit SET actor = 'intrus' WHERE seq = 1"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, out, _ := run(t, "", "audit", "verify", "--data", dir)
	if code == 0 || !strings.Contains(out, "entry 1") {
		t.Fatalf("tampered trail: exit %d, %q", code, out)
	}
	if code, _, stderr := run(t, "", "audit", "verify", "--data", filepath.Join(dir, "missing")); code == 0 || stderr == "" {
		t.Fatalf("missing data dir: exit %d %q", code, stderr)
	}
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	files, _ := filepath.Glob("../../examples/directory/*.csv")
	code, out, stderr := run(t, "", append([]string{"import", "--data", dir}, files...)...)
	if code != 0 || !strings.Contains(out, "Import terminé") {
		t.Fatalf("import: %d %q %q", code, out, stderr)
	}
	bad := filepath.Join(t.TempDir(), "people.csv")
	os.WriteFile(bad, []byte("username,display_name,role,academie,uai,class,email\nx.y,X,teacher,,NOWHERE,,\n"), 0o600)
	code, _, stderr = run(t, "", "import", "--data", dir, bad)
	if code == 0 || !strings.Contains(stderr, "people.csv:2:") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Fatalf("bad row: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "", "import", "--data", dir, "/no/such/file.csv"); code == 0 || !strings.Contains(stderr, "no such file") {
		t.Fatalf("missing file: %d %q", code, stderr)
	}
}

// tryPost is postJSON without failing the test on a transport error.
func tryPost(url, token string, body any) (int, map[string]any, error) {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", url, bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out, nil
}

func TestPolicyExplainCommand(t *testing.T) {
	dir := t.TempDir()
	func() { _, _ = startDemo(t, dir, "--demo-password", "un mot de passe de démo assez long") }()
	cases := []struct {
		user, at string
		want     string
	}{
		{"eleve.dupont", "2026-11-24T14:00:00+01:00", `"send":false,"receive":false`},
		{"prof.martin", "2026-11-24T14:00:00+01:00", `"send":true,"receive":true`},
		{"prof.martin", "2026-11-24T23:30:00+01:00", `"send":false`},
		{"prof.reunion", "2026-11-24T20:30:00+01:00", `"send":false`}, // 23:30 in La Réunion
		{"prof.martin", "2026-11-24T20:30:00+01:00", `"send":true`},
	}
	for _, c := range cases {
		code, out, stderr := run(t, "", "policy", "explain", "--data", dir, "--user", c.user, "--at", c.at, "--json")
		if code != 0 || !strings.Contains(out, c.want) || !strings.Contains(out, `"until"`) {
			t.Errorf("%s at %s: exit %d %q %q, want %s", c.user, c.at, code, out, stderr, c.want)
		}
	}
	if code, out, _ := run(t, "", "policy", "explain", "--data", dir, "--user", "prof.martin", "--at", "2026-11-24T23:30:00+01:00"); code != 0 || !strings.Contains(out, "envoyer : non") || !strings.Contains(out, "7\u00a0h\u00a000") {
		t.Errorf("text explain: %d %q", code, out)
	}
	for _, bad := range [][]string{{"--user", "nobody"}, {"--user", "prof.martin", "--at", "demain"}, {}} {
		args := append([]string{"policy", "explain", "--data", dir}, bad...)
		if code, _, stderr := run(t, "", args...); code == 0 || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%v: exit %d %q", bad, code, stderr)
		}
	}
}

func TestScreenCommand(t *testing.T) {
	in := `{"id": 1, "text": "Une bombe a été placée dans le collège, elle explosera à 10h."}
{"id": "b", "text": "Réunion parents-professeurs jeudi à 18h en salle 12."}

not json
{"id": 3, "text": "Exercice PPMS attentat-intrusion mardi à 10h : les élèves resteront confinés en classe."}
`
	code, out, stderr := run(t, in, "screen")
	if code != 0 {
		t.Fatalf("exit %d %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("want 4 answers, got %q", out)
	}
	want := []string{`"id":1,"verdict":"`, `"id":"b","verdict":"deliver"`, `"line":4,"error"`, `"id":3,"verdict":"deliver"`}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("line %d: %s, want %s", i+1, lines[i], w)
		}
	}
	if strings.Contains(lines[0], `"deliver"`) {
		t.Errorf("threat delivered: %s", lines[0])
	}
}
