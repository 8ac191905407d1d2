package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"bitext/doc"
	"bitext/internal/atomicfile"
	"bitext/xliff"
)

// "xliff" (1.2) is in output.go's table; XLIFF 2.1 and TMX are added here.
func init() {
	outputFormats["xliff2"] = outputFormat{".xlf", func(w io.Writer, b *doc.Bitext) error {
		return xliff.Write21(w, b, xliff.Options{ToolVersion: version})
	}}
	outputFormats["tmx"] = outputFormat{".tmx", func(w io.Writer, b *doc.Bitext) error {
		_, err := xliff.WriteTMX(w, b, xliff.Options{ToolVersion: version}, isTranslation)
		return err
	}}
}

// isTranslation keeps the units whose target is a translation for a TMX: a
// word-by-word gist never goes into a translation memory.
func isTranslation(u *doc.Unit) bool {
	switch u.State {
	case doc.StateMachine, doc.StateMemory, doc.StateReviewed, doc.StateFinal:
		return u.Kind != doc.Boilerplate
	}
	return false
}

// flavourFlag is the --flavour flag of the commands that write XLIFF.
func flavourFlag() cli.Flag {
	return &cli.StringFlag{Name: "flavour", Usage: "XLIFF flavour: standard, or omegat (OmegaT 3.6: the source is copied into every <target> and the machine drafts go to a TMX next to the file)"}
}

// checkFlavour refuses flavour and format combinations that cannot be written,
// before any work is done.
func checkFlavour(format, flavour, output string) error {
	fl, err := xliff.ParseFlavour(flavour)
	if err != nil {
		return usagef("%v", err)
	}
	if fl == xliff.OmegaT {
		if format != "xliff" {
			return usagef("--flavour omegat needs --format xliff (OmegaT 3.6 reads XLIFF 1.2 only)")
		}
		if output == "-" {
			return usagef("--flavour omegat writes a TMX next to the XLIFF file: give an output file with -o")
		}
	}
	return nil
}

// companionTMX is the TMX written next to an omegat-flavour file.
func companionTMX(output string) string {
	return strings.TrimSuffix(output, filepath.Ext(output)) + ".tmx"
}

// omegatTMX is the TMX an omegat-flavour XLIFF file was written with.
type omegatTMX struct {
	path  string
	pairs int  // pairs written: machine and memory drafts, and the translations below
	kept  int  // translations an editor's file gave (reviewed or final), written too
	gist  bool // some drafts were a word-by-word gist, left out
}

// printOmegatTMX says on stderr where the drafts for OmegaT went, and why
// the file holds none when it does.
func printOmegatTMX(e *env, t *omegatTMX) {
	if t == nil {
		return
	}
	switch {
	case t.kept > 0:
		fmt.Fprintf(e.stderr, "bitext: wrote %s (%s and %s kept from the earlier file, for the OmegaT project's tm/ folder)\n",
			t.path, count(t.pairs-t.kept, "machine draft", "machine drafts"), count(t.kept, "translation", "translations"))
	case t.pairs > 0 && t.gist:
		fmt.Fprintf(e.stderr, "bitext: wrote %s (%s for the OmegaT project's tm/ folder; a word-by-word gist never goes into a TMX)\n", t.path, count(t.pairs, "machine draft", "machine drafts"))
	case t.pairs > 0:
		fmt.Fprintf(e.stderr, "bitext: wrote %s (%s for the OmegaT project's tm/ folder)\n", t.path, count(t.pairs, "machine draft", "machine drafts"))
	case t.gist:
		fmt.Fprintf(e.stderr, "bitext: wrote %s with no pairs: the drafts are a word-by-word gist, which never goes into a TMX; OmegaT has no matches to offer\n", t.path)
	default:
		fmt.Fprintf(e.stderr, "bitext: wrote %s with no pairs: there are no machine drafts; OmegaT has no matches to offer\n", t.path)
	}
}

