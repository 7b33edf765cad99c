package fakessm_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/lee-engine/lee/tools/fakessm"
)

// ExampleStart fetches a SecureString the way the AWS SDK does, with a raw
// JSON 1.1 request.
func ExampleStart() {
	srv, err := fakessm.Start(fakessm.Settings{Parameters: map[string]string{"/lee/ha_token": "example-token"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	req, err := http.NewRequest(http.MethodPost, srv.URL()+"/", strings.NewReader(`{"Name":"/lee/ha_token","WithDecryption":true}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	req.Header.Set("X-Amz-Target", "AmazonSSM.GetParameter")
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var out struct {
		Parameter struct {
			Type, Value string
			Version     int
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode, out.Parameter.Type, out.Parameter.Value, out.Parameter.Version, srv.Count())
	// Output:
	// 200 SecureString example-token 1 1
}
