package xliff

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// A CAT tool's own status decides approval: Trados keeps a reviewer's
// approval or rejection in its segment definitions, memoQ in mq:status, and
// either may leave the XLIFF state as bitext wrote it (or as an earlier
// approval left it).
func TestReadCATToolStatuses(t *testing.T) {
	const sdl = `<sdl:seg-defs>%s</sdl:seg-defs>`
	for _, tc := range []struct {
		name, attrs, state, extra string
		approved, rejected        bool
	}{
		{"no tool status", ``, "needs-translation", ``, false, false},
		{"1.2 signed-off alone", ``, "signed-off", ``, true, false},
		{"Trados approved, state untouched", ``, "needs-translation", fmt.Sprintf(sdl, `<sdl:seg id="1" conf="ApprovedTranslation" origin="mt"/>`), true, false},
		{"Trados signed off", ``, "translated", fmt.Sprintf(sdl, `<sdl:seg id="1" conf="ApprovedSignOff"/>`), true, false},
		{"Trados translated only", ``, "translated", fmt.Sprintf(sdl, `<sdl:seg id="1" conf="Translated"/>`), false, false},
		{"Trados one segment of two approved", ``, "translated", fmt.Sprintf(sdl, `<sdl:seg id="1" conf="ApprovedSignOff"/><sdl:seg id="2" conf="Draft"/>`), false, false},
		{"Trados rejected over a stale signed-off", ` approved="yes"`, "signed-off", fmt.Sprintf(sdl, `<sdl:seg id="1" conf="RejectedTranslation"/>`), false, true},
		{"memoQ reviewer 1", ` mq:status="Reviewer1Confirmed"`, "needs-review-translation", ``, true, false},
		{"memoQ proofread", ` mq:status="Proofread"`, "translated", ``, true, false},
		{"memoQ translator confirmed", ` mq:status="ManuallyConfirmed"`, "translated", ``, false, false},
		{"memoQ rejected over signed-off", ` mq:status="Rejected"`, "signed-off", ``, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := `<?xml version="1.0"?>` + "\r\n" +
				`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns:mq="MQXliff">` + "\r\n" +
				`<file original="a.txt" source-language="ar" target-language="en" datatype="plaintext"><body>` + "\r\n" +
				`<trans-unit id="u1"` + tc.attrs + `><source>قال.</source><seg-source><mrk mtype="seg" mid="1">قال.</mrk></seg-source>` +
				`<target state="` + tc.state + `"><mrk mtype="seg" mid="1">He said.</mrk></target>` + tc.extra + `</trans-unit>` + "\r\n" +
				`</body></file></xliff>`
			f, err := Read(strings.NewReader(doc), "t.xlf")
			if err != nil {
				t.Fatal(err)
			}
			u := f.Units[0]
			if u.Approved != tc.approved || u.Rejected != tc.rejected {
				t.Errorf("approved %v rejected %v (%s), want %v %v", u.Approved, u.Rejected, u.ToolStatus, tc.approved, tc.rejected)
			}
			if u.Target != "He said." {
				t.Errorf("target %q", u.Target)
			}
			if tc.rejected && !strings.Contains(u.ToolStatus, "Rejected") {
				t.Errorf("tool status %q does not say how the tool put it", u.ToolStatus)
			}
		})
	}
}

// A 2.x tool that reorders the sentences of a unit writes order on the
// targets: the English is read in that order, not in the order of the Arabic
// segments, and an order that is no rearrangement is refused with the unit
// and the line.
func TestReadTargetOrder(t *testing.T) {
	unit := func(o1, o2 string) string {
		return `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar" trgLang="en"><file id="f1">` + "\n" +
			`<unit id="u1">` + "\n" +
			`<segment id="s1" state="translated"><source>وتخشى واشنطن</source><target` + o1 + `>worries <pc id="1">Washington</pc>.</target></segment>` + "\n" +
			`<ignorable><source> </source></ignorable>` + "\n" +
			`<segment id="s2" state="translated"><source>من صفقة أسلحة.</source><target` + o2 + `>An arms deal</target></segment>` + "\n" +
			`</unit></file></xliff>`
	}
	f, err := Read(strings.NewReader(unit(` order="3"`, ` order="1"`)), "r.xlf")
	if err != nil {
		t.Fatal(err)
	}
	u := f.Units[0]
	if u.Source != "وتخشى واشنطن من صفقة أسلحة." {
		t.Errorf("source %q", u.Source)
	}
	if u.Target != "An arms deal worries Washington." {
		t.Errorf("target %q, want the targets in their order", u.Target)
	}
	if want := `An arms deal worries <pc id="1">Washington</pc>.`; u.TargetCodes != want {
		t.Errorf("target with codes %q, want %q", u.TargetCodes, want)
	}
	for _, bad := range [][2]string{{` order="2"`, ``}, {` order="4"`, ` order="1"`}, {` order="x"`, ``}} {
		_, err := Read(strings.NewReader(unit(bad[0], bad[1])), "r.xlf")
		var xe *Error
		if !errors.As(err, &xe) || xe.Unit != "u1" || xe.Line < 3 || !strings.Contains(err.Error(), "order") {
			t.Errorf("orders %q %q: %v, want an error naming unit u1, its line and the order", bad[0], bad[1], err)
		}
	}
}

