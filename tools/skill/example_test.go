package skill_test

import (
	"fmt"

	"github.com/lee-engine/lee/tools/skill"
)

// ExampleNew describes a German-speaking home's skill, with the function
// deployed in Ireland, and lists the files it writes.
func ExampleNew() {
	k, err := skill.New(skill.Settings{
		HAURL:       "https://ha.example.com",
		FunctionARN: "arn:aws:lambda:eu-west-1:123456789012:function:lee:live",
		Locales:     []string{"de-DE"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	files, err := k.Files()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range files {
		fmt.Println(f.Name)
	}
	// Output:
	// skill-package/skill.json
	// account-linking.json
	// README.md
}

// ExampleNew_refused shows a refusal: a function in the wrong region for
// the skill's language, which Alexa would never call.
func ExampleNew_refused() {
	_, err := skill.New(skill.Settings{
		HAURL:       "https://ha.example.com",
		FunctionARN: "arn:aws:lambda:us-east-1:123456789012:function:lee:live",
		Locales:     []string{"nl-NL"},
	})
	fmt.Println(err)
	// Output:
	// skill settings: nl-NL (Dutch (NL)) is served by Alexa's Europe, India and Middle East endpoint, which calls functions in eu-west-1 only, and the function arn:aws:lambda:us-east-1:123456789012:function:lee:live is in us-east-1: deploy the stack in eu-west-1 too and give its ARN with --region-arn EU=ARN
}
