// Package freetier estimates what one month of LEE costs on AWS: how much of
// the Lambda free tier (1,000,000 requests and 400,000 GB-seconds a month)
// and of the CloudWatch free tier (10 custom metrics, 5 GB of log ingestion)
// a given memory size, architecture, billed duration and traffic use, which
// of the two Lambda limits binds first, and the monthly bill beyond the free
// tier at AWS's public us-east-1 prices.
//
// The estimate is deliberately plain arithmetic on stated inputs: duration is
// rounded up to the whole millisecond as Lambda bills it, prices carry the
// month they were read, and nothing is hidden in a default. For a short relay
// like LEE (tens to hundreds of milliseconds at 128 MB) the request count, not
// compute, is the limit that runs out first; the estimate computes that
// rather than assuming it. See https://aws.amazon.com/lambda/pricing/.
package freetier
