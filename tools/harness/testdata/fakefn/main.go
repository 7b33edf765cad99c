// Command fakefn is a scripted Lambda runtime for the harness's tests. It
// speaks the Runtime API by hand (no aws-lambda-go), so the tests can make it
// break the protocol in ways a real library never would. FAKEFN_INIT picks a
// start-up behaviour; each event's "mode" field picks how that invocation is
// answered. Like aws-lambda-go, it runs AWS_LAMBDA_MAX_CONCURRENCY workers
// (1 when unset), each asking for the next event when it is free.
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
)

var base = "http://" + os.Getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime"

func main() {
	switch os.Getenv("FAKEFN_INIT") {
	case "initerror":
		post(base+"/init/error", "application/json", `{"errorMessage":"missing HA_URL","errorType":"Runtime.FakeInit"}`, "Runtime.FakeInit")
		fmt.Fprintln(os.Stderr, "fakefn: init failed")
		os.Exit(3)
	case "exit":
		fmt.Fprintln(os.Stderr, "fakefn: exiting at init")
		os.Exit(2)
	case "ignoreterm":
		signal.Ignore(syscall.SIGTERM)
	}
	for range workers() - 1 {
		go work()
	}
	work()
}

// workers is how many invocations to run at once, read as aws-lambda-go's
// lambdacontext reads it.
func workers() int {
	n, err := strconv.Atoi(os.Getenv("AWS_LAMBDA_MAX_CONCURRENCY"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

func work() {
	for {
		id, headers, event := next()
		answer(id, headers, event)
	}
}

func next() (string, http.Header, []byte) {
	resp, err := http.Get(base + "/invocation/next")
	if err != nil {
		fmt.Fprintln(os.Stderr, "fakefn: next:", err)
		os.Exit(1)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintln(os.Stderr, "fakefn: next status", resp.StatusCode)
		os.Exit(1)
	}
	return resp.Header.Get("Lambda-Runtime-Aws-Request-Id"), resp.Header, body
}

func answer(id string, h http.Header, event []byte) {
	var e struct {
		Mode string `json:"mode"`
		Gate string `json:"gate"`
	}
	_ = json.Unmarshal(event, &e)
	fmt.Printf("fakefn stdout %s\n", id)
	fmt.Fprintf(os.Stderr, "fakefn stderr %s\n", id)
	inv := base + "/invocation/" + id
	switch e.Mode {
	case "fail":
		post(inv+"/error", "application/json", `{"errorMessage":"boom","errorType":"FakeError"}`, "FakeError")
	case "headerfail":
		post(inv+"/error", "text/plain", "plain failure", "HeaderType")
	case "big":
		post(inv+"/response", "application/json", strings.Repeat("x", 6*1024*1024+1), "")
	case "skip":
	case "crash":
		os.Exit(4)
	case "hang":
		select {}
	case "gate":
		post(inv+"/response", "application/json", passGate(id, e.Gate), "")
	case "wrongid":
		status := post(base+"/invocation/not-a-request/response", "application/json", `{}`, "")
		post(inv+"/response", "application/json", fmt.Sprintf(`{"wrongIDStatus":%d}`, status), "")
	case "race":
		post(inv+"/response", "application/json", fmt.Sprintf(`{"raced":%d}`, race()), "")
	case "trailer":
		postWithTrailer(inv + "/response")
	default:
		post(inv+"/response", "application/json", echo(id, h, event), "")
	}
}

// echo reports what the function saw: the invocation headers, the event and
// its whole environment.
func echo(id string, h http.Header, event []byte) string {
	b, _ := json.Marshal(map[string]any{
		"requestId":   id,
		"deadlineMs":  h.Get("Lambda-Runtime-Deadline-Ms"),
		"functionArn": h.Get("Lambda-Runtime-Invoked-Function-Arn"),
		"traceId":     h.Get("Lambda-Runtime-Trace-Id"),
		"event":       json.RawMessage(event),
		"env":         os.Environ(),
	})
	return string(b)
}

// raced is written without synchronisation by race.
var raced int

// race writes raced from two goroutines at once, a data race on purpose: a
// binary built with -race must report it.
func race() int {
	done := make(chan struct{})
	go func() {
		raced++
		close(done)
	}()
	raced++
	<-done
	return raced
}

// passGate waits until the test's gate at url lets the invocation through
// (a GET that answers when the test says so) and reports what the gate said.
func passGate(id, url string) string {
	said := "gate failed"
	resp, err := http.Get(url)
	if err == nil {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		said = string(b)
	}
	b, _ := json.Marshal(map[string]string{"requestId": id, "gate": said})
	return string(b)
}

func post(url, contentType, body, errType string) int {
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	if errType != "" {
		req.Header.Set("Lambda-Runtime-Function-Error-Type", errType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fakefn: post:", err)
		return 0
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}

// postWithTrailer fails a streamed response part way, the way aws-lambda-go
// reports it: the error travels in HTTP trailers after a partial body.
func postWithTrailer(url string) {
	errBody := base64.StdEncoding.EncodeToString([]byte(`{"errorMessage":"stream broke","errorType":"StreamError"}`))
	trailer := http.Header{"Lambda-Runtime-Function-Error-Type": nil, "Lambda-Runtime-Function-Error-Body": nil}
	body := &trailerReader{r: bytes.NewReader([]byte(`{"partial":`)), trailer: trailer, errType: "StreamError", errBody: errBody}
	req, _ := http.NewRequest(http.MethodPost, url, body)
	req.Trailer = trailer
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fakefn: post:", err)
		return
	}
	resp.Body.Close()
}

// trailerReader fills in the trailer values when the body ends.
type trailerReader struct {
	r       io.Reader
	trailer http.Header
	errType string
	errBody string
}

func (t *trailerReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err == io.EOF {
		t.trailer.Set("Lambda-Runtime-Function-Error-Type", t.errType)
		t.trailer.Set("Lambda-Runtime-Function-Error-Body", t.errBody)
	}
	return n, err
}
