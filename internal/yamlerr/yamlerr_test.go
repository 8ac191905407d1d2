package yamlerr

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestProblems(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		line       int
		msg        string
	}{
		// yaml says line 1 (it counts parser errors from 0).
		{"unclosed list", "terms:\n  - ar: [unclosed\n    en: X\n", 2, "did not find expected ',' or ']'"},
		{"unclosed list on line 1", "title: [unclosed\nsource: x\n", 1, "did not find expected ',' or ']'"},
		{"unclosed mapping", "a: 1\nb: {x\nc: 2\n", 2, "did not find expected ',' or '}'"},
		// yaml says line 3, where it stopped (the quotation mark opens on line 1).
		{"unclosed quote on line 1", "title: \"unclosed\nsource: x\n", 1, "found unexpected end of stream"},
		{"unclosed quote", "a: 1\ntitle: \"unclosed\nsource: x\n", 2, "found unexpected end of stream"},
		// yaml gives no line.
		{"scanner error on line 1", "title: a: b\n", 1, "mapping values are not allowed in this context"},
		{"scanner error", "a: 1\nb: 2\n c: 3\n", 3, "mapping values are not allowed in this context"},
		// yaml gives the line where the list or mapping starts.
		{"mapping item out of line", "a: 1\nb: 2\n- c\n", 3, "did not find expected key"},
		{"list item out of line", "terms:\n  - ar: x\n    en: y\n  - ar: z\n   en: w\n  - ar: v\n", 5, "did not find expected '-' indicator"},
		{"control character", "a: 1\nb: x\x01\n", 2, "control characters are not allowed"},
		{"not UTF-8", "a: 1\nb: \xff\n", 2, "invalid leading UTF-8 octet"},
		{"byte order mark", "\ufeffa: 1\nb: [x\nc: 2\n", 2, "did not find expected ',' or ']'"},
		{"no line break at the end", "a: 1\nb: [x", 2, "did not find expected ',' or ']'"},
		{"no place", "a: *x\n", 0, "unknown anchor 'x' referenced"},
		// yaml says line 2, the mapping before the tab.
		{"tab indent", "terms:\n  - ar: x\n\ten: y\n", 3, "found a tab character that violates indentation"},
		{"tab before a list", "terms:\n\t- ar: x\n", 2, "found character that cannot start any token (a tab: YAML indents with spaces)"},
		{"tab before an item", "terms:\n  - ar: x\n    en: y\n\t- ar: z\n", 4, "found a tab character that violates indentation"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n yaml.Node
			err := yaml.Unmarshal([]byte(tc.data), &n)
			if err == nil {
				t.Fatal("yaml accepts it")
			}
			ps := Problems([]byte(tc.data), err)
			if len(ps) != 1 || ps[0] != (Problem{tc.line, tc.msg}) {
				t.Errorf("Problems = %+v, want line %d %q (yaml: %v)", ps, tc.line, tc.msg, err)
			}
		})
	}
}

// Decoding errors keep the line of their node, each its own.
func TestProblemsOfDecoding(t *testing.T) {
	data := []byte("title: T\nsource: [AFP]\nurl: {a: b}\n")
	var m struct {
		Title, Source, URL string
	}
	err := yaml.Unmarshal(data, &m)
	ps := Problems(data, err)
	want := []Problem{{2, "cannot unmarshal !!seq into string"}, {3, "cannot unmarshal !!map into string"}}
	if len(ps) != 2 || ps[0] != want[0] || ps[1] != want[1] {
		t.Errorf("Problems = %+v, want %+v", ps, want)
	}
}

func FuzzProblems(f *testing.F) {
	for _, s := range []string{"a: [x\n", "a: \"x\nb: 1\n", "a: 1\n- b\n", "- a\n b: c\n", "a: \x01", "\ufeffa: {b\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var n yaml.Node
		err := yaml.Unmarshal(data, &n)
		if err == nil {
			return
		}
		lines := strings.Count(string(data), "\n") + 1
		ps := Problems(data, err)
		if len(ps) != 1 || ps[0].Line < 0 || ps[0].Line > lines || ps[0].Msg == "" || !strings.Contains(ps[0].Msg+" (", msgOf(err)+" (") {
			t.Fatalf("Problems(%q, %v) = %+v", data, err, ps)
		}
	})
}

func msgOf(err error) string {
	_, msg := splitLine(strings.TrimPrefix(err.Error(), "yaml: "))
	return msg
}
