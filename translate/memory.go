package translate

import (
	"context"

	"bitext/doc"
)

// Memory supplies translations made before, consulted ahead of the engine:
// a block it translates whole is not sent to the engine.
type Memory interface {
	// BlockUnits returns units translating every segment of block i of d
	// (Block, Kind, Segments, Source, Target, State and Origin set), or nil
	// when it cannot translate the whole block.
	BlockUnits(ctx context.Context, d *doc.Document, i int, sourceLang, targetLang string) ([]doc.Unit, error)
}

// memoryUnits asks m for every translatable block of d; the result holds,
// per block, the memory's units or nil.
func memoryUnits(ctx context.Context, m Memory, d *doc.Document, srcLang, tgtLang string) ([][]doc.Unit, error) {
	out := make([][]doc.Unit, len(d.Blocks))
	if m == nil {
		return out, nil
	}
	for i, b := range d.Blocks {
		if b.Kind == doc.Boilerplate || len(b.Segments) == 0 {
			continue
		}
		units, err := m.BlockUnits(ctx, d, i, srcLang, tgtLang)
		if err != nil {
			return nil, err
		}
		out[i] = units
	}
	return out, nil
}
