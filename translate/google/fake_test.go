package google_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"cloud.google.com/go/longrunning/autogen/longrunningpb"
	"cloud.google.com/go/translate/apiv3/translatepb"
	"google.golang.org/api/option"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/types/known/anypb"
	"google.golang.org/protobuf/types/known/durationpb"

	"bitext/translate/enginetest"
)

// fakeServer speaks TranslationService over gRPC, and over REST through
// ServeHTTP, answering through an enginetest.Fake. It also keeps glossaries,
// creating them through a long-running operation that is done on its second
// poll.
type fakeServer struct {
	translatepb.UnimplementedTranslationServiceServer
	longrunningpb.UnimplementedOperationsServer
	fake *enginetest.Fake

	mu         sync.Mutex
	glossaries map[string]*translatepb.Glossary
	ops        map[string]int // operation name -> polls
	opResult   map[string]*translatepb.Glossary
	lastTrans  *translatepb.TranslateTextRequest
}

func newFakeServer(f *enginetest.Fake) *fakeServer {
	return &fakeServer{fake: f, glossaries: map[string]*translatepb.Glossary{}, ops: map[string]int{}, opResult: map[string]*translatepb.Glossary{}}
}

func (s *fakeServer) translate(ctx context.Context, req *translatepb.TranslateTextRequest, auth string) (*translatepb.TranslateTextResponse, enginetest.Fault, string) {
	s.mu.Lock()
	s.lastTrans = req
	s.mu.Unlock()
	extra := req.GetMimeType() + " " + req.GetModel() + " " + req.GetGlossaryConfig().GetGlossary()
	out, fault := s.fake.Serve(ctx, enginetest.Received{SourceLang: req.GetSourceLanguageCode(), TargetLang: req.GetTargetLanguageCode(),
		Texts: req.GetContents(), Extra: extra, Auth: auth})
	if fault != enginetest.OK {
		return nil, fault, "request for " + req.GetParent() + " with credentials " + auth
	}
	resp := &translatepb.TranslateTextResponse{}
	for _, t := range out {
		tr := &translatepb.Translation{TranslatedText: t}
		if req.GetGlossaryConfig() != nil {
			resp.GlossaryTranslations = append(resp.GlossaryTranslations, tr)
			resp.Translations = append(resp.Translations, &translatepb.Translation{TranslatedText: "without glossary"})
		} else {
			resp.Translations = append(resp.Translations, tr)
		}
	}
	return resp, enginetest.OK, ""
}

func faultStatus(f enginetest.Fault, echo string) *status.Status {
	switch f {
	case enginetest.RateLimited:
		st, _ := status.New(codes.ResourceExhausted, "rate limited").WithDetails(&errdetails.RetryInfo{RetryDelay: durationpb.New(enginetest.RetryAfter)})
		return st
	case enginetest.DailyQuota:
		return status.New(codes.ResourceExhausted, "Quota exceeded for quota metric 'characters' and limit 'characters per day'")
	case enginetest.Unavailable:
		return status.New(codes.Unavailable, "service unavailable")
	case enginetest.BadRequest:
		return status.New(codes.InvalidArgument, "invalid target language; "+echo)
	case enginetest.TooLarge:
		return status.New(codes.InvalidArgument, "Text is too long.")
	case enginetest.Hang:
		return status.New(codes.DeadlineExceeded, "deadline exceeded")
	}
	return status.New(codes.Internal, "unexpected fault")
}

func (s *fakeServer) TranslateText(ctx context.Context, req *translatepb.TranslateTextRequest) (*translatepb.TranslateTextResponse, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	auth := strings.Join(append(md.Get("x-goog-api-key"), md.Get("authorization")...), " ")
	resp, fault, echo := s.translate(ctx, req, auth)
	if fault != enginetest.OK {
		return nil, faultStatus(fault, echo).Err()
	}
	return resp, nil
}

