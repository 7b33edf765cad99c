package uuid_test

import (
	"fmt"

	"github.com/lee-engine/lee/tools/internal/uuid"
)

// ExampleNew makes a message id; the version digit is always 4.
func ExampleNew() {
	id := uuid.New()
	fmt.Println(len(id), id[14:15])
	// Output: 36 4
}
