package security_test

import (
	"errors"
	"fmt"

	"github.com/lee-engine/lee/security"
)

func ExampleValidateEvent() {
	err := security.ValidateEvent([]byte(`{"directive":{"header":{}}}`), security.Limits{MaxDepth: 2})
	fmt.Println(err)
	fmt.Println(errors.Is(err, security.ErrTooDeep))
	// Output:
	// field event: nesting exceeds 2 levels at byte offset 23
	// true
}

func ExampleCheckTokenShape() {
	fmt.Println(security.CheckTokenShape("Bearer abc.def"))
	// Output: field token: byte at offset 6 is not visible ASCII
}

func ExampleSanitizeForLog() {
	fmt.Println(security.SanitizeForLog("light\nlevel=error forged", 16))
	// Output: light\nlevel=er…
}

func ExampleValidateBaseURL() {
	u, err := security.ValidateBaseURL("https://HA.example.com:8123/")
	fmt.Println(u, err)
	_, err = security.ValidateBaseURL("https://admin:secret@ha.example.com")
	fmt.Println(err)
	// Output:
	// https://ha.example.com:8123 <nil>
	// field url: must not contain a user name or password
}
