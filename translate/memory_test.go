package translate

import (
	"context"
	"errors"
	"testing"

	"bitext/doc"
	"bitext/segment"
)

// recordingEngine echoes each segment and records what it was sent.
type recordingEngine struct{ sent []string }

func (e *recordingEngine) Name() string   { return "recording" }
func (e *recordingEngine) Limits() Limits { return Limits{} }
func (e *recordingEngine) Translate(ctx context.Context, req Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		e.sent = append(e.sent, s.Text)
		out[i] = "Translated."
	}
	return out, nil
}

// evenBlocks remembers every even block as one unit.
type evenBlocks struct{ err error }

func (m evenBlocks) BlockUnits(ctx context.Context, d *doc.Document, i int, src, tgt string) ([]doc.Unit, error) {
	if m.err != nil {
		return nil, m.err
	}
	if i%2 != 0 {
		return nil, nil
	}
	b := d.Blocks[i]
	idx := make([]int, len(b.Segments))
	for k := range idx {
		idx[k] = k
	}
	return []doc.Unit{{Block: i, Kind: b.Kind, Segments: idx, Source: d.Text(i), Target: "Remembered.", State: doc.StateMemory, Origin: "memory"}}, nil
}

func TestRunConsultsMemoryFirst(t *testing.T) {
	d := segment.Split("t", "الفقرة الأولى.\n\nالفقرة الثانية.\n\nالفقرة الثالثة.\n\nالفقرة الرابعة.", "ar")
	eng := &recordingEngine{}
	bt, err := Run(context.Background(), eng, d, Options{Memory: evenBlocks{}})
	if err != nil {
		t.Fatal(err)
	}
	if len(eng.sent) != 2 || eng.sent[0] != "الفقرة الثانية." || eng.sent[1] != "الفقرة الرابعة." {
		t.Errorf("engine was sent %q, want the odd blocks only", eng.sent)
	}
	if len(bt.Units) != 4 {
		t.Fatalf("%d units", len(bt.Units))
	}
	for k, u := range bt.Units {
		want := doc.StateMachine
		if k%2 == 0 {
			want = doc.StateMemory
		}
		if u.State != want || u.Block != k || u.ID == "" {
			t.Errorf("unit %d = %+v, want state %s", k, u, want)
		}
	}
	boom := errors.New("boom")
	if _, err := Run(context.Background(), eng, d, Options{Memory: evenBlocks{err: boom}}); !errors.Is(err, boom) {
		t.Errorf("memory error not returned: %v", err)
	}
}
