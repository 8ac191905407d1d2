// Package textfile reads the text files bitext is given and says clearly why
// one cannot be used.
package textfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// ErrEmpty is returned (wrapped) for a file with nothing but white space.
var ErrEmpty = errors.New("nothing to translate: the file is empty or only white space")

// Read returns the contents of path ("-" reads stdin) as a string, checking
// that it is UTF-8 text.
func Read(path string, stdin io.Reader) (string, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(stdin)
		path = "standard input"
	} else {
		var fi os.FileInfo
		if fi, err = os.Stat(path); err == nil && fi.IsDir() {
			return "", fmt.Errorf("%s: is a directory, not a text file", path)
		}
		data, err = os.ReadFile(path)
	}
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("%s: no such file", path)
		}
		return "", err
	}
	if err := CheckUTF8(path, data); err != nil {
		return "", err
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		// A NUL is no text: a binary file, a UTF-16 file without its byte
		// order mark, or damage. Read past, it would split words unseen.
		line := bytes.Count(data[:i], []byte("\n")) + 1
		col := utf8.RuneCount(data[bytes.LastIndexByte(data[:i], '\n')+1:i]) + 1
		return "", fmt.Errorf("%s:%d:%d: a NUL byte: the file is not plain text (binary, or UTF-16 without a byte order mark?)", path, line, col)
	}
	return string(data), nil
}

// CheckUTF8 returns an error naming the first invalid byte's position and the
// encoding the data most likely is in.
func CheckUTF8(name string, data []byte) error {
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		return fmt.Errorf("%s: the file is UTF-16; save it as UTF-8: iconv -f UTF-16 -t UTF-8%s", name, iconvFiles(name))
	}
	if utf8.Valid(data) {
		return nil
	}
	off := 0
	for off < len(data) {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	line := strings.Count(string(data[:off]), "\n") + 1
	return fmt.Errorf("%s:%d: not UTF-8 text (byte 0x%02X at offset %d); %s", name, line, data[off], off, guessEncoding(name, data))
}

// guessEncoding names the legacy encoding non-UTF-8 data is most likely in.
func guessEncoding(name string, data []byte) string {
	if LooksLikeWindows1256(data) {
		return "it looks like Windows-1256 (Arabic); convert it with: iconv -f CP1256 -t UTF-8" + iconvFiles(name)
	}
	return "it looks like a legacy 8-bit encoding (Latin-1 or Windows-1252?); convert it to UTF-8 first"
}

// LooksLikeWindows1256 reports whether data, text that is not UTF-8, is most
// likely Arabic in Windows-1256, as Excel saves "CSV" on a Windows machine
// with an Arabic locale. Only the bytes above ASCII count: the English half
// of a bilingual file (a glossary's renderings) must not hide its Arabic.
func LooksLikeWindows1256(data []byte) bool {
	high, arabic, inRuns := 0, 0, 0
	for i, c := range data {
		if c < 0x80 {
			continue
		}
		high++
		// Windows-1256 puts the Arabic letters at 0xC1–0xFE (ISO-8859-6 too, minus a few).
		if c >= 0xC1 && c <= 0xFE {
			arabic++
		}
		if i > 0 && data[i-1] >= 0x80 || i+1 < len(data) && data[i+1] >= 0x80 {
			inRuns++
		}
	}
	// Arabic words are runs of high bytes; Latin-1 accents stand alone among ASCII letters.
	return high > 0 && arabic*10 >= high*7 && inRuns*2 >= high
}

// iconvFiles is the input and output of the iconv command that converts the
// file name, or nothing for standard input.
func iconvFiles(name string) string {
	if name == "standard input" || name == "stdin" {
		return ""
	}
	return " " + shellWord(name) + " > " + shellWord(utf8Name(name))
}

// utf8Name is the name suggested for the UTF-8 copy of name: article.txt
// becomes article.utf8.txt.
func utf8Name(name string) string {
	ext := filepath.Ext(name)
	return strings.TrimSuffix(name, ext) + ".utf8" + ext
}

// shellWord quotes name for a shell command line when it needs it.
func shellWord(name string) string {
	if name != "" && strings.Trim(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/+,:@") == "" {
		return name
	}
	return "'" + strings.ReplaceAll(name, "'", `'\''`) + "'"
}
