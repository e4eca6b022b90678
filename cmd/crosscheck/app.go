package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// errHelp is returned when the user asked for help; main exits 0.
var errHelp = errors.New("help requested")

// usageError is a mistake in the command line; main prints a "Try:" hint.
type usageError struct {
	cmd string
	err error
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// exitError carries a specific exit status (e.g. 1 when some inputs failed).
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// command is one subcommand: it owns its flags and runs with the rest of the arguments.
type command interface {
	// Name is the subcommand's name.
	Name() string
	// Synopsis is one line for the command list.
	Synopsis() string
	// Run parses args and does the work.
	Run(ctx context.Context, m *Main, args []string) error
}

// Main holds what every subcommand shares: standard streams and global options.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// DB is the global --db value (also CROSSCHECK_DB).
	DB       string
	commands []command
}

// NewMain returns a Main wired to the process's streams.
func NewMain() *Main {
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	m.commands = allCommands()
	return m
}

// defaultDB is the database used when neither --db nor CROSSCHECK_DB is set.
const defaultDB = "crosscheck.db"

// Run parses global flags and dispatches to the subcommand.
func (m *Main) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("crosscheck", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	envDB := os.Getenv("CROSSCHECK_DB")
	if envDB == "" {
		envDB = defaultDB
	}
	fs.StringVar(&m.DB, "db", envDB, "database: a SQLite file, :memory:, or postgres://…")
	fs.Usage = func() { m.usage(fs) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return &usageError{cmd: "", err: err}
	}
	rest := fs.Args()
	if len(rest) == 0 {
		m.usage(fs)
		return &usageError{err: errors.New("no command given")}
	}
	name := rest[0]
	if name == "help" {
		if len(rest) > 1 {
			if c := m.lookup(rest[1]); c != nil {
				return c.Run(ctx, m, []string{"-h"})
			}
		}
		m.usage(fs)
		return nil
	}
	c := m.lookup(name)
	if c == nil {
		return &usageError{err: fmt.Errorf("unknown command %q (run 'crosscheck -h' for the list)", name)}
	}
	err := c.Run(ctx, m, rest[1:])
	if errors.Is(err, flag.ErrHelp) {
		return errHelp
	}
	return err
}

func (m *Main) lookup(name string) command {
	for _, c := range m.commands {
		if c.Name() == name {
			return c
		}
	}
	return nil
}

func (m *Main) usage(fs *flag.FlagSet) {
	w := m.Stderr
	fmt.Fprint(w, `crosscheck: who reports what, according to whom, and who disagrees.

Usage:
  crosscheck [--db DB] COMMAND [flags] [args]

The main job:
  crosscheck analyze ../articles/        ingest, analyse, group into stories, print the cross-source report

Commands:
`)
	cmds := append([]command(nil), m.commands...)
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].Name() < cmds[j].Name() })
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-10s %s\n", c.Name(), c.Synopsis())
	}
	fmt.Fprint(w, `
Global flags:
`)
	fs.PrintDefaults()
	fmt.Fprint(w, `
Run 'crosscheck COMMAND -h' for a command's flags and examples.
`)
}

// newFlagSet returns a FlagSet for a subcommand whose -h prints usage text
// followed by the flags.
func (m *Main) newFlagSet(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, strings.TrimSpace(usage))
		fmt.Fprintln(m.Stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	// Every subcommand also accepts --db after its name.
	fs.StringVar(&m.DB, "db", m.DB, "database: a SQLite file, :memory:, or postgres://…")
	return fs
}

// parse parses a subcommand's flags, turning errors into usage errors.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return &usageError{cmd: fs.Name(), err: err}
	}
	return nil
}
