// Command bouclier is the Bouclier school messaging service: the server,
// its demo, and the tools around it (screen, policy, audit, import).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"

	"github.com/bouclier/bouclier/internal/pdfpreview"
)

func main() {
	// The runtime wants the rate set once, first thing.
	runtime.MemProfileRate = memProfileRate(os.Getenv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(Main(ctx, os.Args[1:], Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}))
}

// Env is the outside world of one run, so that tests can run commands in
// process.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// Ready, if set, is called with the listening address once a server is up.
	Ready func(addr string)
}

type command struct {
	name  string
	usage string
	run   func(ctx context.Context, args []string, env Env) error
}

var commands []command

func init() {
	commands = []command{
		{"demo", "create the demo directory and serve it", runDemo},
		{"serve", "run the production server", runServe},
		{"screen", "screen JSON-lines messages from stdin", runScreen},
		{"policy", "explain the messaging rules for a user (policy explain)", runPolicy},
		{"audit", "check the audit trail (audit verify)", runAudit},
		{"import", "import the directory from CSV files or AAF exports", runImport},
		{"drill", "replay a March-2024-like wave and measure its containment", runDrill},
	}
}

// errUsage asks Main to print the usage; flag errors are already printed.
var errUsage = errors.New("usage")

// Main runs one command and returns the exit code.
func Main(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	// The server's PDF previews run `bouclier pdf-render` (not listed:
	// only the server starts it, with the file on stdin).
	if code, isChild := pdfpreview.ServeChild(args, env.Stdin, env.Stdout, env.Stderr); isChild {
		return code
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], env)
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		default:
			var ec exitCode
			if errors.As(err, &ec) {
				return int(ec)
			}
			fmt.Fprintf(env.Stderr, "bouclier %s: %s\n", c.name, oneLine(err.Error()))
			return 1
		}
	}
	fmt.Fprintf(env.Stderr, "bouclier: unknown command %q (try bouclier --help)\n", args[0])
	return 2
}

// exitCode ends a command with a code and nothing more to print.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit %d", int(e)) }

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: bouclier COMMAND [flags]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.usage)
	}
	fmt.Fprintln(w, "\nRun 'bouclier COMMAND --help' for a command's flags.")
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name, synopsis string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet("bouclier "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: bouclier %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; a bad flag is one line on stderr and errUsage.
func parse(fs *flag.FlagSet, args []string) error {
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {} // the flag package prints it on any error; we want one line
	err := fs.Parse(args)
	fs.SetOutput(out)
	fs.Usage = usage
	if errors.Is(err, flag.ErrHelp) {
		fs.Usage()
		return flag.ErrHelp
	}
	if err != nil {
		return err
	}
	if fs.NArg() > 0 && fs.Name() != "bouclier import" {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return nil
}

func newLogger(w io.Writer, format, level string) *slog.Logger {
	var lv slog.Level
	_ = lv.UnmarshalText([]byte(level))
	opts := &slog.HandlerOptions{Level: lv}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
