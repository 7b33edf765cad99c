// Package lambdaiface is LEE's lambdaiface module: the Alexa and Lambda event types LEE handles, event classification and Alexa ErrorResponse builders.
package lambdaiface
