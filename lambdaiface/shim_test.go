package lambdaiface_test

import (
	"errors"

	"github.com/lee-engine/lee/lambdaiface"
)

// decodeDirective is Decode for a body expected to be a Smart Home
// directive: the directive, or nil and the error (a *DirectiveError when
// the body is a directive that cannot be relayed).
func decodeDirective(raw []byte) (*lambdaiface.Directive, error) {
	in, err := lambdaiface.Decode(raw)
	if err != nil {
		return nil, err
	}
	if in.Kind != lambdaiface.KindSmartHome {
		return nil, errors.New("not a directive: kind " + in.Kind.String())
	}
	return in.Directive, nil
}

// classify is Decode reduced to the kind, with an error only when the body
// is not a JSON object.
func classify(raw []byte) (lambdaiface.Kind, error) {
	in, err := lambdaiface.Decode(raw)
	if in == nil {
		return lambdaiface.KindUnknown, err
	}
	return in.Kind, nil
}

// tokenOf returns d's token from the place its kind of directive uses:
// the endpoint's scope, else Discovery's payload scope, else AcceptGrant's
// grantee, and which place that was.
func tokenOf(d *lambdaiface.Directive) (string, lambdaiface.TokenSource) {
	in := &lambdaiface.Input{Kind: lambdaiface.KindSmartHome, Directive: d}
	for _, src := range []lambdaiface.TokenSource{lambdaiface.TokenEndpointScope, lambdaiface.TokenPayloadScope, lambdaiface.TokenGrantee} {
		if tok := in.Token(src); tok != "" {
			return tok, src
		}
	}
	return "", lambdaiface.TokenNone
}
