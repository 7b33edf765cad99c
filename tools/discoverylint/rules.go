package discoverylint

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Alexa's discovery limits (Alexa.Discovery reference and the message schema).
const (
	MaxEndpoints      = 300
	MaxEndpointIDLen  = 256
	MaxTextLen        = 128 // friendlyName, description, manufacturerName
	endpointIDSymbols = "_-=#;:?@&"
	endpointsPath     = "/event/payload/endpoints"
)

// endpointChecker runs the structural checks over all endpoints, keeping the
// state the cross-endpoint rules (duplicates) need.
type endpointChecker struct {
	findings []Finding
	ids      map[string]int // endpointId → first index
	names    map[string]int // lower-cased friendly name → first index
}

// checkEndpoints applies every structural rule.
func checkEndpoints(endpoints []json.RawMessage) []Finding {
	c := &endpointChecker{ids: map[string]int{}, names: map[string]int{}}
	if len(endpoints) > MaxEndpoints {
		f := messageFinding(fmt.Sprintf(
			"%d endpoints: Alexa accepts at most %d per skill and drops the rest; expose fewer entities to Alexa (filter in Home Assistant's alexa: smart_home: config)",
			len(endpoints), MaxEndpoints))
		f.path = endpointsPath
		c.findings = append(c.findings, f)
	}
	for i, raw := range endpoints {
		c.checkEndpoint(i, raw)
	}
	return c.findings
}

// checkEndpoint applies the per-endpoint rules to endpoint i.
func (c *endpointChecker) checkEndpoint(i int, raw json.RawMessage) {
	var ep map[string]json.RawMessage
	if err := json.Unmarshal(raw, &ep); err != nil || ep == nil {
		c.add(SeverityError, i, "", "", "is not a JSON object: Alexa drops it; each endpoint must be an object")
		return
	}
	id := c.checkID(i, ep)
	c.checkFriendlyName(i, id, ep)
	c.checkText(i, id, ep, "description", "describe the device, e.g. \"Kitchen light via Home Assistant\"")
	c.checkText(i, id, ep, "manufacturerName", "name the maker, e.g. \"Home Assistant\"")
	var cats []json.RawMessage
	if err := json.Unmarshal(ep["displayCategories"], &cats); err != nil || len(cats) == 0 {
		c.add(SeverityError, i, id, "displayCategories", "has no displayCategories: Alexa drops it; give at least one, e.g. [\"LIGHT\"] or [\"OTHER\"]")
	}
	c.checkCapabilities(i, id, ep)
}

// checkID validates the endpointId and records it for duplicate detection.
// It returns the id to name the endpoint by ("" when unusable).
func (c *endpointChecker) checkID(i int, ep map[string]json.RawMessage) string {
	id, ok := stringField(ep, "endpointId")
	switch {
	case !ok:
		c.add(SeverityError, i, "", "endpointId", "has no string endpointId: Alexa drops it; give every endpoint a unique id")
		return ""
	case id == "":
		c.add(SeverityError, i, "", "endpointId", "has an empty endpointId: Alexa drops it; give every endpoint a unique id")
		return ""
	}
	if n := len(id); n > MaxEndpointIDLen {
		c.add(SeverityError, i, id, "endpointId", fmt.Sprintf("endpointId is %d characters: Alexa allows %d; shorten it", n, MaxEndpointIDLen))
	}
	if bad, ok := badIDRune(id); ok {
		c.add(SeverityError, i, id, "endpointId", fmt.Sprintf("endpointId contains %q: Alexa allows only letters, digits and %s; replace it (Home Assistant turns \".\" into \"#\")",
			bad, endpointIDSymbols))
	}
	if first, dup := c.ids[id]; dup {
		c.add(SeverityError, i, id, "endpointId", fmt.Sprintf("endpointId repeats endpoint #%d: Alexa keeps one of them; make every endpointId unique", first))
	} else {
		c.ids[id] = i
	}
	return id
}

