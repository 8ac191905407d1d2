package translate

import "context"

// noneEngine produces no target text: every unit is left for a human translator.
type noneEngine struct{}

func init() {
	Register(Registration{
		Name:        "none",
		Description: "no machine translation: units are left empty and marked as needing a translator",
		New:         func(Config) (Engine, error) { return noneEngine{}, nil },
	})
}

func (noneEngine) Name() string   { return "none" }
func (noneEngine) Limits() Limits { return Limits{} }

// Local reports that the engine bills nothing.
func (noneEngine) Local() bool { return true }

// AnswersNothing reports that every unit is left for a translator.
func (noneEngine) AnswersNothing() bool { return true }

// Translate returns an empty translation for every segment.
func (noneEngine) Translate(ctx context.Context, req Request) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return make([]string, len(req.Segments)), nil
}
