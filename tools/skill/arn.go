package skill

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// ErrARN is wrapped by every refusal of a function ARN.
var ErrARN = errors.New("not a Lambda function ARN Alexa can call")

// FunctionARN is a parsed Lambda function ARN: the function, optionally
// with a version or alias qualifier (the stack's FunctionArn output ends
// with the :live alias).
type FunctionARN struct {
	Raw       string
	AWSRegion string
	Account   string
	Function  string
	Qualifier string
}

// functionARN is Lambda's ARN syntax in the aws partition, the only one
// with Alexa: region, 12-digit account, function name (1–64 letters,
// digits, - and _), then an optional $LATEST, version or alias.
var functionARN = regexp.MustCompile(`^arn:aws:lambda:([a-z]{2}(?:-[a-z]+)+-[0-9]):([0-9]{12}):function:([A-Za-z0-9_-]{1,64})(?::(\$LATEST|[A-Za-z0-9_-]{1,128}))?$`)

// ParseFunctionARN parses raw as the ARN of a Lambda function in the aws
// partition, in one of the three AWS regions Alexa calls. Each refusal
// wraps ErrARN and says what was expected.
func ParseFunctionARN(raw string) (FunctionARN, error) {
	raw = strings.TrimSpace(raw)
	m := functionARN.FindStringSubmatch(raw)
	if m == nil {
		return FunctionARN{}, fmt.Errorf("%w: %q; want arn:aws:lambda:REGION:ACCOUNT:function:NAME[:ALIAS], the stack's FunctionArn output", ErrARN, raw)
	}
	a := FunctionARN{Raw: raw, AWSRegion: m[1], Account: m[2], Function: m[3], Qualifier: m[4]}
	if _, ok := RegionOfAWS(a.AWSRegion); !ok {
		return FunctionARN{}, fmt.Errorf("%w: %s is in %s; Alexa calls Smart Home functions in %s only", ErrARN, raw, a.AWSRegion, awsRegionList())
	}
	return a, nil
}

// awsRegionList names the AWS regions of the table, for messages.
func awsRegionList() string {
	names := make([]string, len(regions))
	for i, r := range regions {
		names[i] = r.AWSRegion + " (" + r.Code + ")"
	}
	return strings.Join(names, ", ")
}
