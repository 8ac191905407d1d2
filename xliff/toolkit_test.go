package xliff

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// ttEdit is what an editor does in a Translate Toolkit based tool (Pootle,
// Virtaal, Weblate's XLIFF store): rewrite one target and approve it, extend
// another. The toolkit saves the whole file its own way.
const ttEdit = `
import sys
sys.path.append("/usr/lib/python3/dist-packages")
from translate.storage import xliff
s = xliff.xlifffile.parsefile(open(sys.argv[1], "rb"))
units = [u for u in s.units if not u.isheader() and u.target]
units[0].target = "The editor rewrote this sentence."
units[0].markapproved(True)
units[1].target = units[1].target + " Added."
s.savefile(sys.argv[2])
`

func TestTranslateToolkitEdit(t *testing.T) {
	python := "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		t.Skip("no /usr/bin/python3: Translate Toolkit cannot run")
	}
	if err := exec.Command(python, "-c", "import sys; sys.path.append('/usr/lib/python3/dist-packages'); import translate.storage.xliff").Run(); err != nil {
		t.Skip("Translate Toolkit is not installed (apt-get install translate-toolkit)")
	}
	b := sampleBitext(t)
	dir := t.TempDir()
	in := writeSample(t, dir, "article.xlf", b, func(w *bytes.Buffer) error { return Write12(w, b, Options{Created: fixedTime}) })
	out := filepath.Join(dir, "saved.xlf")
	if msg, err := exec.Command(python, "-c", ttEdit, in, out).CombinedOutput(); err != nil {
		t.Fatalf("Translate Toolkit: %v\n%s", err, msg)
	}
	verdict, log, ok := runTool(t, "xliff-check", out)
	t.Log(verdict)
	if !ok {
		t.Fatalf("xliff-check on the toolkit's file:\n%s", log)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Read(bytes.NewReader(data), "saved.xlf")
	if err != nil {
		t.Fatal(err)
	}
	rv, err := f.Resolve(ResolveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var edited []ReviewedUnit
	for _, u := range rv.Units {
		if u.Edited {
			edited = append(edited, u)
		}
	}
	if len(edited) != 2 || edited[0].Target != "The editor rewrote this sentence." || !edited[0].Approved {
		t.Fatalf("edited units: %+v", edited)
	}
}
