//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"
	"testing"
	"time"
)

// A run started with SIGINT ignored (`bitext translate … &` in a script)
// is not stopped by a Ctrl-C meant for the script's foreground command;
// SIGTERM still stops it.
func TestIgnoredInterruptStaysIgnored(t *testing.T) {
	signal.Ignore(os.Interrupt)
	defer signal.Reset(os.Interrupt)
	ctx, stop := signalContext()
	defer stop()
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	select {
	case <-ctx.Done():
		t.Fatal("a SIGINT the process was started ignoring stopped the run")
	case <-time.After(300 * time.Millisecond):
	}
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {
	case <-ctx.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("SIGTERM did not stop the run")
	}
}
