package harness

import (
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestParseFunctionError(t *testing.T) {
	tests := []struct {
		name, body, header string
		want               FunctionError
	}{
		{"body wins", `{"errorMessage":"m","errorType":"T"}`, "H", FunctionError{Type: "T", Message: "m"}},
		{"header fills the type", `{"errorMessage":"m"}`, "H", FunctionError{Type: "H", Message: "m"}},
		{"not JSON", "plain text", "H", FunctionError{Type: "H", Message: "plain text"}},
		{"JSON but not an object", `"quoted"`, "", FunctionError{Message: `"quoted"`}},
		{"empty", "", "", FunctionError{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := parseFunctionError([]byte(tc.body), tc.header); *got != tc.want {
				t.Errorf("got %+v, want %+v", *got, tc.want)
			}
		})
	}
}

func TestTrailerError(t *testing.T) {
	enc := base64.StdEncoding.EncodeToString
	tests := []struct {
		name, errType, body string
		want                FunctionError
	}{
		{"decoded body", "T", enc([]byte(`{"errorMessage":"m","errorType":"B"}`)), FunctionError{Type: "B", Message: "m"}},
		{"type from trailer", "T", enc([]byte(`{"errorMessage":"m"}`)), FunctionError{Type: "T", Message: "m"}},
		{"not base64", "T", "%%%", FunctionError{Type: "T", Message: "%%%"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := trailerError(tc.errType, tc.body); *got != tc.want {
				t.Errorf("got %+v, want %+v", *got, tc.want)
			}
		})
	}
}

func TestReadLimited(t *testing.T) {
	tests := []struct {
		body     string
		limit    int
		wantBody string
		tooLarge bool
	}{
		{"abc", 3, "abc", false},
		{"abcd", 3, "", true},
		{"", 3, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.body, func(t *testing.T) {
			got, tooLarge, err := readLimited(strings.NewReader(tc.body), tc.limit)
			if err != nil || string(got) != tc.wantBody || tooLarge != tc.tooLarge {
				t.Errorf("got %q, %v, %v", got, tooLarge, err)
			}
		})
	}
}

func TestRoutesRejectUnknownPathsAndMethods(t *testing.T) {
	r := newRuntime(Settings{}.withDefaults(), nil)
	tests := []struct {
		method, path string
		want         int
	}{
		{http.MethodGet, "/2018-06-01/runtime/unknown", http.StatusNotFound},
		{http.MethodPost, apiPrefix + "/invocation/next", http.StatusMethodNotAllowed},
		{http.MethodGet, apiPrefix + "/init/error", http.StatusMethodNotAllowed},
		{http.MethodPost, apiPrefix + "/invocation/nobody/response", http.StatusBadRequest},
		{http.MethodPost, apiPrefix + "/invocation/nobody/error", http.StatusBadRequest},
		{http.MethodPost, apiPrefix + "/init/error", http.StatusAccepted},
	}
	for _, tc := range tests {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			r.routes().ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, strings.NewReader(`{}`)))
			if rec.Code != tc.want {
				t.Errorf("status = %d, want %d", rec.Code, tc.want)
			}
		})
	}
}
