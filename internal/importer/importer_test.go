package importer_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/bouclier/bouclier/internal/importer"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

var exampleFiles = []string{"people.csv", "teachings.csv", "parents.csv", "classes.csv", "establishments.csv", "academies.csv"} // any order

func readExamples(t *testing.T, override map[string]string) *importer.Batch {
	t.Helper()
	var b importer.Batch
	for _, name := range exampleFiles {
		data, err := os.ReadFile(filepath.Join("..", "..", "examples", "directory", name))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if o, ok := override[name]; ok {
			text = o
		}
		if err := importer.ReadCSV(name, strings.NewReader(text), &b); err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
	}
	return &b
}

// snapshot describes the directory in a comparable way.
func snapshot(t *testing.T, db *store.DB) string {
	t.Helper()
	ctx := context.Background()
	var sb strings.Builder
	us, err := db.Users(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range us {
		cls, _ := db.TeacherClasses(ctx, u.ID)
		kids, _ := db.Children(ctx, u.ID)
		sb.WriteString(u.Username + " " + string(u.Role) + " " + u.Academie + " " + u.UAI + " " + u.Class + " " + strings.Join(cls, ",") + " ")
		for _, k := range kids {
			sb.WriteString(k.Username)
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

func TestImportGoodSetTwice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)
		var calls int
		if err := importer.Apply(ctx, db, readExamples(t, nil), "test", now, func(done, total int) { calls++ }); err != nil {
			t.Fatal(err)
		}
		first := snapshot(t, db)
		for _, want := range []string{
			"eleve.petit student versailles 0781234X 6A",
			"prof.leroy teacher versailles 0781234X  0781234X/6A,0781234X/6B",
			"parent.petit parent versailles 0781234X   eleve.petit",
			"rssi.guadeloupe academy_admin guadeloupe",
		} {
			if !strings.Contains(first, want) {
				t.Errorf("missing %q in\n%s", want, first)
			}
		}
		if calls == 0 {
			t.Error("no progress reported")
		}
		u, err := db.UserByName(ctx, "eleve.petit")
		if err != nil || !u.MustReset {
			t.Fatalf("imported account must be activated before use: %+v %v", u, err)
		}
		if err := importer.Apply(ctx, db, readExamples(t, nil), "test", now, nil); err != nil {
			t.Fatal(err)
		}
		if again := snapshot(t, db); again != first {
			t.Fatalf("second import changed the directory:\n%s\nvs\n%s", first, again)
		}
	})
}

func TestImportBadRows(t *testing.T) {
	cases := []struct {
		name     string
		file     string
		content  string
		wantFile string
		wantLine int
		reason   string
	}{
		{"unknown header", "people.csv", "login,name\nx,y\n", "people.csv", 1, "en-tête"},
		{"wrong column count", "classes.csv", "uai,class\n0781234X,6A\n0781234X\n", "classes.csv", 3, "colonnes"},
		{"bad time zone", "academies.csv", "academie,name,time_zone\nversailles,V,Europe/Nowhere\n", "academies.csv", 2, "fuseau"},
		{"unknown académie", "establishments.csv", "uai,name,academie\n0781234X,C,atlantis\n9710001Z,L,guadeloupe\n", "establishments.csv", 2, "académie inconnue"},
		{"unknown class", "people.csv", "username,display_name,role,academie,uai,class,email\neleve.petit,L,student,,0781234X,6Z,\n", "people.csv", 2, "classe inconnue"},
		{"unknown role", "people.csv", "username,display_name,role,academie,uai,class,email\nx.y,X,janitor,,0781234X,,\n", "people.csv", 2, "rôle"},
		{"bad username", "people.csv", "username,display_name,role,academie,uai,class,email\nx y,X,teacher,,0781234X,,\n", "people.csv", 2, "identifiant"},
		{"same name two roles", "people.csv", "username,display_name,role,academie,uai,class,email\nprof.leroy,J,teacher,,0781234X,,\nprof.leroy,J,parent,,0781234X,,\n", "people.csv", 3, "existe déjà"},
		{"link to non-parent", "parents.csv", "parent,child\nprof.leroy,eleve.petit\n", "parents.csv", 2, "parent"},
		{"teaching unknown class", "teachings.csv", "teacher,uai,class\nprof.leroy,0781234X,3C\n", "teachings.csv", 2, "classe inconnue"},
		{"bad quoting", "people.csv", "username,display_name,role,academie,uai,class,email\n\"x,y,z\n", "people.csv", 2, "CSV"},
		{"not UTF-8", "classes.csv", "uai,class\n0781234X,\xe96A\n", "classes.csv", 1, "UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				ctx := context.Background()
				var b importer.Batch
				err := func() error {
					for _, name := range exampleFiles {
						data, _ := os.ReadFile(filepath.Join("..", "..", "examples", "directory", name))
						text := string(data)
						if name == c.file {
							text = c.content
						}
						if err := importer.ReadCSV(name, strings.NewReader(text), &b); err != nil {
							return err
						}
					}
					return importer.Apply(ctx, db, &b, "test", time.Now(), nil)
				}()
				var re *importer.RowError
				if !errors.As(err, &re) {
					t.Fatalf("want a row error, got %v", err)
				}
				if re.Pos.File != c.wantFile || re.Pos.Line != c.wantLine || !strings.Contains(re.Reason, c.reason) {
					t.Fatalf("got %v, want %s:%d %q", re, c.wantFile, c.wantLine, c.reason)
				}
				if n, _ := db.CountUsers(ctx); n != 0 {
					t.Fatalf("%d users half-imported", n)
				}
			})
		})
	}
}

// FuzzReadCSV: no input makes the reader panic, and a failure names a line.
func FuzzReadCSV(f *testing.F) {
	f.Add("uai,class\n0781234X,6A\n")
	f.Add("username,display_name,role,academie,uai,class,email\n\"x,y\n")
	f.Add("parent;child\na;b\n")
	f.Fuzz(func(t *testing.T, s string) {
		var b importer.Batch
		err := importer.ReadCSV("f.csv", strings.NewReader(s), &b)
		var re *importer.RowError
		if err != nil && !errors.As(err, &re) {
			t.Fatalf("not a row error: %v", err)
		}
	})
}

// TestReadCSVStreamsUTF8: UTF-8 is checked as the file streams, a rune cut
// between two reads included; a bad byte anywhere refuses the file whole.
func TestReadCSVStreamsUTF8(t *testing.T) {
	cases := []struct {
		name, content string
		ok            bool
	}{
		{"accents cut between reads", "uai,class\n0781234X,6Ä\n0781234X,5É\n", true},
		{"emoji", "uai,class\n0781234X,6🙂\n", true},
		{"bad byte late", "uai,class\n0781234X,6A\n0781234X,6B\n0781234X,\xff\n", false},
		{"truncated rune at the end", "uai,class\n0781234X,6A\xc3", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b importer.Batch
			err := importer.ReadCSV("c.csv", iotest.OneByteReader(strings.NewReader(c.content)), &b)
			var re *importer.RowError
			switch {
			case c.ok && err != nil:
				t.Fatalf("refused: %v", err)
			case !c.ok && (!errors.As(err, &re) || re.Pos.Line != 1 || !strings.Contains(re.Reason, "UTF-8")):
				t.Fatalf("want a UTF-8 refusal at line 1, got %v", err)
			}
		})
	}
}
