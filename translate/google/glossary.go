package google

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"cloud.google.com/go/storage"
	translate3 "cloud.google.com/go/translate/apiv3"
	"cloud.google.com/go/translate/apiv3/translatepb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/fieldmaskpb"

	"bitext/glossary"
)

// GlossaryTSV writes g as the two-column file (Arabic, English; variants on
// rows of their own) that Cloud Translation reads for a one-way glossary.
// Entries kept as they are (translate: false) map to themselves. It returns
// the number of rows.
func GlossaryTSV(w io.Writer, g *glossary.Glossary) (int, error) {
	seen := map[string]string{}
	var rows [][2]string
	for _, e := range g.Entries {
		en := e.Rendering()
		for _, ar := range append([]string{e.Ar}, e.Variants...) {
			if strings.ContainsAny(ar+en, "\t\r\n") {
				return 0, fmt.Errorf("%s:%d: %q: a tab or line break cannot go into a Google glossary", g.Name, e.Line, ar)
			}
			if prev, dup := seen[ar]; dup {
				if prev != en {
					return 0, fmt.Errorf("%s:%d: %q is both %q and %q", g.Name, e.Line, ar, prev, en)
				}
				continue
			}
			seen[ar] = en
			rows = append(rows, [2]string{ar, en})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i][0] < rows[j][0] })
	for _, r := range rows {
		if _, err := fmt.Fprintf(w, "%s\t%s\n", r[0], r[1]); err != nil {
			return 0, err
		}
	}
	return len(rows), nil
}

// Push says where a glossary goes.
type Push struct {
	Project, Location string        // location: glossaries live in a region, e.g. us-central1
	ID                string        // glossary id
	GCSURI            string        // gs://bucket/object the TSV is uploaded to
	SourceLang        string        // language code of the glossary's first column, e.g. "ar"
	TargetLang        string        // language code of its second column, e.g. "en"
	PollInterval      time.Duration // between checks of the long-running operation; 0 means 2s
}

// PushResult is the glossary as the service reports it after the push.
type PushResult struct {
	Name    string // full resource name, projects/…/locations/…/glossaries/ID
	Rows    int    // rows uploaded
	Entries int    // entries the service counted
	Created bool   // false: an existing glossary was updated
}

// PushGlossary uploads g as TSV to p.GCSURI, then creates the glossary
// p.ID, or updates it when it exists, and waits for the long-running
// operation to finish.
func PushGlossary(ctx context.Context, tc *translate3.TranslationClient, sc *storage.Client, g *glossary.Glossary, p Push) (*PushResult, error) {
	bucket, object, ok := strings.Cut(strings.TrimPrefix(p.GCSURI, "gs://"), "/")
	if !strings.HasPrefix(p.GCSURI, "gs://") || !ok || bucket == "" || object == "" {
		return nil, fmt.Errorf("glossary push: %q is not gs://BUCKET/OBJECT", p.GCSURI)
	}
	if p.ID == "" || p.Project == "" || p.Location == "" {
		return nil, fmt.Errorf("glossary push: project, location and id are all needed")
	}
	var buf bytes.Buffer
	rows, err := GlossaryTSV(&buf, g)
	if err != nil {
		return nil, err
	}
	if rows == 0 {
		return nil, fmt.Errorf("%s: no entries to push", g.Name)
	}
	w := sc.Bucket(bucket).Object(object).NewWriter(ctx)
	w.ContentType = "text/tab-separated-values"
	w.ChunkSize = 0 // one request: the file is small
	if _, err := w.Write(buf.Bytes()); err != nil {
		w.Close()
		return nil, fmt.Errorf("uploading %s: %w", p.GCSURI, err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("uploading %s: %w", p.GCSURI, err)
	}

	name := GlossaryName(p.Project, p.Location, p.ID)
	want := &translatepb.Glossary{
		Name: name,
		Languages: &translatepb.Glossary_LanguagePair{LanguagePair: &translatepb.Glossary_LanguageCodePair{
			SourceLanguageCode: p.SourceLang, TargetLanguageCode: p.TargetLang}},
		InputConfig: &translatepb.GlossaryInputConfig{Source: &translatepb.GlossaryInputConfig_GcsSource{
			GcsSource: &translatepb.GcsSource{InputUri: p.GCSURI}}},
	}
	res := &PushResult{Name: name, Rows: rows}
	var done *translatepb.Glossary
	_, err = tc.GetGlossary(ctx, &translatepb.GetGlossaryRequest{Name: name})
	switch {
	case status.Code(err) == codes.NotFound || isHTTPNotFound(err):
		res.Created = true
		op, err := tc.CreateGlossary(ctx, &translatepb.CreateGlossaryRequest{Parent: Parent(p.Project, p.Location), Glossary: want})
		if err != nil {
			return nil, fmt.Errorf("creating glossary %s: %w", name, err)
		}
		done, err = wait(ctx, p.PollInterval, op.Done, func(ctx context.Context) (*translatepb.Glossary, error) { return op.Poll(ctx) })
		if err != nil {
			return nil, fmt.Errorf("creating glossary %s: %w", name, err)
		}
	case err != nil:
		return nil, fmt.Errorf("looking up glossary %s: %w", name, err)
	default:
		op, err := tc.UpdateGlossary(ctx, &translatepb.UpdateGlossaryRequest{Glossary: want,
			UpdateMask: &fieldmaskpb.FieldMask{Paths: []string{"input_config"}}})
		if err != nil {
			return nil, fmt.Errorf("updating glossary %s: %w", name, err)
		}
		done, err = wait(ctx, p.PollInterval, op.Done, func(ctx context.Context) (*translatepb.Glossary, error) { return op.Poll(ctx) })
		if err != nil {
			return nil, fmt.Errorf("updating glossary %s: %w", name, err)
		}
	}
	res.Entries = int(done.GetEntryCount())
	return res, nil
}

// wait polls a long-running operation until it is done or ctx ends.
func wait(ctx context.Context, every time.Duration, isDone func() bool, poll func(context.Context) (*translatepb.Glossary, error)) (*translatepb.Glossary, error) {
	if every <= 0 {
		every = 2 * time.Second
	}
	for {
		g, err := poll(ctx)
		if err != nil {
			return nil, err
		}
		if isDone() {
			if g == nil {
				return nil, errors.New("operation finished without a glossary")
			}
			return g, nil
		}
		t := time.NewTimer(every)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

func isHTTPNotFound(err error) bool {
	var e interface{ HTTPCode() int }
	return errors.As(err, &e) && e.HTTPCode() == 404
}
