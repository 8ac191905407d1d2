package glossary

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"bitext/internal/testenv"
)

func TestParse(t *testing.T) {
	src := `# names
terms:
  - ar: فلاديمير بوتين
    en: Vladimir Putin
    variants: [فلاديمير پوتين, "فلادیمیر بوتين"]
    type: person
    note: President of Russia, since 2000
  - ar: عمان
    en: Amman
    type: place
    context: [الأردن, الأردنية]
  - ar: 'عُمان'
    en: Oman
    context:
      - مسقط
  - ar: الجزيرة
    translate: false
  - ar: الأمن
    en: Security Service
    always: true
`
	g, err := Parse("g.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f := false
	want := []*Entry{
		{Ar: "فلاديمير بوتين", En: "Vladimir Putin", Variants: []string{"فلاديمير پوتين", "فلادیمیر بوتين"}, Type: "person", Note: "President of Russia, since 2000", Line: 3},
		{Ar: "عمان", En: "Amman", Type: "place", Context: []string{"الأردن", "الأردنية"}, Line: 8},
		{Ar: "عُمان", En: "Oman", Context: []string{"مسقط"}, Line: 12},
		{Ar: "الجزيرة", Translate: &f, Line: 16},
		{Ar: "الأمن", En: "Security Service", Always: true, Line: 18},
	}
	if !reflect.DeepEqual(g.Entries, want) {
		for i, e := range g.Entries {
			t.Errorf("entry %d: %+v", i, *e)
		}
	}
	if g.Entries[3].Translatable() || g.Entries[3].Rendering() != "الجزيرة" {
		t.Errorf("translate: false entry: Translatable %v Rendering %q", g.Entries[3].Translatable(), g.Entries[3].Rendering())
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown key", "terms:\n  - ar: بوتين\n    en: Putin\n    colour: red\n", "g.yaml:4: unknown key \"colour\""},
		{"always not a bool", "terms:\n  - ar: بوتين\n    en: Putin\n    always: often\n", "g.yaml:4: always: want true or false"},
		{"unknown top key", "names:\n  - ar: بوتين\n", "g.yaml:1: unknown key \"names\""},
		{"terms twice", "terms:\n  - ar: بوتين\n    en: Putin\nterms:\n  - ar: موسكو\n    en: Moscow\n", "g.yaml:4: terms: given twice (first at line 1)"},
		{"second document", "terms:\n  - ar: بوتين\n    en: Putin\n---\nterms:\n  - ar: موسكو\n    en: Moscow\n", "g.yaml:5: a second YAML document"},
		{"duplicate", "terms:\n  - ar: بوتين\n    en: Putin\n  - ar: بوتين\n    en: Poutine\n", "g.yaml:4: duplicate term \"بوتين\" (first at line 2)"},
		{"same after normalisation", "terms:\n  - ar: إيطاليا\n    en: Italy\n  - ar: ايطاليا\n    en: Italy\n", "g.yaml:4: term \"ايطاليا\" is the same as \"إيطاليا\" at line 2 after normalisation"},
		{"variant clashes", "terms:\n  - ar: القاهرة\n    en: Cairo\n  - ar: مصر\n    en: Egypt\n    variants: [القاهره]\n", "g.yaml:4: term \"القاهره\" is the same as \"القاهرة\" at line 2"},
		{"variant is another term", "terms:\n  - ar: فلاديمير بوتين\n    en: Vladimir Putin\n  - ar: بوتين\n    en: Putin\n    variants: [فلاديمير بوتين]\n", "g.yaml:4: variant \"فلاديمير بوتين\" of \"بوتين\" is already the term at line 2"},
		{"term is another variant", "terms:\n  - ar: بوتين\n    en: Putin\n    variants: [بوتن]\n  - ar: بوتن\n    en: Poutine\n", "g.yaml:5: term \"بوتن\" is already a variant of \"بوتين\" at line 2"},
		{"empty english", "terms:\n  - ar: بوتين\n    en: \"\"\n", "g.yaml:2: entry \"بوتين\" has no English rendering (en)"},
		{"missing english", "terms:\n  - ar: بوتين\n", "g.yaml:2: entry \"بوتين\" has no English rendering"},
		{"latin in ar", "terms:\n  - ar: Putin\n    en: Putin\n", "g.yaml:2: ar \"Putin\": want Arabic script"},
		{"arabic in en", "terms:\n  - ar: بوتين\n    en: بوتين\n", "g.yaml:2: en \"بوتين\" for \"بوتين\": English rendering contains Arabic letters"},
		{"bad type", "terms:\n  - ar: بوتين\n    en: Putin\n    type: human\n", "g.yaml:2: entry \"بوتين\": unknown type \"human\""},
		{"bad translate", "terms:\n  - ar: بوتين\n    en: Putin\n    translate: maybe\n", "g.yaml:4: translate: want true or false, got \"maybe\""},
		{"entry not a mapping", "terms:\n  - بوتين\n", "g.yaml:2: entry: want a mapping with ar and en"},
		{"terms not a list", "terms: 3\n", "g.yaml:1: terms: want a list of entries"},
		{"key twice", "terms:\n  - ar: بوتين\n    en: Putin\n    en: Poutine\n", "g.yaml:4: key \"en\" given twice"},
		{"one letter", "terms:\n  - ar: ج\n    en: J\n", "g.yaml:2: term \"ج\": one letter is too short"},
		{"no ar", "terms:\n  - en: Putin\n", "g.yaml:2: entry has no Arabic term (ar)"},
		{"yaml syntax", "terms:\n  - ar: [\n", "g.yaml:2: did not find expected node content"},
		{"unclosed list", "terms:\n  - ar: [unclosed\n    en: X\n", "g.yaml:2: did not find expected ',' or ']'"},
		{"unclosed quote", "terms:\n  - ar: بوتين\n    en: \"Putin\n  - ar: موسكو\n", "g.yaml:3: found unexpected end of stream"},
		{"bad indentation", "terms:\n  - ar: بوتين\n   en: Putin\n", "g.yaml:3: did not find expected '-' indicator"},
		{"first line", "terms: [\n", "g.yaml:1: did not find expected node content"},
		{"control character", "terms:\n  - ar: بوتين\n    en: Pu\x01tin\n", "g.yaml:3: control characters are not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("g.yaml", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// A glossary saved with a byte order mark reads as without it, with the same
// lines.
func TestParseByteOrderMark(t *testing.T) {
	src := "terms:\n  - ar: بوتين\n    en: Putin\n  - ar: موسكو\n    en: Moscow\n"
	g, err := Parse("g.yaml", []byte("\ufeff"+src))
	if err != nil || len(g.Entries) != 2 || g.Entries[1].Line != 4 {
		t.Fatalf("Parse = %v, %v", g, err)
	}
	_, err = Parse("g.yaml", []byte("\ufeff"+strings.Replace(src, "Moscow", "موسكو", 1)))
	if err == nil || !strings.HasPrefix(err.Error(), "g.yaml:4: en") {
		t.Errorf("error = %v, want it at line 4", err)
	}
}

func TestParseAllErrorsAtOnce(t *testing.T) {
	_, err := Parse("g.yaml", []byte("terms:\n  - ar: بوتين\n    colour: red\n  - ar: Moscow\n    en: Moscow\n"))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 3 {
		t.Fatalf("want 3 errors, got %v", err)
	}
	if list[0].Line != 2 || list[2].Line != 4 {
		t.Errorf("errors not in line order: %v", err)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing\n", "terms:\n", "terms: []\n"} {
		g, err := Parse("g.yaml", []byte(src))
		if err != nil || len(g.Entries) != 0 {
			t.Errorf("Parse(%q) = %v, %v; want no entries", src, g, err)
		}
	}
}

func TestProjectGlossaryLoads(t *testing.T) {
	g, err := Load(testenv.RepoRoot(t) + "/glossary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) < 40 {
		t.Errorf("only %d entries", len(g.Entries))
	}
}

// FuzzParse checks that Parse never panics and that the fast reader agrees
// with the general YAML reader wherever it accepts a file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"terms:\n  - ar: بوتين\n    en: Putin\n",
		"terms:\n  - ar: عمان\n    en: 'Amman'\n    context: [الأردن, عمان]\n    translate: false # x\n",
		"terms: # c\n  - ar: \"x: y\"\n    note: a, b [c]\n",
		"terms:\n- ar: x\n",
		"terms:\n  - ar: a\n    en: b #c\n    variants: []\n",
		"terms:\n  - ar: a\n    en: \"\\\"Weird\\\\ \\x41\\u2028\\U0001F600\\t\" # c\n",
		"terms:\n  - ar: a\n    en: \"\\ud800\\/\\q\\x4\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		Parse("f.yaml", data)
		fast, ok := fastParse(data)
		if !ok {
			return
		}
		slow, err := yamlParse("f.yaml", data, func(int, string, ...any) { t.Fatalf("fast reader accepted %q, YAML reader reports a problem", data) })
		if err != nil {
			t.Fatalf("fast reader accepted %q, YAML reader: %v", data, err)
		}
		if len(fast) == 0 && len(slow) == 0 {
			return
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("readers disagree on %q:\nfast %+v\nyaml %+v", data, fast, slow)
		}
	})
}

