package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRelayHandle(t *testing.T) {
	var gotPath, gotAuth, gotType, gotBody string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		gotPath, gotAuth, gotType, gotBody = r.URL.Path, r.Header.Get("Authorization"), r.Header.Get("Content-Type"), string(b)
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, `{"ha":"answer"}`)
	}))
	defer srv.Close()

	event := `{"directive":{"endpoint":{"scope":{"token":"tok"}}}}`
	r := relay{url: srv.URL + "/api/alexa/smart_home", client: srv.Client()}
	got, err := r.handle(context.Background(), []byte(event))
	if err != nil {
		t.Fatalf("handle: %v", err)
	}
	if string(got) != `{"ha":"answer"}` {
		t.Errorf("answer = %s; the floor returns the body whatever the status", got)
	}
	if gotPath != "/api/alexa/smart_home" || gotAuth != "Bearer tok" || gotType != "application/json" || gotBody != event {
		t.Errorf("Home Assistant got path %q auth %q type %q body %q", gotPath, gotAuth, gotType, gotBody)
	}
}

func TestRelayHandleErrors(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	tests := []struct {
		name, url, want string
	}{
		{"unreachable", url + "/api/alexa/smart_home", "post to home assistant"},
		{"bad URL", "http://[::1", "build request"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := relay{url: tc.url, client: http.DefaultClient}
			_, err := r.handle(context.Background(), []byte(`{"directive":{"endpoint":{"scope":{"token":"secret"}}}}`))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Error("token in error")
			}
		})
	}
}
