package lambdaiface

// The external tests find Amazon's Alexa data through the lookup of
// amazondata_test.go, which belongs to this package's tests.
var (
	NeedAmazonData     = needAmazonData
	OptionalAmazonData = optionalAmazonData
)

// AmazonSchemaFile is the Smart Home message schema inside Amazon's data.
const AmazonSchemaFile = amazonSchemaFile
