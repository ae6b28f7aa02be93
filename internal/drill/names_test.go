package drill

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/alert"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/server"
)

// TestDirectoryNamesPeople: the drill's directory reads like a school's:
// people have names (not their login), adults a civility and pupils none,
// a parent shares the child's family name, establishments and académies
// are named, not numbered.
func TestDirectoryNamesPeople(t *testing.T) {
	ctx := context.Background()
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	clk := &clock{t: start}
	app, err := server.Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Options{Now: clk.Now, Alert: &alert.Config{}})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	d := newDrill(Options{Establishments: 3, Academies: 2, Accounts: 1, Ordinary: 1, Seed: 1}, app, clk)
	if err := d.directory(ctx); err != nil {
		t.Fatal(err)
	}
	users, err := app.DB.Users(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]bouclier.User{}
	for _, u := range users {
		byName[u.Username] = u
	}
	family := func(u bouclier.User) string { return u.DisplayName[strings.LastIndex(u.DisplayName, " ")+1:] }
	for _, u := range users {
		if u.DisplayName == u.Username || !strings.Contains(u.DisplayName, " ") {
			t.Errorf("%s is named %q", u.Username, u.DisplayName)
		}
		if (u.Role == bouclier.RoleStudent) != (u.Civility == "") && u.Role != bouclier.RoleAcademyAdmin {
			t.Errorf("%s (%s) has the civility %q", u.Username, u.Role, u.Civility)
		}
	}
	child, parent := byName["e.1.2.3"], byName["p.1.2.3"]
	if family(child) != family(parent) || child.DisplayName == parent.DisplayName {
		t.Errorf("pupil %q, parent %q", child.DisplayName, parent.DisplayName)
	}
	es, err := app.DB.Establishments(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if strings.Contains(e.Name, e.UAI) {
			t.Errorf("establishment named %q", e.Name)
		}
	}
	if got := byName["rssi.aca-00"].DisplayName; got != "RSSI de l’académie de Versailles" {
		t.Errorf("the officer is %q", got)
	}
}