// A unit the tool cut into segments, one of them left without a translation,
// is a translation of part of the sentence: the reader names the Arabic left
// out (1.2 <mrk mtype="seg"> by mid, 2.x segments), and such a unit is not
// approved even when the tool says so.
func TestReadMissingSegments(t *testing.T) {
	const head12 = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.txt" source-language="ar" target-language="en" datatype="plaintext"><body>`
	const head21 = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar" trgLang="en"><file id="f1">`
	for _, tc := range []struct {
		name, doc string
		missing   []string
	}{
		{"1.2 second mrk empty", head12 + `<trans-unit id="u1" approved="yes"><source>قال الكرملين اليوم إن بوتين سيأتي.</source>` +
			`<seg-source><mrk mtype="seg" mid="1">قال الكرملين اليوم</mrk> <mrk mtype="seg" mid="2">إن بوتين سيأتي.</mrk></seg-source>` +
			`<target state="signed-off"><mrk mtype="seg" mid="1">The Kremlin said today</mrk> <mrk mtype="seg" mid="2"></mrk></target></trans-unit></body></file></xliff>`,
			[]string{"إن بوتين سيأتي."}},
		{"1.2 first mrk left out", head12 + `<trans-unit id="u1"><source>قال الكرملين اليوم إن بوتين سيأتي.</source>` +
			`<seg-source><mrk mtype="seg" mid="1">قال الكرملين اليوم</mrk> <mrk mtype="seg" mid="2">إن بوتين سيأتي.</mrk></seg-source>` +
			`<target state="translated"><mrk mtype="seg" mid="2">that Putin will come.</mrk></target></trans-unit></body></file></xliff>`,
			[]string{"قال الكرملين اليوم"}},
		{"1.2 all translated", head12 + `<trans-unit id="u1"><source>قال الكرملين اليوم إن بوتين سيأتي.</source>` +
			`<seg-source><mrk mtype="seg" mid="1">قال الكرملين اليوم</mrk> <mrk mtype="seg" mid="2">إن بوتين سيأتي.</mrk></seg-source>` +
			`<target state="translated"><mrk mtype="seg" mid="1">The Kremlin said today</mrk> <mrk mtype="seg" mid="2">that Putin will come.</mrk></target></trans-unit></body></file></xliff>`,
			nil},
		{"1.2 nothing translated", head12 + `<trans-unit id="u1"><source>قال الكرملين اليوم إن بوتين سيأتي.</source>` +
			`<seg-source><mrk mtype="seg" mid="1">قال الكرملين اليوم</mrk> <mrk mtype="seg" mid="2">إن بوتين سيأتي.</mrk></seg-source>` +
			`<target><mrk mtype="seg" mid="1"/> <mrk mtype="seg" mid="2"/></target></trans-unit></body></file></xliff>`,
			nil},
		{"2.1 segment without target", head21 + `<unit id="u1"><segment id="s1" state="final"><source>قال الكرملين اليوم</source><target>The Kremlin said today</target></segment>` +
			`<ignorable><source> </source></ignorable><segment id="s2" state="final"><source>إن بوتين سيأتي.</source></segment></unit></file></xliff>`,
			[]string{"إن بوتين سيأتي."}},
		{"2.1 all translated", head21 + `<unit id="u1"><segment id="s1"><source>قال الكرملين اليوم</source><target>The Kremlin said today</target></segment>` +
			`<ignorable><source> </source></ignorable><segment id="s2"><source>إن بوتين سيأتي.</source><target>that Putin will come.</target></segment></unit></file></xliff>`,
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Read(strings.NewReader(tc.doc), "r.xlf")
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Units[0].MissingSegments; !reflect.DeepEqual(got, tc.missing) {
				t.Errorf("missing segments %q, want %q", got, tc.missing)
			}
			rv, err := f.Resolve(ResolveOptions{Force: true})
			if err != nil {
				t.Fatal(err)
			}
			if u := rv.Units[0]; len(tc.missing) > 0 && (u.Approved || !reflect.DeepEqual(u.MissingSegments, tc.missing)) {
				t.Errorf("resolved: approved %v, missing %q", u.Approved, u.MissingSegments)
			}
		})
	}
}

