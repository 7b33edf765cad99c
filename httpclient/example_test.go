package httpclient_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/lee-engine/lee/httpclient"
)

func ExampleClient_Do() {
	ha := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Println("Home Assistant got", r.Method, r.URL.Path, r.Header.Get("Authorization"))
		_, _ = io.WriteString(w, `{"event":{}}`)
	}))
	defer ha.Close()

	client, err := httpclient.New(httpclient.Settings{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer client.CloseIdleConnections()

	ctx, cancel := context.WithTimeout(context.Background(), 7*time.Second)
	defer cancel()
	resp, err := client.Do(ctx, httpclient.Request{
		Method:      http.MethodPost,
		URL:         ha.URL + "/api/alexa/smart_home",
		Body:        []byte(`{"directive":{}}`),
		BearerToken: "example-token",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode, string(resp.Body), httpclient.StatusError(resp))
	// Output:
	// Home Assistant got POST /api/alexa/smart_home Bearer example-token
	// 200 {"event":{}} <nil>
}

func ExampleKindOf() {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := l.Addr().String()
	l.Close()

	client, _ := httpclient.New(httpclient.Settings{UserAgent: "example", Logger: slog.New(slog.DiscardHandler)})
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), 7*time.Second)
	defer cancel()
	_, err := client.Do(ctx, httpclient.Request{Method: http.MethodPost, URL: "http://" + closed})
	fmt.Println(httpclient.KindOf(err))
	// Output: refused
}
