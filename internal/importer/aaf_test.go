package importer_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/importer"
	"github.com/bouclier/bouclier/internal/importer/aafgen"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// fileSet returns sources for files of examples/, plus inline ones.
func fileSet(t *testing.T, patterns []string, inline map[string]string) []importer.Source {
	t.Helper()
	var out []importer.Source
	for _, p := range patterns {
		names, err := filepath.Glob(filepath.Join("..", "..", "examples", p))
		if err != nil || len(names) == 0 {
			t.Fatalf("no file for %s: %v", p, err)
		}
		for _, n := range names {
			out = append(out, importer.FileSource(filepath.Base(n), func() (io.ReadCloser, error) { return os.Open(n) }))
		}
	}
	keys := make([]string, 0, len(inline))
	for k := range inline {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		text := inline[k]
		out = append(out, importer.FileSource(k, func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }))
	}
	return out
}

// aafSnapshot describes every account with the fields the AAF feeds.
func aafSnapshot(t *testing.T, db *store.DB) map[string]string {
	t.Helper()
	ctx := context.Background()
	us, err := db.Users(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, u := range us {
		d, _, err := db.DirectoryUser(ctx, u.Username, false)
		if err != nil {
			t.Fatal(err)
		}
		subj, _ := db.TeacherSubjects(ctx, u.ID)
		kids, _ := db.Children(ctx, u.ID)
		var ks []string
		for _, k := range kids {
			ks = append(ks, k.Username)
		}
		state := "open"
		if d.Disabled {
			state = "closed"
		}
		out[d.ExternalID] = strings.Join([]string{u.Username, u.DisplayName, string(u.Role), u.Academie, u.UAI, u.Class, d.Functions,
			strings.Join(subj, ","), strings.Join(ks, ","), state}, "|")
	}
	return out
}

var now = time.Date(2026, 9, 1, 2, 0, 0, 0, time.UTC)

func opts() importer.Options {
	return importer.Options{Actor: "test", Now: func() time.Time { return now }, Chunk: 3}
}

func TestAAFCompleteThenDelta(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		complete := fileSet(t, []string{"directory/academies.csv", "aaf/complet/*.xml"}, nil)
		rep, err := importer.Import(ctx, db, complete, opts())
		if err != nil {
			t.Fatal(err)
		}
		if tot := rep.Total(); tot.Added != 22 || tot.Modified != 0 || tot.Closed != 0 {
			t.Errorf("first import: %+v\n%s", tot, rep)
		}
		first := aafSnapshot(t, db)
		for ext, want := range map[string]string{
			"2001": "zoe.martin|Zoé MARTIN|student|versailles|0781234X|6A||||open",
			"2004": "zoe.martin2|Zoé MARTIN|student|versailles|0781234X|6B||||open",
			"2003": "aissatou.n-diaye|Aïssatou N'DIAYE|student|versailles|0785678Y|2NDE_3||||open",
			"3001": "claire.martin|Claire MARTIN|parent|versailles|0781234X||||noe.martin,zoe.martin|open",
			"3003": "moussa.n-diaye|Moussa N'DIAYE|parent|versailles|0785678Y||||aissatou.n-diaye|open",
			"4001": "jean.leroy|Jean LEROY|teacher|versailles|0781234X||ENS:ENSEIGNEMENT|0781234X/5B:MATHEMATIQUES,0781234X/6A:MATHEMATIQUES,0785678Y/2NDE_3:MATHEMATIQUES,SCIENCES NUMERIQUES||open",
			"4002": "helene.roux|Hélène ROUX|head|versailles|0781234X||DIR:DIRECTION|||open",
			"4003": "lucie.bernard|Lucie BERNARD|staff|versailles|0781234X||EDU:EDUCATION|||open",
		} {
			if first[ext] != want {
				t.Errorf("%s:\n got %s\nwant %s", ext, first[ext], want)
			}
		}
		u, err := db.UserByName(ctx, "zoe.martin")
		if err != nil || !u.MustReset {
			t.Fatalf("an imported account is activated before use: %+v %v", u, err)
		}

		// Importing the same export again changes nothing.
		rep, err = importer.Import(ctx, db, complete, opts())
		if err != nil {
			t.Fatal(err)
		}
		if tot := rep.Total(); tot.Added+tot.Modified+tot.Closed != 0 {
			t.Errorf("second import changed: %s", rep)
		}
		if again := aafSnapshot(t, db); fmt.Sprint(again) != fmt.Sprint(first) {
			t.Fatalf("second import changed the directory")
		}

		// The delta: a move, a lost authority link, departures, arrivals.
		delta := fileSet(t, []string{"aaf/delta/*.xml"}, nil)
		rep, err = importer.Import(ctx, db, delta, opts())
		if err != nil {
			t.Fatal(err)
		}
		if tot := rep.Total(); tot.Added != 3 || tot.Closed != 2 {
			t.Errorf("delta: %+v\n%s", tot, rep)
		}
		after := aafSnapshot(t, db)
		for ext, want := range map[string]string{
			"2001": "|6B|",
			"2002": "|student|versailles|0781234X|||||closed",
			"3001": "|noe.martin,zoe.martin|open",
			"3002": "|parent|versailles|0781234X|||||open",
			"2005": "ines.eloi|Inès ÉLOI|student|versailles|0781234X|5B|",
			"3004": "sarah.eloi|Sarah ÉLOI|parent|versailles|0781234X||||ines.eloi|open",
			"4001": "|0781234X/6A:MATHEMATIQUES,0785678Y/2NDE_3:MATHEMATIQUES||open",
			"4003": "|closed",
		} {
			if !strings.Contains(after[ext], want) {
				t.Errorf("after delta %s:\n got %s\nwant …%s…", ext, after[ext], want)
			}
		}
		rep, err = importer.Import(ctx, db, delta, opts())
		if err != nil {
			t.Fatal(err)
		}
		if tot := rep.Total(); tot.Added+tot.Modified+tot.Closed != 0 {
			t.Errorf("delta again changed: %s", rep)
		}
		// Reimporting the complete export reopens who it lists again.
		if _, err := importer.Import(ctx, db, complete, opts()); err != nil {
			t.Fatal(err)
		}
		if s := aafSnapshot(t, db)["2002"]; !strings.HasSuffix(s, "|open") || !strings.Contains(s, "|5B|") {
			t.Errorf("pupil listed again: %s", s)
		}
	})
}

