package main

import (
	"fmt"
	"io"
	"os"
)

// maxInputBytes bounds a file bitext reads whole that may come from outside
// (a reviewed XLIFF, JSON to convert, a partner's glossary): the XLIFF
// reader's own limit.
const maxInputBytes = 64 << 20

// readInput reads the file at path ("-": stdin, unless stdin is nil) whole, but stops past
// maxInputBytes: a huge file, or an endless one (/dev/zero), would take the
// machine's memory before any reader could refuse it.
func readInput(path string, stdin io.Reader) ([]byte, error) {
	r, name := stdin, "standard input"
	if path != "-" || stdin == nil {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r, name = f, path
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > maxInputBytes {
			return nil, tooLarge(name)
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, maxInputBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxInputBytes {
		return nil, tooLarge(name)
	}
	return data, nil
}

func tooLarge(name string) error {
	return fmt.Errorf("%s: larger than %d MiB, more than bitext reads", name, maxInputBytes>>20)
}
