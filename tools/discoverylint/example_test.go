package discoverylint_test

import (
	"fmt"

	"github.com/lee-engine/lee/tools/discoverylint"
)

// ExampleLinter_Lint checks two endpoints with the structural rules only
// (no schema path): the second reuses the first's id and has a dot in it.
func ExampleLinter_Lint() {
	linter, err := discoverylint.New(discoverylint.Settings{})
	if err != nil {
		fmt.Println(err)
		return
	}
	endpoints := `[
	  {"endpointId": "light#kitchen", "friendlyName": "Kitchen", "description": "Kitchen light", "manufacturerName": "Home Assistant",
	   "displayCategories": ["LIGHT"], "capabilities": [{"type": "AlexaInterface", "interface": "Alexa", "version": "3"}]},
	  {"endpointId": "light.hall", "friendlyName": "kitchen", "description": "Hall light", "manufacturerName": "Home Assistant",
	   "displayCategories": ["LIGHT"], "capabilities": [{"type": "AlexaInterface", "interface": "Alexa", "version": "3"}]}
	]`
	report, err := linter.Lint([]byte(endpoints))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range report.Findings {
		fmt.Println(f)
	}
	fmt.Println("ok:", report.OK())
	// Output:
	// error   light.hall: endpointId contains '.': Alexa allows only letters, digits and _-=#;:?@&; replace it (Home Assistant turns "." into "#")
	// warning light.hall: friendlyName "kitchen" repeats endpoint #0 (names compare without case): Alexa cannot tell them apart by voice; rename one
	// ok: false
}
