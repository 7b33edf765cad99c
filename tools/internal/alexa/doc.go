// Package alexa holds what the tools know of Alexa Smart Home messages:
// the few parts of a message they read to tell what an answer is (Message:
// the event's header and, for an ErrorResponse, the error's type and
// message); the project's own shape rules for every event an answer may be
// (CheckShape, CheckAnswer), which judge answers in any checkout; Amazon's
// Smart Home message schema (Schema), checked on top where Amazon's data is
// at hand; and where that data is (FindData: LEE_ALEXA_DATA, else
// ../shared/alexa beside the repository).
package alexa