func (s *fakeServer) CreateGlossary(ctx context.Context, req *translatepb.CreateGlossaryRequest) (*longrunningpb.Operation, error) {
	g := req.GetGlossary()
	if g.GetInputConfig().GetGcsSource().GetInputUri() == "" {
		return nil, status.Error(codes.InvalidArgument, "input_config.gcs_source is required")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.glossaries[g.GetName()]; ok {
		return nil, status.Error(codes.AlreadyExists, "glossary exists")
	}
	name := req.GetParent() + "/operations/op" + string(rune('a'+len(s.ops)))
	s.ops[name] = 0
	s.opResult[name] = g
	return &longrunningpb.Operation{Name: name}, nil
}

func (s *fakeServer) UpdateGlossary(ctx context.Context, req *translatepb.UpdateGlossaryRequest) (*longrunningpb.Operation, error) {
	g := req.GetGlossary()
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.glossaries[g.GetName()]; !ok {
		return nil, status.Error(codes.NotFound, "glossary not found")
	}
	if len(req.GetUpdateMask().GetPaths()) == 0 {
		return nil, status.Error(codes.InvalidArgument, "update_mask is required")
	}
	name := g.GetName() + "/operations/update" + strconv.Itoa(len(s.ops))
	s.ops[name] = 0
	s.opResult[name] = g
	return &longrunningpb.Operation{Name: name}, nil
}

func (s *fakeServer) GetOperation(ctx context.Context, req *longrunningpb.GetOperationRequest) (*longrunningpb.Operation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.opResult[req.GetName()]
	if !ok {
		return nil, status.Error(codes.NotFound, "no such operation")
	}
	s.ops[req.GetName()]++
	if s.ops[req.GetName()] < 2 {
		return &longrunningpb.Operation{Name: req.GetName()}, nil
	}
	g.EntryCount = 7
	s.glossaries[g.GetName()] = g
	res, _ := anypb.New(g)
	return &longrunningpb.Operation{Name: req.GetName(), Done: true, Result: &longrunningpb.Operation_Response{Response: res}}, nil
}

func (s *fakeServer) GetGlossary(ctx context.Context, req *translatepb.GetGlossaryRequest) (*translatepb.Glossary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.glossaries[req.GetName()]
	if !ok {
		return nil, status.Error(codes.NotFound, "glossary not found")
	}
	return g, nil
}

func (s *fakeServer) DeleteGlossary(ctx context.Context, req *translatepb.DeleteGlossaryRequest) (*longrunningpb.Operation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.glossaries[req.GetName()]; !ok {
		return nil, status.Error(codes.NotFound, "glossary not found")
	}
	delete(s.glossaries, req.GetName())
	res, _ := anypb.New(&translatepb.DeleteGlossaryResponse{Name: req.GetName()})
	return &longrunningpb.Operation{Name: req.GetName() + "/delete", Done: true, Result: &longrunningpb.Operation_Response{Response: res}}, nil
}

// startGRPC serves s on a local listener and returns client options that reach it.
func startGRPC(t testing.TB, s *fakeServer) []option.ClientOption {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer()
	translatepb.RegisterTranslationServiceServer(srv, s)
	longrunningpb.RegisterOperationsServer(srv, s)
	go srv.Serve(lis)
	t.Cleanup(srv.Stop)
	return []option.ClientOption{
		option.WithEndpoint(lis.Addr().String()),
		option.WithoutAuthentication(),
		option.WithGRPCDialOption(grpc.WithTransportCredentials(insecure.NewCredentials())),
	}
}

// ServeHTTP is the REST face of the fake: POST /v3/{parent}:translateText
// with a protojson body.
func (s *fakeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, ":translateText") {
		http.Error(w, `{"error":{"code":404,"message":"not found"}}`, http.StatusNotFound)
		return
	}
	body, _ := io.ReadAll(r.Body)
	req := &translatepb.TranslateTextRequest{}
	if err := protojson.Unmarshal(body, req); err != nil {
		http.Error(w, `{"error":{"code":400,"message":"bad json"}}`, http.StatusBadRequest)
		return
	}
	if want := "/v3/" + req.GetParent() + ":translateText"; r.URL.Path != want {
		http.Error(w, `{"error":{"code":400,"message":"path does not match parent"}}`, http.StatusBadRequest)
		return
	}
	resp, fault, echo := s.translate(r.Context(), req, r.Header.Get("X-Goog-Api-Key")+" "+r.Header.Get("Authorization"))
	w.Header().Set("Content-Type", "application/json")
	if fault != enginetest.OK {
		st := faultStatus(fault, echo)
		code := map[codes.Code]int{codes.ResourceExhausted: 429, codes.Unavailable: 503, codes.InvalidArgument: 400, codes.DeadlineExceeded: 504}[st.Code()]
		if fault == enginetest.RateLimited {
			w.Header().Set("Retry-After", "1")
		}
		w.WriteHeader(code)
		sp, _ := protojson.Marshal(st.Proto())
		io.WriteString(w, `{"error":`+strings.Replace(string(sp), `"code":`+strconv.Itoa(int(st.Code())), `"code":`+strconv.Itoa(code), 1)+`}`)
		return
	}
	out, _ := protojson.Marshal(resp)
	w.Write(out)
}

// startREST serves s over HTTP and returns client options that reach it.
func startREST(t testing.TB, s *fakeServer) []option.ClientOption {
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return []option.ClientOption{option.WithEndpoint(srv.URL), option.WithoutAuthentication()}
}
