package tm

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportChild is the child process of TestKilledImport: it imports a
// file and reports progress on stdout until it is killed.
func TestImportChild(t *testing.T) {
	db, file := os.Getenv("BITEXT_TM_CHILD_DB"), os.Getenv("BITEXT_TM_CHILD_FILE")
	if db == "" || file == "" {
		t.Skip("only run as the child of TestKilledImport")
	}
	ctx := context.Background()
	m, err := Open(ctx, db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = m.ImportFile(ctx, file, ImportOptions{Progress: func(n int) { fmt.Printf("stored %d\n", n) }})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("done")
}

// TestKilledImport kills a process in the middle of an import and checks
// that the memory is exactly as it was before, sound, and still usable.
func TestKilledImport(t *testing.T) {
	if os.Getenv("BITEXT_TM_CHILD_DB") != "" {
		t.Skip("in the child")
	}
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "memory.db")
	file := filepath.Join(dir, "big.tmx")
	pairs := []pair{{"جملة عربية قصيرة للاختبار هنا", "a short Arabic test sentence here"},
		{"وقال المتحدث باسم الحكومة إن الاجتماع انتهى", "the government spokesman said the meeting was over"}}
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	writeSynthTMX(t, f, &numbered{pairs: pairs}, 40000)
	f.Close()

	m, err := Open(ctx, db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Add(ctx, []Entry{{SourceLang: "ar", TargetLang: "en", Source: "قبل الاستيراد", Target: "before the import"}}); err != nil {
		t.Fatal(err)
	}
	m.Close()

	for _, killAt := range []string{"stored 1000", "stored 9000"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "BITEXT_TM_CHILD_DB="+db, "BITEXT_TM_CHILD_FILE="+file)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		killed := false
		for sc.Scan() {
			if sc.Text() == killAt {
				cmd.Process.Kill()
				killed = true
				break
			}
			if strings.HasPrefix(sc.Text(), "done") {
				break
			}
		}
		cmd.Wait()
		if !killed {
			t.Fatalf("the child finished before %q", killAt)
		}
		m, err := Open(ctx, db, Options{})
		if err != nil {
			t.Fatalf("after kill at %q: %v", killAt, err)
		}
		if n := count(t, m); n != 1 {
			t.Errorf("after kill at %q: %d entries, want the 1 from before", killAt, n)
		}
		if got, _ := m.Exact(ctx, "ar", "en", "قبل الاستيراد"); len(got) != 1 {
			t.Errorf("after kill at %q: the old entry is gone", killAt)
		}
		checkIntegrity(t, m)
		m.Close()
	}
}
