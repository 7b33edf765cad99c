// Package skill writes a home owner's Alexa Smart Home skill as files for
// Amazon's Skill Management API (SMAPI), so that the ask CLI can create it
// and set it up instead of some twenty clicks in the developer console: the
// skill manifest (Smart Home, payload version 3, the default and regional
// Lambda endpoints, the languages, the Send Alexa Events permission), the
// account-linking request that makes Home Assistant the skill's OAuth
// server, and a README with the exact ask smapi commands.
//
// It also holds the facts these files rest on, once: which Alexa region
// serves each skill language, the AWS region of each region's functions,
// the account-linking client ID Home Assistant accepts for it and its event
// gateway (Regions, Locales), and what account linking needs of Home
// Assistant's URL (LinkingBase and the Linking*, *Path constants, which
// lee doctor uses too). New refuses, in one line each, what Alexa would
// refuse later or silently: a URL account linking cannot use, an ARN that
// is not a Lambda function or is in the wrong region for its endpoint, a
// language Alexa Smart Home does not support or no endpoint can serve.
//
// See https://developer.amazon.com/docs/smapi/skill-manifest.html and
// https://www.home-assistant.io/integrations/alexa.smart_home/.
package skill
