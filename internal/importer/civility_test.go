package importer_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/importer"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// civilities returns each account's civility by username.
func civilities(t *testing.T, db *store.DB) map[string]string {
	t.Helper()
	us, err := db.Users(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, u := range us {
		out[u.Username] = u.Civility
	}
	return out
}

func wantCivilities(t *testing.T, when string, got, want map[string]string) {
	t.Helper()
	for name, c := range want {
		if got[name] != c {
			t.Errorf("%s: %s has civility %q, want %q", when, name, got[name], c)
		}
	}
}

// TestCSVCivility: the people file may end with a civilite column (any
// case or accent in its header, either separator): M., Mme, Mlle (read
// as Mme) or empty; a pupil's is not kept. A file without the column is
// still valid and leaves the civilities alone. Any other value is refused
// at its line: the file is written by hand, the mistake is to correct.
func TestCSVCivility(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		people := "username;display_name;role;academie;uai;class;email;Civilité\n" +
			"principal.claudel;Hélène Roux;head;;0781234X;;;Mme\n" +
			"prof.leroy;Jean Leroy;teacher;;0781234X;;;M.\n" +
			"eleve.petit;Léo Petit;student;;0781234X;6A;;M.\n" +
			"eleve.moreau;Inès Moreau;student;;0781234X;6B;;\n" +
			"parent.petit;Nadia Petit;parent;;0781234X;;;Mlle\n" +
			"rssi.guadeloupe;RSSI Guadeloupe;academy_admin;guadeloupe;;;;\n" +
			"prof.baimbridge;Max Lubin;teacher;;9710001Z;;;monsieur\n"
		if err := importer.Apply(ctx, db, readExamples(t, map[string]string{"people.csv": people}), "test", time.Now(), nil); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"principal.claudel": "Mme", "prof.leroy": "M.", "eleve.petit": "", "eleve.moreau": "",
			"parent.petit": "Mme", "rssi.guadeloupe": "", "prof.baimbridge": "M."}
		wantCivilities(t, "with the column", civilities(t, db), want)

		// The example files, without the column: nothing changes.
		if err := importer.Apply(ctx, db, readExamples(t, nil), "test", time.Now(), nil); err != nil {
			t.Fatal(err)
		}
		wantCivilities(t, "without the column", civilities(t, db), want)

		// An empty value clears it.
		cleared := strings.Replace(people, "prof.leroy;Jean Leroy;teacher;;0781234X;;;M.", "prof.leroy;Jean Leroy;teacher;;0781234X;;;", 1)
		if err := importer.Apply(ctx, db, readExamples(t, map[string]string{"people.csv": cleared}), "test", time.Now(), nil); err != nil {
			t.Fatal(err)
		}
		want["prof.leroy"] = ""
		wantCivilities(t, "emptied", civilities(t, db), want)

		var b importer.Batch
		err := importer.ReadCSV("people.csv", strings.NewReader("username,display_name,role,academie,uai,class,email,civilite\n"+
			"prof.leroy,Jean Leroy,teacher,,0781234X,,,M.\nx.y,X Y,teacher,,0781234X,,,Dr\n"), &b)
		var re *importer.RowError
		if !errors.As(err, &re) || re.Pos.Line != 3 || !strings.Contains(re.Reason, "civilité inconnue \"Dr\"") {
			t.Errorf("unknown civility: %v", err)
		}
	})
}

func parentEntry(id, given, title string) string {
	t := ""
	if title != "" {
		t = `<attr name="personalTitle"><value>` + title + `</value></attr>`
	}
	return `<addRequest>
<operationalAttributes><attr name="categoriePersonne"><value>PersRelEleve</value></attr></operationalAttributes>
<identifier><id>` + id + `</id></identifier>
<attributes><attr name="sn"><value>DUPONT</value></attr><attr name="givenName"><value>` + given + `</value></attr>` + t + `</attributes>
</addRequest>
`
}

// TestAAFCivility: personalTitle gives the civility (M., Mme; Mlle read as
// Mme); a modification replaces or deletes it, and one that does not name
// it keeps it. A value we cannot read leaves the person without one: the
// AAF is the national feed, and one odd title must not stop an académie's
// nightly import for a courtesy. A pupil's is not kept.
func TestAAFCivility(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		add := aafHead + parentEntry("5001", "Marie", "Mme") + parentEntry("5002", "Julie", "Mlle") + parentEntry("5003", "Paul", "M.") +
			parentEntry("5004", "Alex", "Dr") + parentEntry("5005", "Sam", "") +
			strings.Replace(pupil("5006", "7801$6A", "<value>5001</value>"), `<attr name="sn">`, `<attr name="personalTitle"><value>M.</value></attr><attr name="sn">`, 1) +
			"</ficAlimMENESR>"
		set := fileSet(t, []string{"directory/academies.csv", "aaf/complet/ENT_Complet_EtabEducNat_0001.xml"}, map[string]string{"ENT_Delta_PersRelEleve_0001.xml": add})
		if _, err := importer.Import(ctx, db, set, opts()); err != nil {
			t.Fatal(err)
		}
		wantCivilities(t, "added", civilities(t, db), map[string]string{"marie.dupont": "Mme", "julie.dupont": "Mme", "paul.dupont": "M.",
			"alex.dupont": "", "sam.dupont": "", "eleve.test": ""})

		mod := func(id, body string) string {
			return `<modifyRequest><operationalAttributes><attr name="categoriePersonne"><value>PersRelEleve</value></attr></operationalAttributes>
<identifier><id>` + id + `</id></identifier><modifications>` + body + `</modifications></modifyRequest>
`
		}
		delta := aafHead +
			mod("5001", `<modification name="personalTitle" operation="replace"><value>M.</value></modification>`) +
			mod("5002", `<modification name="personalTitle" operation="delete"><value>Mlle</value></modification>`) +
			mod("5003", `<modification name="mail" operation="replace"><value>paul@example.org</value></modification>`) +
			"</ficAlimMENESR>"
		if _, err := importer.Import(ctx, db, fileSet(t, nil, map[string]string{"ENT_Delta_PersRelEleve_0002.xml": delta}), opts()); err != nil {
			t.Fatal(err)
		}
		wantCivilities(t, "modified", civilities(t, db), map[string]string{"marie.dupont": "M.", "julie.dupont": "", "paul.dupont": "M."})
	})
}
