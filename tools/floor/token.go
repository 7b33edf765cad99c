package main

import "encoding/json"

// directive holds just the three places an Alexa Smart Home directive keeps
// its bearer token; decoding into it skips everything else.
type directive struct {
	Directive struct {
		Endpoint struct {
			Scope scope `json:"scope"`
		} `json:"endpoint"`
		Payload struct {
			Scope   scope `json:"scope"`
			Grantee scope `json:"grantee"`
		} `json:"payload"`
	} `json:"directive"`
}

type scope struct {
	Token string `json:"token"`
}

// bearerToken returns the token from directive.endpoint.scope (control and
// state directives), else directive.payload.scope (Discovery), else
// directive.payload.grantee (AcceptGrant); "" when there is none or the
// event is not JSON.
func bearerToken(event []byte) string {
	var d directive
	if err := json.Unmarshal(event, &d); err != nil {
		return ""
	}
	for _, t := range []string{
		d.Directive.Endpoint.Scope.Token,
		d.Directive.Payload.Scope.Token,
		d.Directive.Payload.Grantee.Token,
	} {
		if t != "" {
			return t
		}
	}
	return ""
}
