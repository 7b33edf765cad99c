// Package doctor diagnoses, from the user's own machine, why LEE cannot
// reach a Home Assistant: it checks step by step what the Lambda function
// will need, the way the function does it, and says for each step what it
// found and how to fix it.
//
// The steps are: the URL's shape (and whether Alexa account linking can use
// it), the token, DNS, the TCP connection, TLS (chain, expiry, host name),
// GET /api/ with the token, and a real Discovery through
// POST /api/alexa/smart_home, whose answer is linted for what makes Alexa
// drop devices (package discoverylint) and timed against Alexa's 8 second
// budget. A step that later steps depend on stops the run when it fails.
//
// The token and any extra header values never appear in a Report: every
// finding is scrubbed of them before it is stored. The lee doctor command
// prints the Report; see the Home Assistant side of the set-up in
// https://www.home-assistant.io/integrations/alexa.smart_home/.
package doctor
