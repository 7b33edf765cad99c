package skill

import (
	"fmt"
	"strings"
)

// readme is the folder's README.md: what each file is and the exact
// commands that create or update the skill with the Alexa Skills Kit CLI.
func (k *Skill) readme() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Alexa Smart Home skill for %s\n\n", k.base)
	b.WriteString("Written by `lee skill`. Run the `ask` commands below from this folder (their `file:` paths\n" +
		"are relative to it) and the others from the repository's root. The `ask` commands come from the\n" +
		"Alexa Skills Kit CLI: install it with `npm install -g ask-cli`, then sign in to your Amazon\n" +
		"developer account with `ask configure` (they need no AWS credentials).\n\n")
	k.fileTable(&b)
	if k.defaultARN == nil {
		k.createSteps(&b)
	} else {
		k.updateSteps(&b)
	}
	return []byte(b.String())
}

func (k *Skill) fileTable(b *strings.Builder) {
	b.WriteString("| file | what it is |\n|---|---|\n")
	events := ""
	if k.events {
		events = "; the Send Alexa Events permission"
	}
	fmt.Fprintf(b, "| `%s` | the skill manifest: Smart Home, payload version 3, %s; %s%s |\n",
		ManifestFile, k.languageList(), k.endpointList(), events)
	for _, l := range k.linkingFiles() {
		fmt.Fprintf(b, "| `%s` | account linking with Home Assistant (`%s`, `%s`), client ID `%s` for Alexa accounts of %s |\n",
			l.name, AuthorizePath, TokenPath, l.region.ClientID, l.region.Name)
	}
	b.WriteString("\n")
}

func (k *Skill) languageList() string {
	names := make([]string, len(k.locales))
	for i, l := range k.locales {
		names[i] = l.Language + " `" + l.Code + "`"
	}
	return strings.Join(names, ", ")
}

func (k *Skill) endpointList() string {
	if k.defaultARN == nil {
		return "no endpoint yet"
	}
	parts := []string{"default endpoint `" + k.defaultARN.Raw + "`"}
	for _, r := range regions {
		if a, ok := k.regional[r.Code]; ok {
			parts = append(parts, r.Code+" endpoint `"+a.Raw+"`")
		}
	}
	return strings.Join(parts, ", ")
}

// createSteps: the skill must exist before the stack, whose SkillId
// restricts who may invoke the function, and Alexa refuses an endpoint
// whose function does not let the skill invoke it.
func (k *Skill) createSteps(b *strings.Builder) {
	in := k.regionsInUse()
	b.WriteString("## 1. Create the skill\n\n" +
		"The stack needs the skill's ID and Alexa accepts an endpoint only once the stack lets the skill\n" +
		"invoke it, so the skill is created first, without an endpoint:\n\n```sh\n" +
		"ask smapi create-skill-for-vendor --manifest \"file:" + ManifestFile + "\"\n```\n\n" +
		"It prints `{\"skillId\": \"amzn1.ask.skill....\"}`: keep that ID.\n\n")
	b.WriteString("## 2. Deploy the stack\n\nBuild the package (`make package ARCH=arm64`, docs/SETUP.md step 3), then deploy the\nfunction")
	if len(in) > 1 {
		b.WriteString(" once in each of these AWS regions")
	}
	b.WriteString(", giving the skill's ID as `SkillId`:\n\n```sh\n")
	for _, r := range in {
		fmt.Fprintf(b, "sam deploy --guided --template-file deploy/template.yaml --region %s   # %s\n", r.AWSRegion, k.languagesOf(r))
	}
	fmt.Fprintf(b, "aws cloudformation describe-stacks --stack-name lee --region %s > stack.json\n```\n\n", in[0].AWSRegion)
	b.WriteString("## 3. Write the skill again, with its endpoints\n\n```sh\n" + k.rerun(in) + "\n```\n\n")
	if len(in) > 1 {
		b.WriteString("Each `ARN` is the `FunctionArn` output of the stack in that region.\n")
	}
	b.WriteString("Then follow the README that run writes.\n")
}

// rerun is the lee skill command of the second run.
func (k *Skill) rerun(in []Region) string {
	args := []string{"go run ./tools/cmd/lee skill --ha-url " + k.base.String()}
	for _, l := range k.locales {
		args = append(args, "--locale "+l.Code)
	}
	if k.name != DefaultName {
		args = append(args, "--name "+shellQuote(k.name))
	}
	if k.events {
		args = append(args, "--events")
	}
	args = append(args, "--from-stack stack.json")
	for _, r := range in[1:] {
		args = append(args, "--region-arn "+r.Code+"=ARN")
	}
	return strings.Join(args, " \\\n    ")
}

func (k *Skill) languagesOf(r Region) string {
	var names []string
	for _, l := range k.locales {
		if l.Region == r.Code {
			names = append(names, l.Language)
		}
	}
	return strings.Join(names, ", ")
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
