package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/crosscheck/crosscheck/internal/nlp"
)

// version is the release version, set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

type versionCmd struct{}

func (*versionCmd) Name() string { return "version" }
func (*versionCmd) Synopsis() string {
	return "print the version of crosscheck and its analysis pipeline"
}

func (*versionCmd) Run(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("version", "Usage: crosscheck version")
	if err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "crosscheck %s (analysis %s, %s)\n", version, nlp.Version, runtime.Version())
	return nil
}
