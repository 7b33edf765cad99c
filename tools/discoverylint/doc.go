// Package discoverylint checks an Alexa Discover.Response, or a bare array of
// endpoints, for the mistakes that make Alexa drop devices without saying
// so: schema violations, duplicate or malformed endpointIds, empty, too long
// or clashing friendly names, missing displayCategories, manufacturerName or
// description, capabilities without an interface, and more than 300
// endpoints. See
// https://developer.amazon.com/en-US/docs/alexa/device-apis/alexa-discovery.html.
//
// Structural checks always run and carry a message that says how to fix the
// endpoint. When the Alexa Smart Home message schema is available the input
// is also validated against its Discover.Response branch, so the errors name
// the exact field instead of "matches none of the message kinds". A bare
// endpoints array is wrapped in a Discover.Response before validation.
package discoverylint
