package glossary

import (
	"strings"
	"testing"
)

// A quote left open swallows the rows after it: the error names the row where
// it starts, not only the far line where csv noticed.
func TestReadCSVOpenQuoteNamesItsRow(t *testing.T) {
	src := "ar,en\nبوتين,Putin\n\"موسكو,Moscow\nلندن,London\nباريس,Paris\n"
	_, err := ReadFormat(strings.NewReader(src), "b.csv", "csv")
	if err == nil || !strings.HasPrefix(err.Error(), "b.csv:3: ") || !strings.Contains(err.Error(), "quote") {
		t.Errorf("error %v, want b.csv:3 and a word about the open quote", err)
	}
	_, err = ReadFormat(strings.NewReader("ar,en\nبوتين,Pu\"tin\n"), "c.csv", "csv")
	if err == nil || !strings.HasPrefix(err.Error(), "c.csv:2:") {
		t.Errorf("error %v, want c.csv:2:column", err)
	}
}