// A unit (1.2) or segment (2.x) with a second target, which XLIFF forbids,
// is refused naming the unit and the line, instead of read as the two
// targets run together: the gist and the translation in one sentence.
func TestReadRefusesSecondTarget(t *testing.T) {
	for _, tc := range []struct{ name, doc string }{
		{"1.2", `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.txt" source-language="ar" target-language="en" datatype="plaintext"><body>
<trans-unit id="u1"><source>ولم يحدد موعدا.</source>
<target state="needs-translation">And did not determines date.</target>
<target state="translated">He did not give a date.</target></trans-unit></body></file></xliff>`},
		{"2.1", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar" trgLang="en"><file id="f1">
<unit id="u1"><segment id="s1"><source>ولم يحدد موعدا.</source>
<target>And did not determines date.</target>
<target>He did not give a date.</target></segment></unit></file></xliff>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.doc), "r.xlf")
			var xe *Error
			if !errors.As(err, &xe) || xe.Unit != "u1" || xe.Line != 4 || !strings.Contains(err.Error(), "second <target>") || !strings.Contains(err.Error(), "line 3") {
				t.Errorf("got %v, want an error at r.xlf:4 naming unit u1 and the first target's line", err)
			}
		})
	}
}

// A tool that cuts a sentence in two and leaves the space between them in
// a segment's source, not in an ignorable, writes targets without it: the
// English words either side are not run together.
func TestReadSpaceBetweenSegments(t *testing.T) {
	for _, tc := range []struct{ src1, tgt1, src2, tgt2, want string }{
		{"قال الكرملين اليوم ", "The Kremlin said on Tuesday", "إن بوتين سيأتي.", "that Putin would come.", "The Kremlin said on Tuesday that Putin would come."},
		{"قال الكرملين اليوم", "The Kremlin said on Tuesday", " إن بوتين سيأتي.", "that Putin would come.", "The Kremlin said on Tuesday that Putin would come."},
		{"قال الكرملين اليوم ", "The Kremlin said on Tuesday ", "إن بوتين سيأتي.", "that Putin would come.", "The Kremlin said on Tuesday that Putin would come."},
		{"قال الكرملين", "The Kremlin", "، اليوم", ", on Tuesday", "The Kremlin, on Tuesday"},
	} {
		doc := `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar" trgLang="en"><file id="f1"><unit id="u1">` +
			`<segment id="s1"><source xml:space="preserve">` + tc.src1 + `</source><target xml:space="preserve">` + tc.tgt1 + `</target></segment>` +
			`<segment id="s2"><source xml:space="preserve">` + tc.src2 + `</source><target xml:space="preserve">` + tc.tgt2 + `</target></segment>` +
			`</unit></file></xliff>`
		f, err := Read(strings.NewReader(doc), "r.xlf")
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Units[0].Target; got != tc.want {
			t.Errorf("target %q, want %q", got, tc.want)
		}
	}
}

