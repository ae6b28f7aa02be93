package importer_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/importer"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// exportWithout returns the example complete export's files, renamed by
// rename, with the addRequest of person id left out of the pupils' file.
func exportWithout(t *testing.T, id string, rename func(string) string) []importer.Source {
	t.Helper()
	out := fileSet(t, []string{"directory/academies.csv"}, nil)
	names, err := filepath.Glob(filepath.Join("..", "..", "examples", "aaf", "complet", "*.xml"))
	if err != nil || len(names) == 0 {
		t.Fatal("no example export")
	}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if strings.Contains(filepath.Base(n), "_Eleve_") {
			at := strings.Index(text, "<id>"+id+"</id>")
			if at < 0 {
				t.Fatalf("no entry %s in %s", id, n)
			}
			start := strings.LastIndex(text[:at], "<addRequest>")
			end := at + strings.Index(text[at:], "</addRequest>") + len("</addRequest>")
			text = text[:start] + text[end:]
		}
		out = append(out, importer.FileSource(rename(filepath.Base(n)), func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }))
	}
	return out
}

func TestCompleteExportClosesAbsentees(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := importer.Import(ctx, db, fileSet(t, []string{"directory/academies.csv", "aaf/complet/*.xml"}, nil), opts()); err != nil {
			t.Fatal(err)
		}
		// An account made by hand in the same establishment: the
		// directory does not know it and never closes it.
		if err := db.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.UpsertUser(ctx, bouclier.User{Username: "vie.scolaire", DisplayName: "Vie scolaire", Role: bouclier.RoleStaff,
				Academie: "versailles", UAI: "0781234X"}, "", now)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		asDelta := func(n string) string { return strings.Replace(n, "Complet", "Delta", 1) }
		same := func(n string) string { return n }
		for _, step := range []struct {
			name     string
			files    []importer.Source
			complete bool
			absent   int
			state    string // of 2004 (zoe.martin2) after
		}{
			{"a delta that does not name a pupil leaves her open", exportWithout(t, "2004", asDelta), false, 0, "open"},
			{"a complete export without her closes her", exportWithout(t, "2004", same), true, 1, "closed"},
			{"the same complete export again closes no one", exportWithout(t, "2004", same), true, 0, "closed"},
			{"a complete export listing her again reopens her", fileSet(t, []string{"directory/academies.csv", "aaf/complet/*.xml"}, nil), true, 0, "open"},
		} {
			rep, err := importer.Import(ctx, db, step.files, opts())
			if err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			if rep.Complete != step.complete || rep.Absent != step.absent {
				t.Errorf("%s: complete=%t absent=%d\n%s", step.name, rep.Complete, rep.Absent, rep)
			}
			snap := aafSnapshot(t, db)
			if !strings.HasSuffix(snap["2004"], "|"+step.state) {
				t.Errorf("%s: zoe.martin2 %s", step.name, snap["2004"])
			}
			if strings.HasSuffix(snap["2001"], "|closed") || strings.HasSuffix(snap["4001"], "|closed") {
				t.Errorf("%s: an account the export lists was closed", step.name)
			}
			if u, err := db.UserByName(ctx, "vie.scolaire"); err != nil || u.Disabled {
				t.Errorf("%s: hand-made account closed: %+v %v", step.name, u, err)
			}
		}
		// A closed account keeps its record (closed, not deleted), and
		// the closure is in the audit trail.
		if _, err := db.UserByName(ctx, "zoe.martin2"); err != nil {
			t.Fatalf("closed account deleted: %v", err)
		}
		entries, err := db.AuditRecent(ctx, "directory.close_absent", 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 1 || entries[0].Target != "user:zoe.martin2" {
			t.Errorf("audit: %+v", entries)
		}
	})
}

func TestCompleteExportByFlag(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := importer.Import(ctx, db, fileSet(t, []string{"directory/academies.csv", "aaf/complet/*.xml"}, nil), opts()); err != nil {
			t.Fatal(err)
		}
		// Files named otherwise, said complete by the operator.
		o := opts()
		o.Complete = true
		rep, err := importer.Import(ctx, db, exportWithout(t, "2001", func(n string) string { return "export-" + strings.ToLower(strings.ReplaceAll(n, "Complet_", "")) }), o)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Absent != 1 || !strings.HasSuffix(aafSnapshot(t, db)["2001"], "|closed") {
			t.Errorf("absent=%d\n%s", rep.Absent, rep)
		}
	})
}
