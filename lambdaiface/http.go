package lambdaiface

import "strings"

// HTTPRequest is a Lambda function URL or API Gateway HTTP API request in
// payload format 2.0, reduced to what LEE routes on. Headers may carry
// secrets: String and LogValue show only the method and path.
type HTTPRequest struct {
	// Version is the payload format version, "2.0".
	Version string `json:"version"`
	// RawPath is the request path, not decoded.
	RawPath string `json:"rawPath"`
	// RawQueryString is the query string without the "?".
	RawQueryString string `json:"rawQueryString,omitempty"`
	// Headers are the request headers; AWS lower-cases the names and joins
	// repeated headers with commas.
	Headers map[string]string `json:"headers,omitempty"`
	// RequestContext describes the request as AWS received it.
	RequestContext HTTPRequestContext `json:"requestContext"`
	// Body is the request body, base64-encoded when IsBase64Encoded is set.
	Body string `json:"body,omitempty"`
	// IsBase64Encoded says whether Body is base64.
	IsBase64Encoded bool `json:"isBase64Encoded"`
}

// HTTPRequestContext is the requestContext member of an HTTPRequest.
type HTTPRequestContext struct {
	// RequestID is AWS's id for the request.
	RequestID string `json:"requestId,omitempty"`
	// HTTP is the request line.
	HTTP HTTPDetails `json:"http"`
}

// HTTPDetails is requestContext.http of an HTTPRequest.
type HTTPDetails struct {
	// Method is the HTTP method, for example "GET".
	Method string `json:"method"`
	// Path is the request path.
	Path string `json:"path"`
	// SourceIP is the client's address.
	SourceIP string `json:"sourceIp,omitempty"`
}

// Header returns the value of the named request header, matching the name
// without regard to case since callers and AWS may spell it differently.
func (r *HTTPRequest) Header(name string) string {
	if r == nil {
		return ""
	}
	if v, ok := r.Headers[strings.ToLower(name)]; ok {
		return v
	}
	for k, v := range r.Headers {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

// HTTPResponse is the answer to an HTTPRequest in payload format 2.0.
type HTTPResponse struct {
	// StatusCode is the HTTP status.
	StatusCode int `json:"statusCode"`
	// Headers are the response headers.
	Headers map[string]string `json:"headers,omitempty"`
	// Body is the response body.
	Body string `json:"body"`
	// IsBase64Encoded says whether Body is base64.
	IsBase64Encoded bool `json:"isBase64Encoded"`
}
