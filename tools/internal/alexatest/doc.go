// Package alexatest hands the tests of the tools module Amazon's Alexa test
// data: the folder shared/alexa beside the repository, its sample messages
// and its Smart Home message schema, compiled once per test binary. The data
// is required: when it is missing the test fails, saying where it looked; it
// never skips, since a test that checked nothing must not pass.
//
// The folder is found from the test's working directory (its package
// folder): up to the repository root, the folder holding go.work, then
// ../shared/alexa from there, so the same call works from every package of
// the module however deep it sits.
package alexatest
