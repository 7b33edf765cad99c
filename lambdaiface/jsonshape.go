package lambdaiface

import (
	"encoding/json"
	"errors"
)

// leadingByte returns the first byte of raw that is not JSON white space, or
// 0 when there is none; it tells a JSON value's kind without decoding it.
func leadingByte(raw []byte) byte {
	for _, c := range raw {
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		}
		return c
	}
	return 0
}

// isObject reports whether raw, already known to be valid JSON, is an object.
func isObject(raw []byte) bool {
	return leadingByte(raw) == '{'
}

// isAbsent reports whether a raw member is missing or JSON null, which the
// Alexa formats treat alike.
func isAbsent(raw []byte) bool {
	return len(raw) == 0 || string(raw) == "null"
}

// typeErrorField returns the dotted path of the member whose JSON type did
// not match, when err is a type mismatch that names one.
func typeErrorField(err error) (string, bool) {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return te.Field, true
	}
	return "", false
}

// isTypeError reports whether err is a JSON type mismatch rather than a
// syntax error: the input was valid JSON of an unexpected shape.
func isTypeError(err error) bool {
	var te *json.UnmarshalTypeError
	return errors.As(err, &te)
}
