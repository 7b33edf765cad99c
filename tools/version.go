package tools

// Version is the released version of this module; it matches the newest
// entry of CHANGELOG.md and the module's line in versions.yaml.
const Version = "0.2.0"