const aafHead = `<?xml version="1.0" encoding="UTF-8"?>
<ficAlimMENESR>
`

func pupil(id, class, parents string) string {
	return `<addRequest>
<operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes>
<identifier><id>` + id + `</id></identifier>
<attributes>
<attr name="sn"><value>TEST</value></attr><attr name="givenName"><value>Élève</value></attr>
<attr name="ENTPersonStructRattach"><value>7801</value></attr>
<attr name="ENTEleveClasses"><value>` + class + `</value></attr>
<attr name="ENTEleveAutoriteParentale">` + parents + `</attr>
</attributes>
</addRequest>
`
}

func TestAAFBadEntries(t *testing.T) {
	cases := []struct {
		name, content string
		line          int
		entry, reason string
	}{
		{"not AAF", aafHead[:39] + "<annuaire/>", 2, "", "ficAlimMENESR"},
		{"truncated", aafHead + pupil("9001", "7801$6A", ""), 13, "", "tronqué"},
		{"broken XML", aafHead + "<addRequest><identifier><id>9001</id></identifier><attributes></addRequest>\n</ficAlimMENESR>", 3, "9001", "XML illisible"},
		{"no identifier", aafHead + "<addRequest><attributes><attr name=\"sn\"><value>X</value></attr></attributes></addRequest>\n</ficAlimMENESR>", 3, "", "identifiant"},
		{"unknown parent", aafHead + "\n\n" + pupil("9001", "7801$6A", "<value>3999</value>") + "</ficAlimMENESR>", 5, "9001", "responsable 3999 inconnu"},
		{"unknown establishment", aafHead + pupil("9001", "7899$6A", "") + "</ficAlimMENESR>", 3, "9001", "établissement de rattachement 7899"},
		{"bad class", aafHead + pupil("9001", "7801", "") + "</ficAlimMENESR>", 3, "9001", "STRUCTURE$CLASSE"},
		{"unknown category", aafHead + strings.Replace(pupil("9001", "7801$6A", ""), ">Eleve<", ">Martien<", 1) + "</ficAlimMENESR>", 3, "9001", "catégorie inconnue"},
		{"modify of unknown person", aafHead + `<modifyRequest><operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes>
<identifier><id>9002</id></identifier><modifications><modification name="ENTEleveClasses" operation="replace"><value>7801$6B</value></modification></modifications></modifyRequest>
</ficAlimMENESR>`, 3, "9002", "personne inconnue"},
		{"delete of unknown person", aafHead + "<deleteRequest><identifier><id>9003</id></identifier></deleteRequest></ficAlimMENESR>", 3, "9003", "personne inconnue"},
		{"half a name", aafHead + strings.Replace(pupil("9001", "7801$6A", ""), `<attr name="sn"><value>TEST</value></attr>`, "", 1) + "</ficAlimMENESR>", 3, "9001", "vont ensemble"},
		{"bad operation", aafHead + `<modifyRequest><identifier><id>2001</id></identifier><modifications><modification name="sn" operation="merge"><value>X</value></modification></modifications></modifyRequest></ficAlimMENESR>`, 3, "2001", "opération"},
		{"bad identifier", aafHead + pupil("90 01", "7801$6A", "") + "</ficAlimMENESR>", 3, "90 01", "identifiant invalide"},
		{"structure deletion", aafHead + `<deleteRequest><operationalAttributes><attr name="categorieStructure"><value>EtabEducNat</value></attr></operationalAttributes><identifier><id>7801</id></identifier></deleteRequest></ficAlimMENESR>`, 3, "7801", "établissement"},
		{"value too long", aafHead + pupil("9001", "7801$"+strings.Repeat("A", 5000), "") + "</ficAlimMENESR>", 3, "9001", "trop longue"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				ctx := context.Background()
				set := fileSet(t, []string{"directory/academies.csv", "aaf/complet/ENT_Complet_EtabEducNat_0001.xml"}, map[string]string{"bad.xml": c.content})
				_, err := importer.Import(ctx, db, set, opts())
				var re *importer.RowError
				if !errors.As(err, &re) {
					t.Fatalf("want a row error, got %v", err)
				}
				if re.Pos.File != "bad.xml" || re.Pos.Line != c.line || re.Entry != c.entry || !strings.Contains(re.Reason, c.reason) {
					t.Fatalf("got %q (line %d, entry %q), want bad.xml:%d entry %q %q", re, re.Pos.Line, re.Entry, c.line, c.entry, c.reason)
				}
				if n, _ := db.CountUsers(ctx); n != 0 {
					t.Fatalf("%d users half-imported", n)
				}
				if es, _ := db.Establishments(ctx, ""); len(es) != 0 {
					t.Fatalf("%d establishments half-imported", len(es))
				}
			})
		})
	}
}

