package google_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"bitext/translate"
	"bitext/translate/enginetest"
	"bitext/translate/google"
)

func harness(transport string) enginetest.Harness {
	return enginetest.Harness{New: func(t *testing.T, f *enginetest.Fake, cfg translate.Config) translate.Engine {
		srv := newFakeServer(f)
		start := startGRPC
		if transport == "rest" {
			start = startREST
		}
		opts := start(t, srv)
		cfg.Key = "" // the fake is reached without authentication
		cfg.Project = "proj"
		if cfg.Options == nil {
			cfg.Options = map[string]string{}
		}
		cfg.Options["transport"] = transport
		eng, err := google.New(cfg, opts...)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { eng.Close() })
		return eng
	}, Unreachable: func(t *testing.T, addr string, cfg translate.Config) translate.Engine {
		opts := []option.ClientOption{option.WithoutAuthentication()}
		if transport == "rest" {
			addr = "http://" + addr
		} else {
			opts = append(opts, option.WithGRPCDialOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
		}
		cfg.Key, cfg.Project, cfg.URL = "", "proj", addr
		cfg.Options = map[string]string{"transport": transport}
		eng, err := google.New(cfg, opts...)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { eng.Close() })
		return eng
	}}
}

func TestConformanceGRPC(t *testing.T) { enginetest.Run(t, harness("grpc")) }
func TestConformanceREST(t *testing.T) { enginetest.Run(t, harness("rest")) }

func TestRequestFields(t *testing.T) {
	for _, transport := range []string{"grpc", "rest"} {
		t.Run(transport, func(t *testing.T) {
			f := &enginetest.Fake{}
			srv := newFakeServer(f)
			opts := startGRPC(t, srv)
			if transport == "rest" {
				opts = startREST(t, srv)
			}
			eng, err := google.New(translate.Config{Project: "proj", Location: "us-central1", Model: "general/nmt", Glossary: "names",
				Options: map[string]string{"transport": transport}}, opts...)
			if err != nil {
				t.Fatal(err)
			}
			defer eng.Close()
			out, err := eng.Translate(context.Background(), translate.Request{SourceLang: "ar", TargetLang: "en",
				Segments: []translate.Segment{{Text: "قال"}}})
			if err != nil {
				t.Fatal(err)
			}
			// The fake puts the glossary answer in glossary_translations and
			// something else in translations.
			if len(out) != 1 || out[0] != "said" {
				t.Errorf("got %q", out)
			}
			req := srv.lastTrans
			if req.GetParent() != "projects/proj/locations/us-central1" || req.GetMimeType() != "text/plain" ||
				req.GetModel() != "projects/proj/locations/us-central1/models/general/nmt" ||
				req.GetGlossaryConfig().GetGlossary() != "projects/proj/locations/us-central1/glossaries/names" ||
				req.GetSourceLanguageCode() != "ar" {
				t.Errorf("request %v", req)
			}
		})
	}
}

func TestNeedsProject(t *testing.T) {
	var ce *translate.ConfigError
	if _, err := google.New(translate.Config{}); !errors.As(err, &ce) || !strings.Contains(err.Error(), "GOOGLE_CLOUD_PROJECT") {
		t.Errorf("got %v", err)
	}
	if _, err := google.New(translate.Config{Project: "p", Options: map[string]string{"max-items": "many"}}); !errors.As(err, &ce) {
		t.Errorf("max-items=many: got %v", err)
	}
}
