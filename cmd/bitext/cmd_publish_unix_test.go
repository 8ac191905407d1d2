//go:build unix

package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The article a reviewed file names (its original) comes from whoever sent
// the file: publish reads it only when it is a regular file, never a pipe or
// a device (/dev/zero would fill the memory, a pipe wait for ever).
func TestPublishReadsOnlyARegularArticle(t *testing.T) {
	privateMemory(t)
	dir := sampleDir(t)
	if r := runBitext(t, dir, "", "translate", "-q", "--engine", "gist", "--format", "xliff", filepath.Join(dir, "article.txt")); r.code != 0 {
		t.Fatalf("translate: exit %d: %s", r.code, r.stderr)
	}
	pipe := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	xlf := filepath.Join(dir, "article.xlf")
	data, err := os.ReadFile(xlf)
	if err != nil {
		t.Fatal(err)
	}
	abs := filepath.Join(dir, "article.txt")
	if !strings.Contains(string(data), `"`+abs+`"`) {
		t.Fatalf("the file does not name %s", abs)
	}
	if err := os.WriteFile(xlf, []byte(strings.ReplaceAll(string(data), `"`+abs+`"`, `"`+pipe+`"`)), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan result, 1)
	go func() {
		done <- runBitext(t, "", "", "publish", "--no-tm", "--allow-gist", "-o", filepath.Join(dir, "page.html"), xlf)
	}()
	select {
	case r := <-done:
		if r.code != 0 || !strings.Contains(r.stderr, "not found") {
			t.Errorf("publish: exit %d, stderr %q; want the page, and a warning that the article was not found", r.code, r.stderr)
		}
	case <-time.After(20 * time.Second):
		if f, err := os.OpenFile(pipe, os.O_WRONLY, 0); err == nil {
			f.Close() // let the stuck reader go
		}
		t.Fatal("publish is reading the pipe the file names as its article")
	}
}

// An output that is a pipe (a FIFO, /dev/stdout piped to another program)
// is written to, not read first for an editor's work: reading it waited for
// ever.
func TestTranslateWritesIntoAPipe(t *testing.T) {
	privateMemory(t)
	dir := sampleDir(t)
	pipe := filepath.Join(dir, "out.json")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan []byte, 1)
	go func() {
		f, err := os.Open(pipe) // waits for the writer
		if err != nil {
			got <- nil
			return
		}
		data, _ := io.ReadAll(f)
		f.Close()
		got <- data
	}()
	done := make(chan result, 1)
	go func() {
		done <- runBitext(t, dir, "", "translate", "-q", "--format", "json", "-o", pipe, "article.txt")
	}()
	select {
	case r := <-done:
		if data := <-got; r.code != 0 || !strings.Contains(string(data), `"units"`) {
			t.Errorf("exit %d, %s; the pipe got %.80q", r.code, r.stderr, data)
		}
	case <-time.After(20 * time.Second):
		if f, err := os.OpenFile(pipe, os.O_WRONLY, 0); err == nil {
			f.Close() // let the stuck readers go
		}
		t.Fatal("translate is reading the pipe it is to write to")
	}
}