// A glossary bitext wrote, where a value needed strconv.Quote's escapes,
// keeps the fast reader (a 100,000-entry file with one such value took four
// times longer through the YAML reader) and reads as the YAML reader reads it.
func TestFastParseEscapes(t *testing.T) {
	e := &Entry{Ar: "ويرد", En: "\"Weird\" \\ Al", Note: "line\nbreak\u2028\x01"}
	data := Marshal(&Glossary{Entries: []*Entry{e}})
	fast, ok := fastParse(data)
	if !ok {
		t.Fatalf("fast reader refused what bitext wrote:\n%s", data)
	}
	slow, err := yamlParse("g.yaml", data, func(_ int, f string, args ...any) { t.Errorf(f, args...) })
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Errorf("readers disagree on %s:\nfast %+v\nyaml %+v", data, fast, slow)
	}
	g, err := Parse("g.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Entries[0]; got.En != e.En || got.Note != e.Note {
		t.Errorf("read back en %q note %q, want %q %q", got.En, got.Note, e.En, e.Note)
	}
	for _, bad := range []string{`"\ud800"`, `"\/"`, `"\x4"`, `"a\"`, `"a`} {
		if _, ok := fastParse([]byte("terms:\n  - ar: a\n    en: " + bad + "\n")); ok {
			t.Errorf("fast reader accepted en: %s, which the YAML reader must judge", bad)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"كيم جونغ-أون", "كيم جونغ اون"},
		{"  البيت   الأبيض ", "البيت الابيض"},
		{"ال ـ 16", "ال 16"},
		{"روســيا", "روسيا"},
		{"ـ", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
		var words []string
		for _, w := range Words(tt.in) {
			words = append(words, w)
		}
		if got := strings.Join(words, " "); got != tt.want {
			t.Errorf("Words(%q) = %q", tt.in, words)
		}
	}
}

// A document marker with nothing after it, as some editors write, is no
// second glossary.
func TestParseTrailingDocumentMarker(t *testing.T) {
	g, err := Parse("g.yaml", []byte("terms:\n  - ar: بوتين\n    en: Putin\n---\n"))
	if err != nil || len(g.Entries) != 1 {
		t.Fatalf("got %v, %v; want one entry", g, err)
	}
}
