package xliff

import (
	"bytes"
	"io"
	"testing"
)

func benchWrite(b *testing.B, write func(w io.Writer) error) {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWrite12(b *testing.B) {
	bt := sampleBitext(b)
	benchWrite(b, func(w io.Writer) error { return Write12(w, bt, Options{Created: fixedTime}) })
}

func BenchmarkWrite21(b *testing.B) {
	bt := sampleBitext(b)
	benchWrite(b, func(w io.Writer) error { return Write21(w, bt, Options{Created: fixedTime}) })
}

// BenchmarkReadResolve reads and resolves the sample article's 2.1 file: the
// work of 'bitext publish' and 'bitext review' before any output.
func BenchmarkReadResolve(b *testing.B) {
	bt := sampleBitext(b)
	var buf bytes.Buffer
	if err := Write21(&buf, bt, Options{Created: fixedTime}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := Read(bytes.NewReader(data), "bench.xlf")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := f.Resolve(ResolveOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(bt.Units)*b.N)/b.Elapsed().Seconds(), "units/s")
}
