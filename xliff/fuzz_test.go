package xliff

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"bitext/doc"
)

// FuzzRead feeds the reader arbitrary input: it must return a file or an
// error, never panic, and resolving what it read must not panic either.
func FuzzRead(f *testing.F) {
	b := handBitext()
	for _, c := range goldenCases() {
		var buf bytes.Buffer
		if err := c.write(&buf, b, nil); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Add([]byte(`<xliff xmlns="` + NS12 + `" version="1.2"><file><body><trans-unit id="a"><source>x<g id="1">y</g></source><target><mrk mtype="seg">z</mrk></target></trans-unit></body></file></xliff>`))
	f.Add([]byte(`<xliff xmlns="` + NS20 + `" version="2.1"><file id="f"><unit id="u"><segment><source>a<cp hex="D800"/><cp hex="zz"/></source></segment></unit></file></xliff>`))
	// CAT tools' returns: Trados's segments and statuses, memoQ's status, 2.x targets reordered
	f.Add([]byte(`<xliff xmlns="` + NS12 + `" xmlns:sdl="` + nsSDL + `" xmlns:mq="` + nsMQ + `" version="1.2"><file><body><trans-unit id="a" mq:status="Rejected"><source>x y</source>` +
		`<seg-source><mrk mtype="seg" mid="1">x</mrk> <mrk mtype="seg" mid="2">y</mrk></seg-source><target><mrk mtype="seg" mid="1">z</mrk><mrk mtype="seg" mid="2"/></target>` +
		`<sdl:seg-defs><sdl:seg id="1" conf="ApprovedSignOff"/><sdl:seg id="2"/></sdl:seg-defs></trans-unit></body></file></xliff>`))
	f.Add([]byte(`<xliff xmlns="` + NS20 + `" version="2.1"><file id="f"><unit id="u"><segment id="s1"><source>a </source><target order="3">b<mrk id="m" type="comment" value="c">d</mrk></target></segment>` +
		`<ignorable><source> </source></ignorable><segment id="s2"><source>e</source><target order="1">f</target></segment></unit></file></xliff>`))
	f.Add([]byte(`<xliff xmlns="` + NS12 + `" xmlns:sdl="` + nsSDL + `" version="1.2"><doc-info xmlns="` + nsSDL + `"><cmt-defs><cmt-def id="c"><Comments xmlns="">` +
		`<Comment user="u">t</Comment></Comments></cmt-def></cmt-defs></doc-info><file><body><trans-unit id="a"><source>x</source>` +
		`<target><mrk mtype="x-sdl-comment" sdl:cid="c">y</mrk><mrk mtype="x-sdl-comment" sdl:cid="d"/></target></trans-unit></body></file></xliff>`))
	f.Add([]byte(`<?xml version="1.0" encoding="latin1"?><xliff/>`))
	f.Add([]byte(`<xliff version="1.2"><file><body>` + strings.Repeat(`<group>`, 300)))
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><xliff>&b;</xliff>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Read(bytes.NewReader(data), "fuzz.xlf")
		if err != nil {
			if file != nil {
				t.Fatal("both a file and an error")
			}
			if !strings.HasPrefix(err.Error(), "fuzz.xlf") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		rv, err := file.Resolve(ResolveOptions{Force: true})
		if err == nil {
			_ = rv.Bitext()
		}
	})
}

// endless is an XLIFF file that never ends: one start tag, then text forever.
type endless struct{ head bool }

func (e *endless) Read(p []byte) (int, error) {
	if !e.head {
		e.head = true
		return copy(p, `<xliff xmlns="`+NS12+`" version="1.2"><file><body><trans-unit id="a"><source>`), nil
	}
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// deep is an XLIFF file that nests elements forever.
type deep struct{ head bool }

func (d *deep) Read(p []byte) (int, error) {
	if !d.head {
		d.head = true
		return copy(p, `<xliff xmlns="`+NS12+`" version="1.2"><file><body>`), nil
	}
	n := 0
	for n+7 <= len(p) {
		n += copy(p[n:], "<group>")
	}
	return n, nil
}

func TestReadStopsOnHugeAndDeepInput(t *testing.T) {
	for name, r := range map[string]io.Reader{"huge": &endless{}, "deep": &deep{}} {
		t.Run(name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := Read(r, "big.xlf")
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil {
					t.Fatal("no error")
				}
				t.Log(err)
			case <-time.After(60 * time.Second):
				t.Fatal("reader did not stop")
			}
		})
	}
}

// FuzzTermNote: any note text parses without panicking, and a note written
// from a hit whose parts hold no separators reads back as that hit.
func FuzzTermNote(f *testing.F) {
	f.Add("وكيم", "كيم", "Kim", "person", "", false)
	f.Add("الجزيرة", "الجزيرة", "", "media", "Qatari channel", true)
	f.Add("حماس", "حماس", "Hamas (movement)", "", "rules Gaza", false)
	f.Fuzz(func(t *testing.T, surface, entry, en, typ, note string, keep bool) {
		parseTermNote(surface + " → " + en + " (" + note + ")")
		parseTermNote(note)
		for _, s := range []string{surface, entry, en, typ, note} {
			if s != strings.TrimSpace(s) || strings.ContainsAny(s, "()→;") {
				return
			}
		}
		if surface == "" || entry == "" || (en == "" && !keep) || !termTypes[typ] && typ != "" || termTypes[note] || note == keepAsIs {
			return
		}
		h := doc.TermHit{Surface: surface, Ar: entry, En: en, Type: typ, Note: note, NoTranslate: keep}
		got, ok := parseTermNote(termNote(h))
		want := Term{Source: surface, Entry: entry, Target: en, Type: typ, Note: note, Keep: keep}
		if keep {
			want.Target = entry
		}
		if !ok || got != want {
			t.Fatalf("%q read back as %+v, want %+v", termNote(h), got, want)
		}
	})
}
