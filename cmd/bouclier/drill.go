package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/bouclier/bouclier/internal/drill"
)

func runDrill(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("drill", "[--scenario NAME | --all | --deployments N [--alone]] [--establishments N] [--academies N] [--accounts N] [--ordinary N] [--seed N] [--json] [--data DIR | --database URL] [--url URL [--speed X]]", env)
	def := drill.DefaultOptions()
	o := def
	fs.IntVar(&o.Establishments, "establishments", def.Establishments, "establishments in the directory")
	fs.IntVar(&o.Academies, "academies", def.Academies, "académies they are spread over")
	fs.IntVar(&o.Accounts, "accounts", def.Accounts, "hijacked accounts (two parents for one teacher)")
	fs.IntVar(&o.Ordinary, "ordinary", def.Ordinary, "ordinary messages during the ten minutes of the drill")
	fs.Uint64Var(&o.Seed, "seed", def.Seed, "seed of everything random: the same seed gives the same drill")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	fs.StringVar(&o.DataDir, "data", "", "data directory of an empty store to run in (default: a temporary one, removed after); with --url, the running server's own")
	fs.StringVar(&o.DatabaseURL, "database", "", "postgres://… store instead of a data directory; with --url, the running server's own")
	fs.StringVar(&o.URL, "url", "", "replay against the running server at this URL (http://HOST:PORT), on its machine: the drill imports its directory into the server's store (--data or --database; the server's key from BOUCLIER_SECRET_KEY or DIR/secret.key), logs its accounts in over HTTP and sends the morning in real time")
	fs.Float64Var(&o.Speed, "speed", drill.DefaultSpeed, "with --url: simulated seconds per real second (the ten minutes of the morning in a minute at 10)")
	scenario := fs.String("scenario", "", "run this scenario only, or these (comma-separated; see --all for the list), each on its own copy of one temporary store; with --url, one scenario on the server's fresh store (the server trusting 127.0.0.1 as its proxy, --trusted-proxies 127.0.0.1, for the accounts' networks)")
	all := fs.Bool("all", false, "run every scenario (attacks and legitimate traffic), each on its own temporary store, and print their table")
	deployments := fs.Int("deployments", 0, "run N deployments, each with its own temporary store, sharing signals over a three-node NATS JetStream cluster in this process, and replay the wave across them")
	alone := fs.Bool("alone", false, "with --deployments: the same deployments without sharing, the baseline")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *deployments > 0 || *alone {
		return runDeployments(ctx, o, *deployments, *alone, *asJSON, env)
	}
	if *scenario != "" || *all {
		return runScenarios(ctx, o, *scenario, *asJSON, env)
	}
	if !*asJSON {
		o.Progress = progressBar(env)
	}
	r, err := drill.Run(ctx, o)
	if o.Progress != nil {
		fmt.Fprintln(env.Stderr)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		b, _ := json.MarshalIndent(r, "", "  ")
		fmt.Fprintln(env.Stdout, string(b))
	} else {
		printDrill(env, r)
	}
	if err := r.Targets(); err != nil {
		fmt.Fprintf(env.Stderr, "bouclier drill: objectifs non atteints : %s\n", oneLine(err.Error()))
		return exitCode(3)
	}
	return nil
}

func printDrill(env Env, r drill.Report) {
	w := env.Stdout
	fmt.Fprintf(w, "Exercice : %d établissements, %d académies, %d comptes piratés.\n", r.Establishments, r.Academies, r.HijackedAccounts)
	fmt.Fprintf(w, "Messages de la vague tentés : %d ; acceptés : %d ; refusés (compte bloqué, second facteur) : %d\n", r.ThreatAttempts, r.ThreatSent, r.ThreatRefused)
	fmt.Fprintf(w, "Visibles à un moment dans une boîte : %d (%.2f %%) ; encore visibles à la fin : %d\n", r.EverVisible, r.EverVisiblePercent, r.StillVisible)
	fmt.Fprintf(w, "Confinement : %.1f s après le premier message (premier incident : %.1f s) ; incidents : %d\n", r.ContainmentSeconds, r.FirstIncidentSeconds, r.Incidents)
	fmt.Fprintf(w, "Comptes piratés bloqués : %d ; autres comptes bloqués : %d\n", r.HijackedLocked, r.OtherAccountsLocked)
	fmt.Fprintf(w, "Messages ordinaires : %d envoyés, %d retenus, %d différés, %d retirés, %d refusés (titulaires des comptes bloqués), %d retenus (titulaires des comptes piratés)\n",
		r.OrdinarySent, r.OrdinaryHeld, r.OrdinaryDelayed, r.OrdinaryRecalled, r.OrdinaryRefused, r.OrdinaryHeldHijacked)
	fmt.Fprintf(w, "Durée réelle : %.1f s\n", r.WallSeconds)
}

