package skill

import (
	"slices"
	"strings"
)

// Region is one of Alexa's three endpoint regions. Alexa sends the
// directives of a skill language to the endpoint of that language's region,
// and only to a Lambda function in that region's AWS region.
//
//   - Code is the region's key in the manifest's regional endpoints: NA,
//     EU or FE.
//   - Name is how Amazon's documents name it.
//   - AWSRegion is the one AWS region whose functions this endpoint calls,
//     and AWSName its usual name.
//   - ClientID is the account-linking client ID Home Assistant accepts for
//     the Alexa apps of this region: Home Assistant treats the client ID as
//     a URL and sends the login result only to a page on its host, which is
//     the Alexa redirect host of the region.
//   - EventGateway is where Home Assistant sends proactive events (Send
//     Alexa Events) for skills of this region.
type Region struct {
	Code         string
	Name         string
	AWSRegion    string
	AWSName      string
	ClientID     string
	EventGateway string
}

// Locale is a skill language Alexa Smart Home supports: its code (the
// manifest's locale key, and Home Assistant's `locale:`), the name Amazon's
// documents give it, and the code of the Region that serves it.
type Locale struct {
	Code     string
	Language string
	Region   string
}

// The one table of these facts: lee skill writes them into skills and
// docs/SETUP.md states them (a test in deploycheck holds the document to
// this table).
// Sources: Amazon's smart home multi-language guide (the languages and
// their deploy regions), Amazon's account-linking redirect URLs and Home
// Assistant's alexa.smart_home page (client IDs, event gateways).
var (
	regions = []Region{
		{"NA", "North America", "us-east-1", "N. Virginia", "https://pitangui.amazon.com/", "https://api.amazonalexa.com/v3/events"},
		{"EU", "Europe, India and Middle East", "eu-west-1", "Ireland", "https://layla.amazon.com/", "https://api.eu.amazonalexa.com/v3/events"},
		{"FE", "Far East", "us-west-2", "Oregon", "https://alexa.amazon.co.jp/", "https://api.fe.amazonalexa.com/v3/events"},
	}
	locales = []Locale{
		{"en-US", "English (US)", "NA"},
		{"en-CA", "English (CA)", "NA"},
		{"es-MX", "Spanish (MX)", "NA"},
		{"es-US", "Spanish (US)", "NA"},
		{"fr-CA", "French (CA)", "NA"},
		{"pt-BR", "Portuguese (BR)", "NA"},
		{"ar-SA", "Arabic (SA)", "EU"},
		{"de-DE", "German (DE)", "EU"},
		{"en-GB", "English (UK)", "EU"},
		{"en-IN", "English (IN)", "EU"},
		{"es-ES", "Spanish (ES)", "EU"},
		{"fr-FR", "French (FR)", "EU"},
		{"hi-IN", "Hindi (IN)", "EU"},
		{"it-IT", "Italian (IT)", "EU"},
		{"nl-NL", "Dutch (NL)", "EU"},
		{"en-AU", "English (AU)", "FE"},
		{"ja-JP", "Japanese (JP)", "FE"},
	}
)

// Regions returns Alexa's endpoint regions in the table's order: NA, EU, FE.
func Regions() []Region { return slices.Clone(regions) }

// Locales returns every skill language Alexa Smart Home supports, grouped
// by region in the order of Regions.
func Locales() []Locale { return slices.Clone(locales) }

// RegionByCode returns the region with the code NA, EU or FE (any case).
func RegionByCode(code string) (Region, bool) {
	for _, r := range regions {
		if strings.EqualFold(r.Code, code) {
			return r, true
		}
	}
	return Region{}, false
}

// RegionOfAWS returns the Alexa region whose endpoint calls functions in
// the AWS region name, if any.
func RegionOfAWS(name string) (Region, bool) {
	for _, r := range regions {
		if r.AWSRegion == name {
			return r, true
		}
	}
	return Region{}, false
}

// LookupLocale returns the locale with the code (any case, "-" or "_").
func LookupLocale(code string) (Locale, bool) {
	code = strings.ReplaceAll(code, "_", "-")
	for _, l := range locales {
		if strings.EqualFold(l.Code, code) {
			return l, true
		}
	}
	return Locale{}, false
}

// localeCodes lists the supported codes, sorted, for messages.
func localeCodes() string {
	codes := make([]string, len(locales))
	for i, l := range locales {
		codes[i] = l.Code
	}
	slices.Sort(codes)
	return strings.Join(codes, ", ")
}
