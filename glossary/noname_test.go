package glossary

import "testing"

// A glossary parsed from bytes may have no name; its errors then say
// "line N" rather than starting with a bare colon.
func TestErrorWithoutName(t *testing.T) {
	_, err := Parse("", []byte("terms:\n  - ar: موسكو\n    en: Moscow\n  - ar: موسكو\n    en: Moskva\n"))
	if err == nil || err.Error() != `line 4: duplicate term "موسكو" (first at line 2)` {
		t.Errorf("err = %q", err)
	}
	if got := (&Error{Err: ErrNotFound}).Error(); got != ErrNotFound.Error() {
		t.Errorf("no name, no line: %q", got)
	}
}