// The same in 1.2: a target whose <mrk mtype="seg"> segments follow each
// other with nothing between, while the seg-source has a space there.
func TestReadSpaceBetweenMarkedSegments(t *testing.T) {
	for _, tc := range []struct{ segSource, target, want string }{
		{`<mrk mtype="seg" mid="1">وتخشى واشنطن</mrk> <mrk mtype="seg" mid="2">من صفقة.</mrk>`,
			`<mrk mtype="seg" mid="1">Washington fears</mrk><mrk mtype="seg" mid="2">a deal.</mrk>`, "Washington fears a deal."},
		{`<mrk mtype="seg" mid="1">وتخشى واشنطن </mrk><mrk mtype="seg" mid="2">من صفقة.</mrk>`,
			`<mrk mtype="seg" mid="1">Washington fears</mrk><mrk mtype="seg" mid="2"><g id="1">a</g> deal.</mrk>`, "Washington fears a deal."},
		{`<mrk mtype="seg" mid="1">وتخشى واشنطن</mrk> <mrk mtype="seg" mid="2">من صفقة.</mrk>`,
			`<mrk mtype="seg" mid="1">Washington fears</mrk> <mrk mtype="seg" mid="2">a deal.</mrk>`, "Washington fears a deal."},
		{`<mrk mtype="seg" mid="1">وتخشى واشنطن</mrk><mrk mtype="seg" mid="2">، قال.</mrk>`,
			`<mrk mtype="seg" mid="1">Washington fears</mrk><mrk mtype="seg" mid="2">, he said.</mrk>`, "Washington fears, he said."},
	} {
		doc := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.txt" source-language="ar" target-language="en" datatype="plaintext"><body>` +
			`<trans-unit id="u1"><source>وتخشى واشنطن من صفقة.</source><seg-source>` + tc.segSource + `</seg-source><target>` + tc.target + `</target></trans-unit></body></file></xliff>`
		f, err := Read(strings.NewReader(doc), "r.xlf")
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Units[0].Target; got != tc.want {
			t.Errorf("target %q, want %q", got, tc.want)
		}
	}
}

// Trados keeps a reviewer's comments in <doc-info> and marks the words they
// are on in the target: review and publish show each with its author, as
// they show other tools' comments.
func TestReadTradosComments(t *testing.T) {
	doc := `<?xml version="1.0" encoding="utf-8"?>` + "\r\n" +
		`<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">` +
		`<doc-info xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><rep-defs/><cmt-defs>` +
		`<cmt-def id="c-1"><Comments xmlns=""><Comment severity="High" user="NEWSROOM\hala" date="2026-11-28T10:00:00.1+03:00" version="1.0">The toll is 1,250, not 125</Comment>` +
		`<Comment severity="Low" user="sam" date="2026-11-28T10:05:00+03:00" version="1.0">Fixed</Comment></Comments></cmt-def>` +
		`<cmt-def id="c-2"><Comments xmlns=""><Comment severity="Medium" user="hala" version="1.0">Check the house style here</Comment></Comments></cmt-def>` +
		`</cmt-defs></doc-info>` + "\r\n" +
		`<file original="a.txt" source-language="ar" target-language="en" datatype="x-sdlfilterframework2"><body>` + "\r\n" +
		`<trans-unit id="u1"><source>قتل 1250 شخصا.</source><seg-source><mrk mtype="seg" mid="1">قتل 1250 شخصا.</mrk></seg-source>` +
		`<target><mrk mtype="seg" mid="1"><mrk mtype="x-sdl-comment" sdl:cid="c-1">1,250 people</mrk> were killed.<mrk mtype="x-sdl-comment" sdl:cid="c-2"/></mrk></target>` +
		`<sdl:seg-defs><sdl:seg id="1" conf="Translated"/></sdl:seg-defs></trans-unit>` + "\r\n" +
		`<trans-unit id="u2"><source>وقال.</source><target><mrk mtype="x-sdl-comment" sdl:cid="gone">He said.</mrk></target></trans-unit>` +
		`</body></file></xliff>`
	f, err := Read(strings.NewReader(doc), "t.sdlxliff")
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Units[0].Target; got != "1,250 people were killed." {
		t.Errorf("target %q", got)
	}
	want := []string{`NEWSROOM\hala: The toll is 1,250, not 125 / sam: Fixed (on «1,250 people»)`, `hala: Check the house style here`}
	if !reflect.DeepEqual(f.Units[0].Notes, want) || !reflect.DeepEqual(f.Units[0].NoteFrom, []string{"comment", "comment"}) {
		t.Errorf("notes %q from %q, want %q", f.Units[0].Notes, f.Units[0].NoteFrom, want)
	}
	if n := f.Units[1].Notes; len(n) != 1 || !strings.Contains(n[0], "Trados comment whose text the file does not hold") {
		t.Errorf("unit with an unknown comment id: notes %q", n)
	}
}
