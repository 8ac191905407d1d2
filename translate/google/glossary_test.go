package google_test

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"cloud.google.com/go/storage"
	translate3 "cloud.google.com/go/translate/apiv3"
	"google.golang.org/api/option"

	"bitext/glossary"
	"bitext/translate/enginetest"
	"bitext/translate/google"
)

// fakeGCS takes single-request (multipart) uploads like Cloud Storage's JSON API.
type fakeGCS struct {
	mu      sync.Mutex
	objects map[string]string // "bucket/name" -> content
}

func (g *fakeGCS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	bucket, ok := strings.CutPrefix(r.URL.Path, "/upload/storage/v1/b/")
	if !ok || r.Method != http.MethodPost || r.URL.Query().Get("uploadType") != "multipart" {
		http.Error(w, `{"error":{"code":400,"message":"unsupported"}}`, 400)
		return
	}
	bucket = strings.TrimSuffix(bucket, "/o")
	_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		http.Error(w, err.Error(), 400)
		return
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	var meta struct{ Name string }
	part, err := mr.NextPart()
	if err == nil {
		err = json.NewDecoder(part).Decode(&meta)
	}
	var content []byte
	if err == nil {
		part, err = mr.NextPart()
		if err == nil {
			content, err = io.ReadAll(part)
		}
	}
	if err != nil {
		http.Error(w, err.Error(), 400)
		return
	}
	g.mu.Lock()
	g.objects[bucket+"/"+meta.Name] = string(content)
	g.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	sum := make([]byte, 4)
	binary.BigEndian.PutUint32(sum, crc32.Checksum(content, crc32.MakeTable(crc32.Castagnoli)))
	json.NewEncoder(w).Encode(map[string]any{"bucket": bucket, "name": meta.Name, "size": strconv.Itoa(len(content)),
		"crc32c": base64.StdEncoding.EncodeToString(sum)})
}

const pushGlossary = `terms:
  - ar: بوتين
    en: Putin
    variants: [پوتين]
  - ar: الجزيرة
    en: Al Jazeera
  - ar: وفا
    translate: false
`

func TestPushGlossary(t *testing.T) {
	ctx := context.Background()
	g, err := glossary.Parse("g.yaml", []byte(pushGlossary))
	if err != nil {
		t.Fatal(err)
	}
	srv := newFakeServer(&enginetest.Fake{})
	tc, err := translate3.NewTranslationClient(ctx, startGRPC(t, srv)...)
	if err != nil {
		t.Fatal(err)
	}
	defer tc.Close()
	gcs := &fakeGCS{objects: map[string]string{}}
	hs := httptest.NewServer(gcs)
	defer hs.Close()
	sc, err := storage.NewClient(ctx, option.WithEndpoint(hs.URL+"/storage/v1/"), option.WithoutAuthentication())
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	p := google.Push{Project: "proj", Location: "us-central1", ID: "names", GCSURI: "gs://bkt/glossaries/names.tsv",
		SourceLang: "ar", TargetLang: "en", PollInterval: 10 * time.Millisecond}

	res, err := google.PushGlossary(ctx, tc, sc, g, p)
	if err != nil {
		t.Fatal(err)
	}
	want := "الجزيرة\tAl Jazeera\nبوتين\tPutin\nوفا\tوفا\nپوتين\tPutin\n"
	if got := gcs.objects["bkt/glossaries/names.tsv"]; got != want {
		t.Errorf("uploaded %q, want %q", got, want)
	}
	if !res.Created || res.Rows != 4 || res.Entries != 7 || res.Name != "projects/proj/locations/us-central1/glossaries/names" {
		t.Errorf("first push: %+v", res)
	}
	stored := srv.glossaries[res.Name]
	if stored.GetInputConfig().GetGcsSource().GetInputUri() != p.GCSURI || stored.GetLanguagePair().GetSourceLanguageCode() != "ar" {
		t.Errorf("glossary %v", stored)
	}
	res, err = google.PushGlossary(ctx, tc, sc, g, p)
	if err != nil || res.Created {
		t.Errorf("second push should update: %+v, %v", res, err)
	}
	p.GCSURI = "bkt/names.tsv"
	if _, err := google.PushGlossary(ctx, tc, sc, g, p); err == nil {
		t.Error("a URI without gs:// was accepted")
	}
}

func TestGlossaryTSVRejectsTabs(t *testing.T) {
	g, err := glossary.Parse("g.yaml", []byte("terms:\n  - ar: بوتين\n    en: \"Pu\\ttin\"\n"))
	if err != nil {
		t.Skip("the glossary itself refuses tabs:", err)
	}
	if _, err := google.GlossaryTSV(io.Discard, g); err == nil || !strings.Contains(err.Error(), "g.yaml:2") {
		t.Errorf("got %v", err)
	}
}
