package freetier

// Free-tier allowances per AWS account and month. They are shared by every
// function and log group of the account, not granted per function.
const (
	// FreeRequests is the Lambda request allowance.
	FreeRequests = 1_000_000
	// FreeGBSeconds is the Lambda compute allowance in GB-seconds.
	FreeGBSeconds = 400_000
	// FreeMetrics is the number of CloudWatch custom metrics that cost nothing.
	FreeMetrics = 10
	// FreeLogGB is the CloudWatch Logs ingestion allowance in GB (2^30 bytes).
	FreeLogGB = 5
)

// Prices are the public on-demand prices the estimate charges beyond the free
// tier. They change rarely but they do change, so they travel with the month
// they were read and the estimate prints both.
type Prices struct {
	Region string `json:"region"`
	AsOf   string `json:"as_of"`
	// RequestsPerMillion is the Lambda price of one million requests, USD.
	RequestsPerMillion float64 `json:"requests_per_million"`
	// GBSecondX86 and GBSecondArm are the Lambda compute prices per GB-second
	// of the first pricing tier (the first 6 billion GB-seconds a month).
	GBSecondX86 float64 `json:"gb_second_x86_64"`
	GBSecondArm float64 `json:"gb_second_arm64"`
	// MetricMonth is the CloudWatch price of one custom metric for a month
	// (first 10,000 metrics).
	MetricMonth float64 `json:"metric_month"`
	// LogIngestionGB is the CloudWatch Logs standard-class ingestion price
	// per GB.
	LogIngestionGB float64 `json:"log_ingestion_gb"`
	Sources        string  `json:"sources"`
}

// PublicPrices are AWS's us-east-1 list prices as of 2026-11.
var PublicPrices = Prices{
	Region:             "us-east-1",
	AsOf:               "2026-11",
	RequestsPerMillion: 0.20,
	GBSecondX86:        0.0000166667,
	GBSecondArm:        0.0000133334,
	MetricMonth:        0.30,
	LogIngestionGB:     0.50,
	Sources:            "https://aws.amazon.com/lambda/pricing/ https://aws.amazon.com/cloudwatch/pricing/",
}

// perGBSecond returns the compute price for arch, which must be normalised.
func (p Prices) perGBSecond(arch string) float64 {
	if arch == ArchX86 {
		return p.GBSecondX86
	}
	return p.GBSecondArm
}
