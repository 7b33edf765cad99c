package skill

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// StackOutput is the output of LEE's SAM template (deploy/template.yaml)
// that holds the function's ARN, with the live alias.
const StackOutput = "FunctionArn"

// maxStackFile bounds what ReadStack reads: describe-stacks output for one
// stack is a few kilobytes.
const maxStackFile = 1 << 20

// ErrStack is wrapped by every refusal of a describe-stacks document.
var ErrStack = errors.New("not the describe-stacks output of one LEE stack")

// describeStacks is what `aws cloudformation describe-stacks` prints as JSON.
type describeStacks struct {
	Stacks []struct {
		StackName string `json:"StackName"`
		Outputs   []struct {
			OutputKey   string `json:"OutputKey"`
			OutputValue string `json:"OutputValue"`
		} `json:"Outputs"`
	} `json:"Stacks"`
}

// ReadStack reads the file `aws cloudformation describe-stacks
// --stack-name NAME` wrote and returns the stack's FunctionArn output.
func ReadStack(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("read stack: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxStackFile+1))
	if err != nil {
		return "", fmt.Errorf("read stack %s: %w", path, err)
	}
	if len(data) > maxStackFile {
		return "", fmt.Errorf("read stack %s: %w: larger than %d bytes", path, ErrStack, maxStackFile)
	}
	arn, err := StackFunctionARN(data)
	if err != nil {
		return "", fmt.Errorf("read stack %s: %w", path, err)
	}
	return arn, nil
}

// StackFunctionARN returns the FunctionArn output of the single stack in a
// describe-stacks JSON document.
func StackFunctionARN(data []byte) (string, error) {
	var doc describeStacks
	if err := json.Unmarshal(data, &doc); err != nil {
		return "", fmt.Errorf("%w: %v; write it with aws cloudformation describe-stacks --stack-name NAME --output json", ErrStack, err)
	}
	switch len(doc.Stacks) {
	case 0:
		return "", fmt.Errorf("%w: it lists no stack; write it with aws cloudformation describe-stacks --stack-name NAME", ErrStack)
	case 1:
	default:
		return "", fmt.Errorf("%w: it lists %d stacks; name one with --stack-name", ErrStack, len(doc.Stacks))
	}
	st := doc.Stacks[0]
	var keys []string
	for _, o := range st.Outputs {
		if o.OutputKey == StackOutput {
			return o.OutputValue, nil
		}
		keys = append(keys, o.OutputKey)
	}
	slices.Sort(keys)
	return "", fmt.Errorf("%w: stack %q has no %s output (outputs: %s); is it deployed from deploy/template.yaml, and finished?",
		ErrStack, st.StackName, StackOutput, strings.Join(orNone(keys), ", "))
}

func orNone(s []string) []string {
	if len(s) == 0 {
		return []string{"none"}
	}
	return s
}
