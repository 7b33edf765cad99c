// Package deploycheck reads LEE's deployment files so that tests can hold
// them to what the code does: the AWS SAM template (deploy/template.yaml),
// the CloudWatch dashboard (deploy/dashboard.json) and the operator
// documents (docs/*.md).
//
// ParseTemplate turns CloudFormation YAML into plain Go values, rewriting the
// short intrinsic tags (!Ref, !Sub, !GetAtt, !If, ...) into their long JSON
// form ({"Ref": ...}, {"Fn::Sub": ...}), which a generic YAML decoder cannot
// do. EvalCondition evaluates the template's conditions for given parameter
// values. DashboardMetrics lists the metrics a dashboard plots,
// ConfigVariables the environment variables the config module declares and
// DocReferences the variable and metric names a Markdown document mentions.
//
// The checks themselves are this package's tests, run against the files of
// the repository. See
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
// for the intrinsic functions.
package deploycheck