// badIDRune returns the first character Alexa does not allow in an id.
func badIDRune(id string) (rune, bool) {
	for _, r := range id {
		ok := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			strings.ContainsRune(endpointIDSymbols, r))
		if !ok {
			return r, true
		}
	}
	return 0, false
}

// checkFriendlyName checks presence, length and uniqueness of the name.
func (c *endpointChecker) checkFriendlyName(i int, id string, ep map[string]json.RawMessage) {
	name, ok := stringField(ep, "friendlyName")
	if !ok || strings.TrimSpace(name) == "" {
		c.add(SeverityError, i, id, "friendlyName", "has no friendlyName: Alexa drops it; give the name people will say")
		return
	}
	if n := utf8.RuneCountInString(name); n > MaxTextLen {
		c.add(SeverityError, i, id, "friendlyName", fmt.Sprintf("friendlyName is %d characters: Alexa allows %d; shorten it", n, MaxTextLen))
	}
	key := strings.ToLower(strings.TrimSpace(name))
	if first, dup := c.names[key]; dup {
		c.add(SeverityWarning, i, id, "friendlyName", fmt.Sprintf("friendlyName %q repeats endpoint #%d (names compare without case): Alexa cannot tell them apart by voice; rename one", name, first))
		return
	}
	c.names[key] = i
}

// checkText checks a required free-text field for presence and length.
func (c *endpointChecker) checkText(i int, id string, ep map[string]json.RawMessage, field, hint string) {
	v, ok := stringField(ep, field)
	if !ok || strings.TrimSpace(v) == "" {
		c.add(SeverityError, i, id, field, fmt.Sprintf("has no %s: Alexa drops it; %s", field, hint))
		return
	}
	if n := utf8.RuneCountInString(v); n > MaxTextLen {
		c.add(SeverityError, i, id, field, fmt.Sprintf("%s is %d characters: Alexa allows %d; shorten it", field, n, MaxTextLen))
	}
}

// checkCapabilities requires a non-empty capabilities array whose entries
// all name an interface, and warns when the base "Alexa" interface is absent.
func (c *endpointChecker) checkCapabilities(i int, id string, ep map[string]json.RawMessage) {
	var caps []map[string]json.RawMessage
	if err := json.Unmarshal(ep["capabilities"], &caps); err != nil || len(caps) == 0 {
		c.add(SeverityError, i, id, "capabilities", "has no capabilities array: Alexa drops it; list the interfaces it supports, e.g. Alexa.PowerController")
		return
	}
	hasAlexa := false
	for k, capability := range caps {
		iface, ok := stringField(capability, "interface")
		if !ok || iface == "" {
			c.add(SeverityError, i, id, "capabilities/"+strconv.Itoa(k)+"/interface", fmt.Sprintf("capability #%d has no interface: Alexa ignores the endpoint; add e.g. \"interface\": \"Alexa.PowerController\"", k))
			continue
		}
		hasAlexa = hasAlexa || iface == "Alexa"
	}
	if !hasAlexa {
		c.add(SeverityWarning, i, id, "capabilities", "has no capability with interface \"Alexa\": add {\"type\": \"AlexaInterface\", \"interface\": \"Alexa\", \"version\": \"3\"}")
	}
}

// add records a finding about field of endpoint i ("" for the endpoint).
func (c *endpointChecker) add(sev Severity, i int, id, field, msg string) {
	path := endpointPath(i)
	if field != "" {
		path += "/" + field
	}
	c.findings = append(c.findings, Finding{Severity: sev, EndpointID: id, Index: i, Message: msg, path: path})
}

// endpointPath is the JSON pointer of endpoint i in a Discover.Response.
func endpointPath(i int) string {
	return endpointsPath + "/" + strconv.Itoa(i)
}

// stringField returns ep[key] when it is a JSON string.
func stringField(ep map[string]json.RawMessage, key string) (string, bool) {
	raw, ok := ep[key]
	if !ok {
		return "", false
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false
	}
	return s, true
}