// runScenarios runs one scenario or all of them and prints their table.
func runScenarios(ctx context.Context, o drill.Options, name string, asJSON bool, env Env) error {
	if o.URL == "" && (o.DataDir != "" || o.DatabaseURL != "") {
		return errors.New("--scenario and --all run in process on temporary stores: --data and --database only with --url")
	}
	scs := drill.Scenarios()
	if name != "" && name != "all" {
		scs = nil
		for _, n := range strings.Split(name, ",") {
			sc, err := drill.ScenarioByName(strings.TrimSpace(n))
			if err != nil {
				return err
			}
			scs = append(scs, sc)
		}
	}
	var rows []drill.Row
	var err error
	if o.URL != "" {
		// Against a server: one scenario, on the server's fresh store.
		if len(scs) != 1 {
			return errors.New("with --url, one --scenario at a time: each needs a server on a fresh store")
		}
		var r drill.Row
		r, err = drill.RunRemoteScenario(ctx, o, scs[0])
		rows = []drill.Row{r}
	} else {
		rows, err = drill.RunScenarios(ctx, o, scs)
	}
	if err != nil {
		return err
	}
	var fails []string
	for _, r := range rows {
		if err := r.Check(); err != nil {
			fails = append(fails, oneLine(err.Error()))
		}
	}
	if asJSON {
		b, _ := json.MarshalIndent(map[string]any{"scenarios": rows, "targets_met": len(fails) == 0}, "", "  ")
		fmt.Fprintln(env.Stdout, string(b))
	} else {
		printScenarios(env, rows)
	}
	if len(fails) > 0 {
		fmt.Fprintf(env.Stderr, "bouclier drill: objectifs non atteints : %s\n", strings.Join(fails, " ; "))
		return exitCode(3)
	}
	return nil
}

// printScenarios prints the scenarios' table.
func printScenarios(env Env, rows []drill.Row) {
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "scénario\ttype\tmessages\tcopies\tvisibles\t%\trestantes\tvague à (s)\tdélai (s)\tincidents\tpirates bloqués\tlégitimes retenus\tretirés\tbloqués\tordinaires retenus\t")
	for _, r := range rows {
		kind := "légitime"
		if r.Attack {
			kind = "attaque"
		}
		if r.Tuned {
			kind += "*"
		}
		if r.VisibleUpTo > 0 {
			kind += "†"
		}
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\t%.1f\t%d\t%.1f\t%.1f\t%d\t%d\t%d\t%d\t%d\t%d\t\n", r.Scenario, kind, r.Messages, r.Copies, r.CopiesVisible,
			r.VisiblePercent, r.CopiesLeft, r.WaveSeconds, r.ActSeconds, r.Incidents, r.AttackerLocked, r.LegitHeld, r.LegitRecalled, r.LegitLocked, r.OrdinaryHeld)
	}
	_ = w.Flush()
	fmt.Fprintln(env.Stdout, "* : scénario sur lequel les seuils ont été réglés. « vague à » : secondes entre le premier message de l’attaque et celui qui en fait une vague (troisième expéditeur d’un deuxième établissement, ou premier message d’un expéditeur seul) ; « délai » : secondes entre ce moment et celui où plus aucune copie n’est visible.")
	for _, r := range rows {
		if r.VisibleUpTo > 0 {
			fmt.Fprintln(env.Stdout, "†\u00a0: vague dont les premières copies, avant qu’elle en soit une, ne se distinguent pas du courrier ordinaire\u00a0: objectif de copies visibles porté à "+
				strconv.FormatFloat(r.VisibleUpTo, 'f', -1, 64)+"\u00a0% ("+r.Scenario+").")
		}
	}
}