// FuzzReadAAF: no input makes the AAF reader panic or fail without naming
// its file and line.
func FuzzReadAAF(f *testing.F) {
	// Small seeds: the fuzzer minimises every new input it finds, which
	// is slow from a whole export.
	f.Add(aafHead + pupil("1", "S$6A", "<value>2</value>") + "</ficAlimMENESR>")
	f.Add(aafHead + `<modifyRequest><operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes>
<identifier><id>1</id></identifier><modifications><modification name="ENTEleveClasses" operation="replace"><value>S$6B</value></modification>
<modification name="ENTEleveAutoriteParentale" operation="delete"><value>2</value></modification></modifications></modifyRequest></ficAlimMENESR>`)
	f.Add(aafHead + `<addRequest><operationalAttributes><attr name="categoriePersonne"><value>PersEducNat</value></attr></operationalAttributes>
<identifier><id>3</id></identifier><attributes><attr name="sn"><value>A</value></attr><attr name="givenName"><value>B</value></attr>
<attr name="ENTPersonStructRattach"><value>S</value></attr><attr name="ENTPersonFonctions"><value>S$ENS$ENSEIGNEMENT</value></attr>
<attr name="ENTAuxEnsClassesMatieres"><value>S$6A$MATHS</value></attr></attributes></addRequest></ficAlimMENESR>`)
	f.Add(aafHead + `<addRequest><operationalAttributes><attr name="categorieStructure"><value>EtabEducNat</value></attr></operationalAttributes>
<identifier><id>S</id></identifier><attributes><attr name="ENTStructureUAI"><value>0781234X</value></attr>
<attr name="ENTStructureNomCourant"><value>C</value></attr><attr name="ENTServAcAcademie"><value>V</value></attr>
<attr name="ENTStructureClasses"><value>6A$6EME A</value></attr></attributes></addRequest></ficAlimMENESR>`)
	f.Add(aafHead + "<modifyRequest><identifier><id>1</id></identifier><modification name=\"x\" operation=\"delete\"/></modifyRequest></ficAlimMENESR>")
	f.Add(`<?xml version="1.0" encoding="ISO-8859-1"?><ficAlimMENESR><deleteRequest><identifier><id>1</id></identifier></deleteRequest></ficAlimMENESR>`)
	f.Fuzz(func(t *testing.T, s string) {
		n, err := importer.ParseAAF("f.xml", strings.NewReader(s))
		var re *importer.RowError
		if err != nil && (!errors.As(err, &re) || re.Pos.File != "f.xml" || re.Reason == "") {
			t.Fatalf("not a row error naming the file: %v", err)
		}
		if n < 0 {
			t.Fatal("negative count")
		}
	})
}

