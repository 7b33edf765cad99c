package skill

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
)

// DefaultName is the skill's name when Settings.Name is empty; only its
// owner sees it, in the Alexa app's list of development skills.
const DefaultName = "LEE"

// DefaultLocale is the skill language when Settings.Locales is empty.
const DefaultLocale = "en-US"

// ErrSettings is wrapped by every refusal of Settings that is not about the
// URL or an ARN (those wrap ErrLinkingURL and ErrARN).
var ErrSettings = errors.New("skill settings")

// Settings describe the skill to write.
//
//   - HAURL is Home Assistant's external base URL. Required; Alexa account
//     linking must be able to use it (see LinkingBase).
//   - FunctionARN is the default endpoint, the stack's FunctionArn output.
//     Empty: the manifest has no endpoint, the form that creates the skill
//     before the stack exists (the stack needs the skill's ID).
//   - RegionARNs are regional endpoints keyed by region code (NA, EU or FE,
//     any case); each must be a function in that region's AWS region. They
//     need FunctionARN. Nil: none.
//   - Locales are the skill's languages ("de-DE"). Nil: DefaultLocale.
//     Each must be served by an endpoint in its region's AWS region when
//     the skill has endpoints.
//   - Events asks for the Send Alexa Events permission
//     (alexa::async_event:write), with which Home Assistant reports state
//     changes to Alexa. False: no permission.
//   - Name is the skill's name. Empty: DefaultName.
type Settings struct {
	HAURL       string
	FunctionARN string
	RegionARNs  map[string]string
	Locales     []string
	Events      bool
	Name        string
}

// Skill is a checked skill, ready to be written.
type Skill struct {
	base       *url.URL
	name       string
	locales    []Locale
	defaultARN *FunctionARN
	regional   map[string]FunctionARN
	events     bool
}

// New checks s and returns the skill it describes. Each refusal is one
// line that says what to give instead, and wraps ErrLinkingURL, ErrARN or
// ErrSettings.
func New(s Settings) (*Skill, error) {
	base, err := LinkingBase(s.HAURL)
	if err != nil {
		return nil, err
	}
	k := &Skill{base: base, name: strings.TrimSpace(s.Name), events: s.Events, regional: map[string]FunctionARN{}}
	if k.name == "" {
		k.name = DefaultName
	}
	if k.locales, err = checkLocales(s.Locales); err != nil {
		return nil, err
	}
	if err := k.setEndpoints(s.FunctionARN, s.RegionARNs); err != nil {
		return nil, err
	}
	if err := k.checkServed(); err != nil {
		return nil, err
	}
	return k, nil
}

// checkLocales resolves the codes, in their order, without repeats.
func checkLocales(codes []string) ([]Locale, error) {
	if len(codes) == 0 {
		codes = []string{DefaultLocale}
	}
	var out []Locale
	seen := map[string]bool{}
	for _, c := range codes {
		l, ok := LookupLocale(strings.TrimSpace(c))
		if !ok {
			return nil, fmt.Errorf("%w: locale %q is not a language of Alexa Smart Home; give one of %s", ErrSettings, c, localeCodes())
		}
		if !seen[l.Code] {
			seen[l.Code] = true
			out = append(out, l)
		}
	}
	return out, nil
}

// setEndpoints parses the default and regional ARNs; a regional ARN must
// be in its region's AWS region.
func (k *Skill) setEndpoints(def string, regional map[string]string) error {
	if strings.TrimSpace(def) == "" {
		if len(regional) > 0 {
			return fmt.Errorf("%w: a regional endpoint needs a default endpoint too: give the function ARN (lee skill --function-arn or --from-stack)", ErrSettings)
		}
		return nil
	}
	a, err := ParseFunctionARN(def)
	if err != nil {
		return err
	}
	k.defaultARN = &a
	for _, code := range slices.Sorted(maps.Keys(regional)) {
		raw := regional[code]
		r, ok := RegionByCode(code)
		if !ok {
			return fmt.Errorf("%w: regional endpoint %q: the region must be NA, EU or FE", ErrSettings, code)
		}
		if _, dup := k.regional[r.Code]; dup {
			return fmt.Errorf("%w: regional endpoint %s given twice", ErrSettings, r.Code)
		}
		a, err := ParseFunctionARN(raw)
		if err != nil {
			return fmt.Errorf("regional endpoint %s: %w", r.Code, err)
		}
		if a.AWSRegion != r.AWSRegion {
			return fmt.Errorf("regional endpoint %s: %w: %s is in %s, but Alexa's %s endpoint calls functions in %s only",
				r.Code, ErrARN, a.Raw, a.AWSRegion, r.Name, r.AWSRegion)
		}
		k.regional[r.Code] = a
	}
	return nil
}

// checkServed refuses a skill with endpoints that leaves a language to a
// function Alexa would not call: the classic "Alexa found no devices".
func (k *Skill) checkServed() error {
	if k.defaultARN == nil {
		return nil
	}
	for _, l := range k.locales {
		r, _ := RegionByCode(l.Region)
		if _, ok := k.regional[r.Code]; ok || k.defaultARN.AWSRegion == r.AWSRegion {
			continue
		}
		return fmt.Errorf("%w: %s (%s) is served by Alexa's %s endpoint, which calls functions in %s only, and the function %s is in %s: deploy the stack in %s too and give its ARN with --region-arn %s=ARN",
			ErrSettings, l.Code, l.Language, r.Name, r.AWSRegion, k.defaultARN.Raw, k.defaultARN.AWSRegion, r.AWSRegion, r.Code)
	}
	return nil
}

// regionsInUse are the regions of the skill's languages, in table order.
func (k *Skill) regionsInUse() []Region {
	var out []Region
	for _, r := range regions {
		for _, l := range k.locales {
			if l.Region == r.Code {
				out = append(out, r)
				break
			}
		}
	}
	return out
}
