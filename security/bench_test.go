package security

import "testing"

func BenchmarkValidateEvent(b *testing.B) {
	raw := []byte(directiveJSON)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if err := ValidateEvent(raw, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}