// peakRSS returns the process's peak resident memory in MiB (Linux), or 0.
func peakRSS() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}

// TestImportGeneratedAAF imports a generated complete export streamed
// through a pipe, checks its counts, then imports it again (nothing
// changes). BOUCLIER_IMPORT_PEOPLE sets its size (default 3,000); the
// peak RSS is logged, and with BOUCLIER_IMPORT_MAX_RSS_MIB it is checked.
func TestImportGeneratedAAF(t *testing.T) {
	people := 3000
	if v := os.Getenv("BOUCLIER_IMPORT_PEOPLE"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatal(err)
		}
		people = n
	}
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) { importGenerated(t, tg, people) })
	}
}

func importGenerated(t *testing.T, tg storetest.Target, people int) {
	// The import command opens the store lean (small SQLite cache, no
	// memory map); so does this test.
	tg.Config.Lean = true
	db, err := store.Open(context.Background(), tg.Config)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	{
		ctx := context.Background()
		gen := func() (io.ReadCloser, error) {
			pr, pw := io.Pipe()
			go func() { pw.CloseWithError(aafgen.Write(pw, aafgen.Options{People: people})) }()
			return pr, nil
		}
		set := append(fileSet(t, []string{"directory/academies.csv"}, nil), importer.FileSource("generated.xml", gen))
		start := time.Now()
		o := opts()
		o.Chunk = 250
		rep, err := importer.Import(ctx, db, set, o)
		if err != nil {
			t.Fatal(err)
		}
		elapsed := time.Since(start)
		runtime.GC()
		t.Logf("%d people: %s in %v, peak RSS %.0f MiB", people, strings.SplitN(rep.String(), "\n", 2)[0], elapsed.Round(time.Second), peakRSS())
		schools := (people + 999) / 1000
		if got := rep.Kinds["person"].Added; got != schools*1000 {
			t.Errorf("%d accounts added, want %d", got, schools*1000)
		}
		if n, _ := db.CountUsers(ctx); n != schools*1000 {
			t.Errorf("%d accounts, want %d", n, schools*1000)
		}
		if v := os.Getenv("BOUCLIER_IMPORT_MAX_RSS_MIB"); v != "" {
			limit, _ := strconv.ParseFloat(v, 64)
			if rss := peakRSS(); rss > limit {
				t.Errorf("peak RSS %.0f MiB over %s MiB", rss, v)
			}
		}
		if people > 20000 {
			return // the second pass doubles a long run
		}
		rep, err = importer.Import(ctx, db, set, o)
		if err != nil {
			t.Fatal(err)
		}
		if tot := rep.Total(); tot.Added+tot.Modified+tot.Closed != 0 {
			t.Errorf("second import changed: %s", rep)
		}
	}
}

// TestImportResumesAfterInterruption: an import stopped while applying (the
// process killed, here its context cancelled) is finished by the next
// import, which then applies its own files.
func TestImportResumesAfterInterruption(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		complete := fileSet(t, []string{"directory/academies.csv", "aaf/complet/*.xml"}, nil)
		ctx, cancel := context.WithCancel(context.Background())
		o := opts()
		o.Chunk = 4
		o.TxBudget = time.Nanosecond // one record per transaction
		o.Progress = func(done, total int) {
			if done >= 12 { // after three accounts
				cancel()
			}
		}
		if _, err := importer.Import(ctx, db, complete, o); err == nil {
			t.Fatal("the interrupted import reported success")
		}
		half := aafSnapshot(t, db)
		if len(half) == 0 || len(half) >= 10 {
			t.Fatalf("expected a half-applied run, got %d accounts", len(half))
		}
		later := opts()
		later.Now = func() time.Time { return now.Add(11 * time.Minute) }
		if _, err := importer.Import(context.Background(), db, nil, opts()); err == nil {
			t.Fatal("an import started while the interrupted one may still be at work")
		}
		rep, err := importer.Import(context.Background(), db, fileSet(t, []string{"aaf/delta/*.xml"}, nil), later)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Total().Closed != 2 {
			t.Errorf("the delta after the resumed run: %s", rep)
		}
		if got := aafSnapshot(t, db); len(got) != 12 || !strings.Contains(got["3001"], "noe.martin,zoe.martin") {
			t.Fatalf("after resume: %d accounts, %v", len(got), got)
		}
	})
}

