package textfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("مرحبا\n"))
	if got, err := Read(good, nil); err != nil || got != "مرحبا\n" {
		t.Errorf("Read(good) = %q, %v", got, err)
	}
	if got, err := Read("-", strings.NewReader("من الإدخال")); err != nil || got != "من الإدخال" {
		t.Errorf("Read(-) = %q, %v", got, err)
	}
	cases := []struct {
		path string
		want []string
	}{
		{write("cp1256.txt", []byte("ok\n\xc7\xe1\xd1\xc6\xed\xd3\n")), []string{"cp1256.txt:2", "offset 3", "Windows-1256"}},
		{write("latin1.txt", []byte("caf\xe9 cr\xe8me\n")), []string{"latin1.txt:1", "Latin-1"}},
		// A glossary has more English letters than Arabic ones.
		{write("names.csv", []byte("\xcf\xe3\xd4\xde,Damascus\r\n\xcd\xe1\xc8,Aleppo, the second city of Syria\r\n")), []string{"names.csv:1", "Windows-1256"}},
		{write("utf16.txt", []byte{0xFE, 0xFF, 0x06, 0x27}), []string{"UTF-16"}},
		{filepath.Join(dir, "missing.txt"), []string{"missing.txt", "no such file"}},
		{dir, []string{"directory"}},
	}
	for _, tc := range cases {
		_, err := Read(tc.path, nil)
		if err == nil {
			t.Errorf("Read(%s): no error", tc.path)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Read(%s) error %q lacks %q", tc.path, err, w)
			}
		}
	}
}

func FuzzCheckUTF8(f *testing.F) {
	f.Add([]byte("مرحبا"))
	f.Add([]byte{0xC7, 0xE1})
	f.Fuzz(func(t *testing.T, data []byte) {
		err := CheckUTF8("f", data)
		valid := !(len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF))
		if (err == nil) != (valid && isUTF8(data)) {
			t.Errorf("CheckUTF8(%q) = %v", data, err)
		}
	})
}

func isUTF8(b []byte) bool { return strings.ToValidUTF8(string(b), "\uFFFD") == string(b) }

func TestReadRefusesNUL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(path, []byte("سطر أول\nال\x00بيت الأبيض\n"), 0o644)
	_, err := Read(path, nil)
	if err == nil || !strings.Contains(err.Error(), "a.txt:2:3: a NUL byte") {
		t.Errorf("error %v, want the NUL's line and column", err)
	}
}

// The conversion command names the file and a new name for its UTF-8 copy.
func TestWindows1256CommandNamesTheFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "my article.txt")
	os.WriteFile(path, []byte{0xc7, 0xe1, 0xd1, 0xc6, 0xed, 0xd3, ' ', 0xe1, 0xe3, '\n'}, 0o644)
	_, err := Read(path, nil)
	want := "iconv -f CP1256 -t UTF-8 '" + path + "' > '" + strings.TrimSuffix(path, ".txt") + ".utf8.txt'"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v\nwant %s", err, want)
	}
}