// writeBitext writes b to path ("-" for stdout). The XLIFF formats (named by
// format) are written with the flavour, and characters they had to drop are
// reported on stderr, as is the replacing of an XLIFF file of the other
// version; the omegat flavour also writes the machine drafts as a TMX next to
// the file, and says what it wrote there. Other formats are written with f
// through writeOutput.
func writeBitext(e *env, path, format, flavour string, f outputFormat, b *doc.Bitext) (*omegatTMX, error) {
	if err := checkFlavour(format, flavour, path); err != nil {
		return nil, err
	}
	fl, _ := xliff.ParseFlavour(flavour)
	opts := xliff.Options{Flavour: fl, ToolVersion: version, Warn: func(msg string) {
		fmt.Fprintf(e.stderr, "bitext: warning: %s\n", msg)
	}}
	var write func(w io.Writer) error
	version, other := "", ""
	switch format {
	case "xliff":
		write = func(w io.Writer) error { return xliff.Write12(w, b, opts) }
		version, other = "1.2", "2"
	case "xliff2":
		write = func(w io.Writer) error { return xliff.Write21(w, b, opts) }
		version, other = "2.1", "1"
	default:
		return nil, writeOutput(e, path, f, b)
	}
	// Both versions are written as .xlf: say so when one replaces the other.
	replaces := path != "-" && xliffMajorOf(path) == other
	if err := writeFile(e, path, write); err != nil {
		return nil, err
	}
	if replaces {
		was, wasFormat, again := "1.2", "xliff", "1.2"
		if other == "2" {
			was, wasFormat, again = "2", "xliff2", "2.1"
		}
		fmt.Fprintf(e.stderr, "bitext: warning: replaced %s, an XLIFF %s file, with XLIFF %s (--format %s): a CAT tool set up for the earlier file may not read it; --format %s writes XLIFF %s again, -o another name keeps both\n",
			path, was, version, format, wasFormat, again)
	}
	if fl != xliff.OmegaT {
		return nil, nil
	}
	// Written also when it holds no pairs: it replaces the drafts an earlier
	// run left in the file the OmegaT project may be set up to read.
	t := &omegatTMX{path: companionTMX(path), gist: hasGist(b)}
	err := writeFile(e, t.path, func(w io.Writer) (err error) {
		// Every target is a copy of the source: the translations an
		// editor's file gave go here with the drafts, or they are lost.
		t.pairs, err = xliff.WriteTMX(w, b, opts, func(u *doc.Unit) bool {
			if u.State == doc.StateReviewed || u.State == doc.StateFinal {
				t.kept++
			}
			return true
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// writeFile fills path atomically, or writes to stdout for "-".
func writeFile(e *env, path string, fill func(w io.Writer) error) error {
	if path == "-" {
		var buf bytes.Buffer // whole output or nothing, as for files
		if err := fill(&buf); err != nil {
			return err
		}
		_, err := e.stdout.Write(buf.Bytes())
		return err
	}
	if err := atomicfile.Write(path, fill); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// backupSuffix ends the name of the copy keepCopy makes: a name no CAT tool
// or "*.xlf" takes for a file to work on.
const backupSuffix = ".bak"

// keepCopy writes data, what the editor's file at path held when it was read,
// to path+".bak" (atomically, replacing an earlier copy) before an update
// replaces the file, so that the translations of deleted units are not
// lost; it returns the copy's name.
func keepCopy(e *env, path string, data []byte) (string, error) {
	backup := path + backupSuffix
	err := writeFile(e, backup, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("%s is not replaced: no copy of it could be kept (%w)", path, err)
	}
	return backup, nil
}

// sameFile reports whether two paths name one existing file (also through
// links); a path that names no file is the same as nothing.
func sameFile(a, b string) bool {
	if a == "-" || b == "-" {
		return false
	}
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	if err1 != nil || err2 != nil {
		return false
	}
	return os.SameFile(fa, fb)
}
