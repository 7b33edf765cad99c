package skill

import (
	"fmt"
	"strings"
)

// updateSteps: the skill exists and the stack lets it invoke the function;
// the manifest, account linking and enablement go up with SMAPI.
func (k *Skill) updateSteps(b *strings.Builder) {
	b.WriteString("## 1. The skill's ID\n\n" +
		"Use the ID `ask smapi create-skill-for-vendor` printed, or the developer console's Copy Skill ID.\n" +
		"It must be the `SkillId` the stack was deployed with.\n\n```sh\n" +
		"SKILL_ID=amzn1.ask.skill.REPLACE-WITH-YOUR-SKILL-ID\n```\n\n")
	b.WriteString("## 2. Send the manifest\n\n```sh\n" +
		"ask smapi update-skill-manifest --skill-id \"$SKILL_ID\" --stage development --manifest \"file:" + ManifestFile + "\"\n" +
		"ask smapi get-skill-status --skill-id \"$SKILL_ID\" --resource manifest\n```\n\n" +
		"Repeat the second command until `manifest.lastUpdateRequest.status` is `SUCCEEDED`. On `FAILED`\n" +
		"it lists what is wrong; \"The trigger setting for the Lambda ... is invalid\" means the stack was\n" +
		"deployed with another skill's ID or in another region than the ARN's.\n\n")
	k.linkingStep(b)
	b.WriteString("## 4. Enable the skill for testing\n\n```sh\n" +
		"ask smapi set-skill-enablement --skill-id \"$SKILL_ID\" --stage development\n```\n\n")
	step := 5
	if k.events {
		k.eventsStep(b)
		step++
	}
	fmt.Fprintf(b, "## %d. In the Alexa app (or the Alexa website)\n\n", step)
	fmt.Fprintf(b, "Two steps need you:\n\n"+
		"1. Link the account: More → Skills & Games → Your Skills → Dev → your skill → Link account (or\n"+
		"   Enable to use). Home Assistant's login page opens (%s%s): log in.\n"+
		"2. Discover devices: \"Alexa, discover my devices\", or Devices → + → Add Device → Other.\n\n"+
		"If linking or discovery fails, `go run ./tools/cmd/lee doctor --url %s` checks the path Alexa takes.\n",
		k.base, AuthorizePath, k.base)
}

func (k *Skill) linkingStep(b *strings.Builder) {
	files := k.linkingFiles()
	b.WriteString("## 3. Account linking\n\n")
	if len(files) > 1 {
		b.WriteString("A skill has one account-linking configuration, and Home Assistant accepts one client ID per\n" +
			"Alexa region: send the file of the region where your Amazon account is registered.\n\n")
	}
	b.WriteString("```sh\n")
	for _, l := range files {
		if len(files) > 1 {
			fmt.Fprintf(b, "# %s\n", l.region.Name)
		}
		fmt.Fprintf(b, "ask smapi update-account-linking-info --skill-id \"$SKILL_ID\" --stage development --account-linking-request \"file:%s\"\n", l.name)
	}
	b.WriteString("```\n\n")
}

// eventsStep: Home Assistant sends proactive events with the skill's
// messaging credentials, to the event gateway of the skill's region.
func (k *Skill) eventsStep(b *strings.Builder) {
	b.WriteString("## 5. Send Alexa Events: Home Assistant's side\n\n```sh\n" +
		"ask smapi get-skill-credentials --skill-id \"$SKILL_ID\"\n```\n\n" +
		"It prints the skill messaging client ID and secret (not the account-linking ones). Put them in\n" +
		"Home Assistant's `configuration.yaml` with the event gateway of your region, then restart Home\n" +
		"Assistant:\n\n```yaml\nalexa:\n  smart_home:\n")
	fmt.Fprintf(b, "    locale: %s\n", k.locales[0].Code)
	in := k.regionsInUse()
	for i, r := range in {
		comment := ""
		if len(in) > 1 {
			comment = "   # " + r.Name
		}
		prefix := ""
		if i > 0 {
			prefix = "# "
		}
		fmt.Fprintf(b, "    %sendpoint: %s%s\n", prefix, r.EventGateway, comment)
	}
	b.WriteString("    client_id: CLIENT_ID_FROM_GET_SKILL_CREDENTIALS\n" +
		"    client_secret: CLIENT_SECRET_FROM_GET_SKILL_CREDENTIALS\n```\n\n" +
		"Link the account only after this (step 6): Alexa then sends an AcceptGrant through LEE, and Home\n" +
		"Assistant trades its code for the tokens it reports state changes with. A skill linked before\n" +
		"the permission was on must be unlinked and linked again.\n\n")
}
