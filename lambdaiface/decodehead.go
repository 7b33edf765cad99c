package lambdaiface

import (
	"encoding/json"
	"errors"

	"github.com/lee-engine/lee/utility"
)

// maxHeadCookieJSON bounds the JSON of a cookie ReadDirectiveHead decodes.
// A cookie NewErrorResponse would repeat (at most maxEchoedCookie bytes of
// keys and values) fits in it even with every byte escaped; a larger one
// would be left out of the answer anyway, and decoding it into a map could
// cost many times its size.
const maxHeadCookieJSON = 16 * maxEchoedCookie

// directiveHead is the part of a directive an ErrorResponse repeats.
type directiveHead struct {
	Directive struct {
		Header   headHeader `json:"header"`
		Endpoint *struct {
			EndpointID string     `json:"endpointId"`
			Cookie     headCookie `json:"cookie"`
		} `json:"endpoint"`
	} `json:"directive"`
}

// headHeader decodes a header only when it is an object. encoding/json
// hands UnmarshalJSON the member's bytes in place, so nothing is copied
// before the check.
type headHeader struct{ h *Header }

func (x *headHeader) UnmarshalJSON(b []byte) error {
	if !utility.IsJSONObject(b) {
		return nil
	}
	x.h = &Header{}
	// A member of the wrong type leaves its field empty; the rest is kept.
	_ = json.Unmarshal(b, x.h)
	return nil
}

// headCookie decodes a cookie only when it is an object of at most
// maxHeadCookieJSON bytes.
type headCookie struct{ c map[string]string }

func (x *headCookie) UnmarshalJSON(b []byte) error {
	if utility.IsJSONObject(b) && len(b) <= maxHeadCookieJSON {
		_ = json.Unmarshal(b, &x.c)
	}
	return nil
}

// ReadDirectiveHead reads, of a request body that is refused without being
// decoded (over the event size limit, nested too deep), only what an
// ErrorResponse to it repeats: the directive's header, and its endpoint's
// endpointId and cookie. encoding/json skips every other member (the
// payload, the scope) without copying it, and the cookie is decoded only
// when its JSON is at most 64 KiB, so a body of several MB costs at most
// the header's and endpointId's own size, whatever it holds. It returns
// nil when the body is not JSON or "directive.header" is not an object: an
// answer could not be matched to such a directive. Members of the wrong
// type are left empty.
func ReadDirectiveHead(raw []byte) *Directive {
	var head directiveHead
	var typeErr *json.UnmarshalTypeError
	if err := json.Unmarshal(raw, &head); err != nil && !errors.As(err, &typeErr) {
		return nil
	}
	if head.Directive.Header.h == nil {
		return nil
	}
	d := &Directive{Header: *head.Directive.Header.h}
	if ep := head.Directive.Endpoint; ep != nil && ep.EndpointID != "" {
		d.Endpoint = &Endpoint{EndpointID: ep.EndpointID, Cookie: ep.Cookie.c}
	}
	return d
}
