package textfile

import (
	"bufio"
	"bytes"
	"io"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// UTF8Reader returns the text of r as UTF-8 without a byte order mark: a
// UTF-8 BOM is dropped, and UTF-16 that starts with a BOM (as Windows CAT
// tools save XML) is decoded. Anything else is passed on as it is, for the
// caller to check. Line breaks are kept, so that line numbers counted in the
// result are the file's own; errors of r come through.
func UTF8Reader(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte("\uFEFF")):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		// The BOM says the byte order; the decoder drops it.
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	}
	return br
}
