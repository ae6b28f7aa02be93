package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bouclier/bouclier/internal/store"
)

func copyFiles(t *testing.T, dst string, patterns ...string) {
	t.Helper()
	for _, p := range patterns {
		names, _ := filepath.Glob(p)
		if len(names) == 0 {
			t.Fatalf("no file for %s", p)
		}
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dst, filepath.Base(n)), data, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestImportAAFCommand(t *testing.T) {
	dir := t.TempDir()
	args := []string{"import", "--data", dir, "../../examples/directory/academies.csv"}
	names, _ := filepath.Glob("../../examples/aaf/complet/*.xml")
	code, out, stderr := run(t, "", append(args, names...)...)
	if code != 0 || !strings.Contains(out, "Import terminé") || !strings.Contains(out, "comptes\u00a0: 10 ajouts") {
		t.Fatalf("import: %d %q %q", code, out, stderr)
	}
	bad := filepath.Join(t.TempDir(), "Eleve.xml")
	os.WriteFile(bad, []byte("<?xml version=\"1.0\"?>\n<ficAlimMENESR>\n<deleteRequest><identifier><id>999</id></identifier></deleteRequest>\n</ficAlimMENESR>\n"), 0o600)
	code, _, stderr = run(t, "", "import", "--data", dir, bad)
	if code == 0 || !strings.Contains(stderr, "Eleve.xml:3: entrée 999\u00a0: ") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Fatalf("bad entry: exit %d, %q", code, stderr)
	}
}

func TestImportWatchOnce(t *testing.T) {
	data, feed := t.TempDir(), t.TempDir()
	copyFiles(t, feed, "../../examples/directory/academies.csv", "../../examples/aaf/complet/*.xml")
	code, out, stderr := run(t, "", "import", "--data", data, "--watch", feed, "--once")
	if code != 0 || !strings.Contains(out, "comptes\u00a0: 10 ajouts") {
		t.Fatalf("watch: %d %q %q", code, out, stderr)
	}
	done, _ := filepath.Glob(filepath.Join(feed, "done", "*", "*"))
	if len(done) != 6 {
		t.Fatalf("done/ holds %v", done)
	}
	// A bad file set goes to failed/ whole, with its reason, and is audited.
	copyFiles(t, feed, "../../examples/aaf/delta/ENT_Delta_Eleve_0002.xml") // its new pupil's parent is missing
	code, _, stderr = run(t, "", "import", "--data", data, "--watch", feed, "--once")
	if code == 0 || !strings.Contains(stderr, "responsable 3004 inconnu") {
		t.Fatalf("bad set: %d %q", code, stderr)
	}
	report, err := filepath.Glob(filepath.Join(feed, "failed", "*", "report.txt"))
	if err != nil || len(report) != 1 {
		t.Fatalf("failed/: %v %v", report, err)
	}
	if text, _ := os.ReadFile(report[0]); !strings.Contains(string(text), "ENT_Delta_Eleve_0002.xml:") {
		t.Fatalf("report: %q", text)
	}
	if left, _ := filepath.Glob(filepath.Join(feed, "*.xml")); len(left) != 0 {
		t.Fatalf("files left behind: %v", left)
	}
	db, err := store.Open(context.Background(), store.Config{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var actions []string
	err = db.EachAudit(context.Background(), func(r store.AuditRow) error {
		if r.Action != "audit.anchor" { // the chains' anchors, not events
			actions = append(actions, r.Action)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(actions, ","); !strings.Contains(got, "directory.import,directory.import.failed") {
		t.Fatalf("audit: %s", got)
	}
	if code, out, _ := run(t, "", "import", "--data", data, "--watch", feed, "--once"); code != 0 || !strings.Contains(out, "Aucun fichier") {
		t.Fatalf("empty feed: %d %q", code, out)
	}
}
