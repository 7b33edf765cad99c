package lambdaiface

// HTTPRequest is a Lambda function URL or API Gateway HTTP API request in
// payload format 2.0, reduced to what LEE routes on: the method and path.
// Its headers and body, which may carry credentials, are never read.
type HTTPRequest struct {
	// Version is the payload format version, "2.0".
	Version string `json:"version"`
	// RawPath is the request path, not decoded.
	RawPath string `json:"rawPath"`
	// RequestContext describes the request as AWS received it.
	RequestContext HTTPRequestContext `json:"requestContext"`
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
