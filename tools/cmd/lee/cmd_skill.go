package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/lee-engine/lee/tools/internal/cli"
	"github.com/lee-engine/lee/tools/skill"
)

func init() {
	register("skill", "write your Alexa skill as files for ask smapi: manifest, account linking, and the commands", runSkill)
}

// runSkill runs `lee skill --ha-url URL [--function-arn ARN | --from-stack
// FILE] [--region-arn REGION=ARN]... [--locale CODE]... [--events] [--name
// NAME] [--out dist/skill]`. Exit 0 when the files are written, 1 when
// writing fails, 2 on bad arguments or settings Alexa would refuse.
func runSkill(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlagSet("lee skill", "lee skill --ha-url https://ha.example.com [--function-arn ARN | --from-stack FILE] [--region-arn REGION=ARN]... [--locale CODE]... [--events] [--name NAME] [--out DIR]")
	var s skill.Settings
	var locales stringList
	regionARNs := regionARNFlag{}
	fs.StringVar(&s.HAURL, "ha-url", "", "Home Assistant's external base URL, https on port 443 (required)")
	fs.StringVar(&s.FunctionARN, "function-arn", "", "the default endpoint: the stack's FunctionArn output (empty: a manifest without endpoint, to create the skill first)")
	stack := fs.String("from-stack", "", "read the default endpoint from this file of `aws cloudformation describe-stacks --stack-name NAME` output")
	fs.Var(regionARNs, "region-arn", "a regional endpoint, REGION=ARN with REGION NA, EU or FE (repeatable)")
	fs.Var(&locales, "locale", "a skill language, like de-DE (repeatable; default "+skill.DefaultLocale+")")
	fs.BoolVar(&s.Events, "events", false, "ask for the Send Alexa Events permission (Home Assistant reports state changes to Alexa)")
	fs.StringVar(&s.Name, "name", skill.DefaultName, "the skill's name, shown only to you")
	out := fs.String("out", filepath.Join("dist", "skill"), "folder to write the files into")
	if err := fs.Parse(args); err != nil {
		return cli.Error(fs, err, stdout, stderr)
	}
	if fs.NArg() > 0 {
		return cli.Usage(fs, stderr, fmt.Sprintf("unexpected arguments %q", fs.Args()))
	}
	if s.HAURL == "" {
		return cli.Usage(fs, stderr, "--ha-url is required")
	}
	if *stack != "" {
		if s.FunctionARN != "" {
			fmt.Fprintln(stderr, "lee skill: give --function-arn or --from-stack, not both")
			return 2
		}
		arn, err := skill.ReadStack(*stack)
		if err != nil {
			fmt.Fprintf(stderr, "lee skill: --from-stack: %v\n", err)
			return 2
		}
		s.FunctionARN = arn
	}
	s.Locales, s.RegionARNs = locales, regionARNs
	k, err := skill.New(s)
	if err != nil {
		fmt.Fprintf(stderr, "lee skill: %v\n", err)
		return 2
	}
	paths, err := k.Write(*out)
	if err != nil {
		fmt.Fprintf(stderr, "lee skill: %v\n", err)
		return 1
	}
	for _, p := range paths {
		fmt.Fprintf(stdout, "lee skill: wrote %s\n", p)
	}
	fmt.Fprintf(stdout, "lee skill: next, the commands in %s\n", filepath.Join(*out, skill.ReadmeFile))
	return 0
}

// regionARNFlag collects REGION=ARN pairs; skill.New checks both sides.
type regionARNFlag map[string]string

func (r regionARNFlag) String() string { return "" }

func (r regionARNFlag) Set(v string) error {
	region, arn, ok := strings.Cut(v, "=")
	if !ok || region == "" || arn == "" {
		return fmt.Errorf("want REGION=ARN, like EU=arn:aws:lambda:eu-west-1:123456789012:function:lee:live")
	}
	key := strings.ToUpper(region)
	if _, dup := r[key]; dup {
		return fmt.Errorf("region %s given twice", key)
	}
	r[key] = arn
	return nil
}
