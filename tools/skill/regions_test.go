package skill_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/lee-engine/lee/tools/skill"
)

// TestRegionTable holds the table's shape: three regions in three AWS
// regions, client IDs that are https URLs with the trailing slash Home
// Assistant needs, event gateways under /v3/events, and every language
// in a region that exists, once.
func TestRegionTable(t *testing.T) {
	regions := skill.Regions()
	if len(regions) != 3 {
		t.Fatalf("%d regions, want NA, EU and FE", len(regions))
	}
	aws := map[string]bool{}
	for _, r := range regions {
		if aws[r.AWSRegion] {
			t.Errorf("%s: AWS region %s used twice", r.Code, r.AWSRegion)
		}
		aws[r.AWSRegion] = true
		if u, err := url.Parse(r.ClientID); err != nil || u.Scheme != "https" || u.Path != "/" {
			t.Errorf("%s: client ID %q is not https://host/", r.Code, r.ClientID)
		}
		if !strings.HasPrefix(r.EventGateway, "https://") || !strings.HasSuffix(r.EventGateway, "/v3/events") {
			t.Errorf("%s: event gateway %q", r.Code, r.EventGateway)
		}
		if got, ok := skill.RegionOfAWS(r.AWSRegion); !ok || got.Code != r.Code {
			t.Errorf("RegionOfAWS(%s) = %v, %v", r.AWSRegion, got, ok)
		}
		if got, ok := skill.RegionByCode(strings.ToLower(r.Code)); !ok || got != r {
			t.Errorf("RegionByCode(%s) = %v, %v", r.Code, got, ok)
		}
	}
	seen := map[string]bool{}
	for _, l := range skill.Locales() {
		if seen[l.Code] {
			t.Errorf("%s listed twice", l.Code)
		}
		seen[l.Code] = true
		if _, ok := skill.RegionByCode(l.Region); !ok {
			t.Errorf("%s: region %q does not exist", l.Code, l.Region)
		}
	}
	if len(seen) != 17 {
		t.Errorf("%d languages; Amazon's smart home guide lists 17", len(seen))
	}
}

// TestLocaleRegions pins the facts issue 12 and 15 were about: Arabic (SA)
// and Dutch (NL) are served from Ireland, like the rest of Europe and India.
func TestLocaleRegions(t *testing.T) {
	for code, aws := range map[string]string{
		"ar-SA": "eu-west-1", "nl-NL": "eu-west-1", "hi-IN": "eu-west-1", "en-IN": "eu-west-1", "de-DE": "eu-west-1",
		"en-US": "us-east-1", "pt-BR": "us-east-1", "es-US": "us-east-1", "fr-CA": "us-east-1",
		"ja-JP": "us-west-2", "en-AU": "us-west-2",
	} {
		l, ok := skill.LookupLocale(code)
		if !ok {
			t.Errorf("%s is missing", code)
			continue
		}
		r, _ := skill.RegionByCode(l.Region)
		if r.AWSRegion != aws {
			t.Errorf("%s is served from %s, want %s", code, r.AWSRegion, aws)
		}
	}
	if _, ok := skill.LookupLocale("en-NZ"); ok {
		t.Error("en-NZ is no Alexa Smart Home language")
	}
}

// TestRegionsIsACopy: callers cannot change the table.
func TestRegionsIsACopy(t *testing.T) {
	skill.Regions()[0].ClientID = "https://evil.example/"
	skill.Locales()[0].Region = "FE"
	if r, _ := skill.RegionByCode("NA"); r.ClientID != "https://pitangui.amazon.com/" {
		t.Errorf("the table changed: %v", r)
	}
	if l, _ := skill.LookupLocale("en-US"); l.Region != "NA" {
		t.Errorf("the table changed: %v", l)
	}
}
