package utility_test

import (
	"fmt"

	"github.com/lee-engine/lee/utility"
)

func ExampleNewMessageID() {
	id := utility.NewMessageID()
	fmt.Println(len(id), id[14:15])
	// Output: 36 4
}

func ExampleLeadingByte() {
	for _, body := range []string{`  {"event":{}}`, "\n<html>", ""} {
		fmt.Printf("%q object=%v\n", utility.LeadingByte([]byte(body)), utility.IsJSONObject([]byte(body)))
	}
	// Output:
	// '{' object=true
	// '<' object=false
	// '\x00' object=false
}
