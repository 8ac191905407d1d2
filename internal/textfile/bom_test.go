package textfile

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestUTF8Reader(t *testing.T) {
	const text = "<a>\r\nمرحبا 𝒳\n</a>"
	utf16 := func(bom []byte, be bool) string {
		out := append([]byte{}, bom...)
		for _, r := range text {
			var units []rune
			if r >= 0x10000 {
				r -= 0x10000
				units = []rune{0xD800 + r>>10, 0xDC00 + r&0x3FF}
			} else {
				units = []rune{r}
			}
			for _, u := range units {
				if be {
					out = append(out, byte(u>>8), byte(u))
				} else {
					out = append(out, byte(u), byte(u>>8))
				}
			}
		}
		return string(out)
	}
	for _, tc := range []struct{ name, in, want string }{
		{"UTF-8", text, text},
		{"UTF-8 BOM", "\uFEFF" + text, text},
		{"UTF-16LE", utf16([]byte{0xFF, 0xFE}, false), text},
		{"UTF-16BE", utf16([]byte{0xFE, 0xFF}, true), text},
		{"not UTF-8", "caf\xe9", "caf\xe9"}, // left for the caller to refuse
		{"empty", "", ""},
		{"a BOM alone", "\uFEFF", ""},
	} {
		got, err := io.ReadAll(UTF8Reader(strings.NewReader(tc.in)))
		if err != nil || string(got) != tc.want {
			t.Errorf("%s: got %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
	boom := errors.New("boom")
	in := io.MultiReader(strings.NewReader(utf16([]byte{0xFF, 0xFE}, false)), iotest.ErrReader(boom))
	if _, err := io.ReadAll(UTF8Reader(in)); !errors.Is(err, boom) {
		t.Errorf("read error %v, want the reader's", err)
	}
}
