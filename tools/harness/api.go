package harness

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Runtime API 2018-06-01 names, as the API reference spells them.
const (
	apiPrefix         = "/2018-06-01/runtime"
	headerRequestID   = "Lambda-Runtime-Aws-Request-Id"
	headerDeadline    = "Lambda-Runtime-Deadline-Ms"
	headerFunctionARN = "Lambda-Runtime-Invoked-Function-Arn"
	headerTraceID     = "Lambda-Runtime-Trace-Id"
	headerErrorType   = "Lambda-Runtime-Function-Error-Type"
	trailerErrorBody  = "Lambda-Runtime-Function-Error-Body"
	maxErrorBody      = 1 << 20
)

// routes maps the Runtime API's four endpoints; anything else is a 404 and a
// wrong method a 405, both from the standard mux.
func (r *Runtime) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+apiPrefix+"/invocation/next", r.handleNext)
	mux.HandleFunc("POST "+apiPrefix+"/invocation/{id}/response", r.handleResponse)
	mux.HandleFunc("POST "+apiPrefix+"/invocation/{id}/error", r.handleError)
	mux.HandleFunc("POST "+apiPrefix+"/init/error", r.handleInitError)
	return mux
}

// handleNext blocks until an Invoke hands over an event, the function goes
// away, or the Runtime closes. One at a time, asking for the next event ends
// the invocation in flight; with overlapping invocations it first waits for
// a free slot, so no more than Settings.MaxConcurrency are ever unanswered.
func (r *Runtime) handleNext(w http.ResponseWriter, req *http.Request) {
	r.noteFirst(&r.firstNext)
	if r.slots == nil {
		r.dropUnanswered()
	} else if !r.takeSlot(w, req) {
		return
	}
	r.count(&r.waiting, 1)
	var inv *invocation
	select {
	case inv = <-r.queue:
	case <-req.Context().Done():
	case <-r.closing:
	}
	// No longer waiting before the event goes out: a WaitForNext after
	// the answer must not see this request, only the process's next one.
	r.count(&r.waiting, -1)
	switch {
	case inv != nil:
		r.deliver(w, inv)
	case req.Context().Err() == nil:
		r.releaseSlot()
		writeShuttingDown(w)
	default:
		r.releaseSlot()
	}
}

// takeSlot waits for room for one more unanswered invocation; it reports
// false, having answered the request if it still can, when the function
// went away or the Runtime closed first.
func (r *Runtime) takeSlot(w http.ResponseWriter, req *http.Request) bool {
	select {
	case r.slots <- struct{}{}:
		return true
	case <-req.Context().Done():
	case <-r.closing:
		writeShuttingDown(w)
	}
	return false
}

// releaseSlot frees the slot of an invocation that was answered, or of a
// request for the next event that got none.
func (r *Runtime) releaseSlot() {
	if r.slots != nil {
		<-r.slots
	}
}

func (r *Runtime) deliver(w http.ResponseWriter, inv *invocation) {
	r.mu.Lock()
	inv.delivered = time.Now()
	r.inflight[inv.id] = inv
	r.mu.Unlock()
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set(headerRequestID, inv.id)
	h.Set(headerDeadline, strconv.FormatInt(inv.deadline.UnixMilli(), 10))
	h.Set(headerFunctionARN, r.settings.functionARN())
	h.Set(headerTraceID, inv.traceID)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(inv.event)
	// The event is on its way once it has left the server: a process
	// stopped with SIGSTOP finds it waiting when it resumes.
	_ = http.NewResponseController(w).Flush()
	r.count(&r.delivered, 1)
}

// dropUnanswered settles invocations left open when the function asks for
// another event: asking for the next event ends the current one in Lambda's
// protocol, so an unanswered one can never be answered any more.
func (r *Runtime) dropUnanswered() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for id, inv := range r.inflight {
		delete(r.inflight, id)
		if !inv.abandoned {
			inv.done <- answer{err: fmt.Errorf("the function asked for the next event without answering request %s", id), at: time.Now()}
		}
	}
}