// TestAAFVariants: exports that name the kind by object class only, point
// to establishments by UAI, spell the académie in full, or are encoded in
// ISO-8859-1 are read the same way.
func TestAAFVariants(t *testing.T) {
	latin1 := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<ficAlimMENESR>\n" +
		"<addRequest><identifier><id>E1</id></identifier><attributes>" +
		"<attr name=\"objectClass\"><value>ENTEleve</value></attr>" +
		"<attr name=\"sn\"><value>L\xc9GER</value></attr><attr name=\"givenName\"><value>Ana\xefs</value></attr>" +
		"<attr name=\"ENTPersonStructRattach\"><value>0789999K</value></attr>" +
		"<attr name=\"ENTEleveClasses\"><value>0789999K$3E 1</value></attr>" +
		"</attributes></addRequest>\n</ficAlimMENESR>\n"
	school := aafHead + `<addRequest><operationalAttributes><attr name="categorieStructure"><value>ENTEtablissement</value></attr></operationalAttributes>
<identifier><id>0789999K</id></identifier><attributes>
<attr name="ENTStructureUAI"><value>0789999K</value></attr><attr name="ENTStructureNomCourant"><value>Collège Test</value></attr>
<attr name="ENTServAcAcademie"><value>ACADEMIE DE VERSAILLES</value></attr>
</attributes></addRequest>
</ficAlimMENESR>
`
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		set := fileSet(t, []string{"directory/academies.csv"}, map[string]string{"a-school.xml": school, "b-pupils.xml": latin1})
		if _, err := importer.Import(ctx, db, set, opts()); err != nil {
			t.Fatal(err)
		}
		got := aafSnapshot(t, db)["E1"]
		if want := "anais.leger|Anaïs LÉGER|student|versailles|0789999K|3E_1||||open"; got != want {
			t.Fatalf("got %s\nwant %s", got, want)
		}
	})
}

// TestImportOneAtATime: an import is refused while another stages its
// files; a run silent for long is taken for abandoned and dropped.
func TestImportOneAtATime(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		other, resume, err := db.BeginImport(ctx, "other", now)
		if err != nil || resume {
			t.Fatal(resume, err)
		}
		set := fileSet(t, []string{"directory/academies.csv"}, nil)
		if _, err := importer.Import(ctx, db, set, opts()); err == nil || !strings.Contains(err.Error(), "un autre import est en cours") {
			t.Fatalf("second import while one stages: %v", err)
		}
		later := opts()
		later.Now = func() time.Time { return now.Add(11 * time.Minute) }
		if _, err := importer.Import(ctx, db, set, later); err != nil {
			t.Fatalf("after the other went silent: %v", err)
		}
		if n, err := db.CountImportRows(ctx, other.ID); err != nil || n != 0 {
			t.Fatalf("abandoned run keeps %d rows (%v)", n, err)
		}
	})
}

// TestAAFMalformedFixtures: each file of examples/aaf/malformed is refused
// with its line, entry and reason, after the complete export, which stays
// as it was.
func TestAAFMalformedFixtures(t *testing.T) {
	cases := []struct {
		file   string
		line   int
		entry  string
		reason string
	}{
		{"unknown_parent.xml", 4, "2101", "responsable 3999 inconnu"},
		{"truncated.xml", 10, "3101", "fichier tronqué"},
		{"no_name.xml", 4, "4101", "givenName"},
		{"unknown_category.xml", 4, "5101", "catégorie inconnue"},
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := importer.Import(ctx, db, fileSet(t, []string{"directory/academies.csv", "aaf/complet/*.xml"}, nil), opts()); err != nil {
			t.Fatal(err)
		}
		before := fmt.Sprint(aafSnapshot(t, db))
		for _, c := range cases {
			_, err := importer.Import(ctx, db, fileSet(t, []string{"aaf/delta/*.xml", "aaf/malformed/" + c.file}, nil), opts())
			var re *importer.RowError
			if !errors.As(err, &re) || re.Pos.File != c.file || re.Pos.Line != c.line || re.Entry != c.entry || !strings.Contains(re.Reason, c.reason) {
				t.Errorf("%s: got %v, want line %d entry %s %q", c.file, err, c.line, c.entry, c.reason)
			}
			if after := fmt.Sprint(aafSnapshot(t, db)); after != before {
				t.Fatalf("%s: the refused set changed the directory", c.file)
			}
		}
	})
}
