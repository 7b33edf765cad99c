package fakessm

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// Protocol constants of SSM's JSON 1.1 API.
const (
	targetGetParameter = "AmazonSSM.GetParameter"
	contentType        = "application/x-amz-json-1.1"
	fakeAccount        = "000000000000"
	fakeRegion         = "us-east-1"
	maxBody            = 1 << 16
)

// getParameterInput is the request body of GetParameter.
type getParameterInput struct {
	Name           string `json:"Name"`
	WithDecryption bool   `json:"WithDecryption"`
}

// handle answers one request.
func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	req := Request{
		Target:      r.Header.Get("X-Amz-Target"),
		ContentType: r.Header.Get("Content-Type"),
		Signed:      strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256 "),
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	var in getParameterInput
	if err == nil {
		err = json.Unmarshal(body, &in)
	}
	req.Name, req.WithDecryption = in.Name, in.WithDecryption

	s.mu.Lock()
	s.requests = append(s.requests, req)
	forced := s.forced
	p, found := s.params[in.Name]
	s.mu.Unlock()

	switch {
	case r.Method != http.MethodPost || req.Target != targetGetParameter:
		writeError(w, "UnknownOperationException", fmt.Sprintf("operation %q is not supported by this fake", req.Target))
	case !strings.HasPrefix(req.ContentType, contentType):
		writeError(w, "SerializationException", "Content-Type must be "+contentType)
	case err != nil:
		writeError(w, "SerializationException", "request body is not a GetParameter JSON object")
	case in.Name == "":
		writeError(w, "ValidationException", "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null")
	case forced != "":
		writeError(w, string(forced), forcedMessage(forced, in.Name))
	case !found:
		writeError(w, string(ParameterNotFound), "Parameter "+in.Name+" not found.")
	default:
		writeParameter(w, in, p)
	}
}

// forcedMessage words a forced error the way SSM does.
func forcedMessage(kind ErrorKind, name string) string {
	switch kind {
	case AccessDenied:
		return "User: arn:aws:sts::" + fakeAccount + ":assumed-role/lee/test is not authorized to perform: ssm:GetParameter on resource: " + parameterARN(name)
	case Throttling:
		return "Rate exceeded"
	}
	return "forced error " + string(kind)
}

// writeParameter sends a successful GetParameter answer. Without
// WithDecryption a SecureString comes back encrypted, so the fake returns an
// opaque stand-in instead of the value, as SSM returns ciphertext.
func writeParameter(w http.ResponseWriter, in getParameterInput, p parameter) {
	value := p.value
	if !in.WithDecryption {
		value = base64.StdEncoding.EncodeToString([]byte("fakessm-ciphertext:" + in.Name))
	}
	out := map[string]any{"Parameter": map[string]any{
		"ARN":              parameterARN(in.Name),
		"DataType":         "text",
		"LastModifiedDate": float64(p.modified.UnixMilli()) / 1000,
		"Name":             in.Name,
		"Type":             "SecureString",
		"Value":            value,
		"Version":          p.version,
	}}
	writeJSON(w, http.StatusOK, out)
}

// parameterARN is the ARN SSM reports for name.
func parameterARN(name string) string {
	return "arn:aws:ssm:" + fakeRegion + ":" + fakeAccount + ":parameter/" + strings.TrimPrefix(name, "/")
}

// writeError sends an SSM error: HTTP 400 with the type in the body and in
// the X-Amzn-ErrorType header, where the SDK looks first.
func writeError(w http.ResponseWriter, kind, message string) {
	w.Header().Set("X-Amzn-ErrorType", kind)
	writeJSON(w, http.StatusBadRequest, map[string]string{"__type": kind, "message": message})
}

// writeJSON sends body with SSM's content type.
func writeJSON(w http.ResponseWriter, status int, body any) {
	data, err := json.Marshal(body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Amzn-RequestId", "00000000-0000-0000-0000-000000000000")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}