func (r *Runtime) handleResponse(w http.ResponseWriter, req *http.Request) {
	body, tooLarge, err := readLimited(req.Body, MaxPayload)
	if err != nil {
		writeAPIError(w, http.StatusBadRequest, "InvalidRequest", "reading the response body: "+err.Error())
		return
	}
	var a answer
	switch {
	case tooLarge:
		a.fnErr = &FunctionError{
			Type:    "Function.ResponseSizeTooLarge",
			Message: fmt.Sprintf("Response payload size exceeded maximum allowed payload size (%d bytes).", MaxPayload),
		}
	case req.Trailer.Get(headerErrorType) != "":
		a.fnErr = trailerError(req.Trailer.Get(headerErrorType), req.Trailer.Get(trailerErrorBody))
	default:
		a.payload = body
	}
	if !r.complete(req.PathValue("id"), a) {
		writeAPIError(w, http.StatusBadRequest, "InvalidRequestID", "unknown request id")
		return
	}
	if tooLarge {
		writeAPIError(w, http.StatusRequestEntityTooLarge, "RequestEntityTooLarge", a.fnErr.Message)
		return
	}
	writeAccepted(w)
}

func (r *Runtime) handleError(w http.ResponseWriter, req *http.Request) {
	body, _, err := readLimited(req.Body, maxErrorBody)
	if err != nil {
		writeAPIError(w, http.StatusBadRequest, "InvalidRequest", "reading the error body: "+err.Error())
		return
	}
	a := answer{fnErr: parseFunctionError(body, req.Header.Get(headerErrorType))}
	if !r.complete(req.PathValue("id"), a) {
		writeAPIError(w, http.StatusBadRequest, "InvalidRequestID", "unknown request id")
		return
	}
	writeAccepted(w)
}

// handleInitError records the first init error; Invoke then reports it with
// the process's exit status. Lambda would tear the environment down here;
// the harness leaves that to the process and to Close.
func (r *Runtime) handleInitError(w http.ResponseWriter, req *http.Request) {
	body, _, err := readLimited(req.Body, maxErrorBody)
	if err != nil {
		writeAPIError(w, http.StatusBadRequest, "InvalidRequest", "reading the error body: "+err.Error())
		return
	}
	fe := parseFunctionError(body, req.Header.Get(headerErrorType))
	r.mu.Lock()
	if r.initErr == nil {
		r.initErr = fe
		close(r.initFailed)
	}
	r.mu.Unlock()
	writeAccepted(w)
}

// complete hands an answer to the Invoke waiting for request id and frees
// the invocation's slot. It reports false for an id that was never handed
// out or was already answered; an answer for an abandoned invocation (its
// deadline passed) is accepted and dropped: until then its worker was busy,
// so it kept its slot.
func (r *Runtime) complete(id string, a answer) bool {
	now := time.Now()
	r.mu.Lock()
	inv, ok := r.inflight[id]
	if !ok {
		r.mu.Unlock()
		return false
	}
	delete(r.inflight, id)
	if r.firstReply.IsZero() {
		r.firstReply = now
	}
	if !inv.abandoned {
		a.at = now
		inv.done <- a
	}
	r.mu.Unlock()
	r.releaseSlot()
	return true
}

func (r *Runtime) noteFirst(t *time.Time) {
	r.mu.Lock()
	if t.IsZero() {
		*t = time.Now()
	}
	r.mu.Unlock()
}

// readLimited reads at most limit bytes and reports whether the body held
// more.
func readLimited(body io.Reader, limit int) ([]byte, bool, error) {
	b, err := io.ReadAll(io.LimitReader(body, int64(limit)+1))
	if err != nil {
		return nil, false, err
	}
	if len(b) > limit {
		return nil, true, nil
	}
	return b, false, nil
}

// parseFunctionError reads the {errorMessage, errorType} body the API
// expects; a body that is not such an object is kept whole as the message.
func parseFunctionError(body []byte, headerType string) *FunctionError {
	var fe FunctionError
	if err := json.Unmarshal(body, &fe); err != nil {
		fe = FunctionError{Message: string(body)}
	}
	if fe.Type == "" {
		fe.Type = headerType
	}
	return &fe
}

// trailerError decodes the error aws-lambda-go sends in trailers when a
// streamed response fails part way: the type, and the error body in base64.
func trailerError(errType, encodedBody string) *FunctionError {
	body, err := base64.StdEncoding.DecodeString(encodedBody)
	if err != nil {
		return &FunctionError{Type: errType, Message: encodedBody}
	}
	return parseFunctionError(body, errType)
}

func writeAccepted(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusAccepted)
	_, _ = io.WriteString(w, `{"status":"OK"}`)
}

func writeShuttingDown(w http.ResponseWriter) {
	writeAPIError(w, http.StatusServiceUnavailable, "ServiceUnavailable", "the harness is shutting down")
}

func writeAPIError(w http.ResponseWriter, status int, errType, msg string) {
	body, _ := json.Marshal(FunctionError{Type: errType, Message: msg})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
