// Command crosscheck reads the news the way a careful editor does: it ingests
// dated articles from many outlets, groups them into stories, extracts every
// claim with who it is attributed to, and reports what is corroborated,
// disputed, denied or left unanswered, with each finding traced to its sentence.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := NewMain().Run(ctx, os.Args[1:])
	stop()
	if err == nil {
		return
	}
	var ue *usageError
	var ee *exitError
	switch {
	case errors.Is(err, errHelp):
		return
	case errors.As(err, &ue):
		fmt.Fprintf(os.Stderr, "crosscheck: %v\nTry: crosscheck %s -h\n", ue.err, ue.cmd)
		os.Exit(2)
	case errors.As(err, &ee):
		if ee.msg != "" {
			fmt.Fprintln(os.Stderr, "crosscheck:", ee.msg)
		}
		os.Exit(ee.code)
	default:
		fmt.Fprintln(os.Stderr, "crosscheck:", err)
		os.Exit(1)
	}
}
