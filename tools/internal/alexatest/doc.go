// Package alexatest hands the tests of the tools module their Alexa
// messages: the project's own fixtures (Directive, Answer, Fixture; a
// directive per interface the relay handles and Home Assistant's answer to
// each, embedded from testdata/smarthome), the project's shape rules with
// Amazon's schema on top when at hand (Check, CheckAnswer), and Amazon's
// Alexa data itself (Dir, SamplesDir, ReadSample, Schema, compiled once per
// test binary) for the conformance tests.
//
// Amazon's data is a checkout of github.com/alexa-samples/alexa-smarthome,
// never copied into the repository. It is found as alexa.FindData finds
// it, from the test's working directory: the folder LEE_ALEXA_DATA names,
// else ../shared/alexa beside the repository root (the folder holding
// go.work). Without it a test that needs it skips with one line starting
// with SkipNote and saying how to supply it; a folder pointed at that lacks
// the data fails the test, since a wrong setting must not pass as a skip.
package alexatest
