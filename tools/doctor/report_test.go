package doctor_test

import (
	"bytes"
	"testing"

	"github.com/lee-engine/lee/tools/doctor"
)

func TestReportWrite(t *testing.T) {
	tests := []struct {
		name string
		rep  doctor.Report
		want string
		ok   bool
	}{
		{"all passed", doctor.Report{Results: []doctor.Result{
			{Step: "url", Status: doctor.Pass, Finding: "fine", Fix: "never shown"},
		}}, "PASS url: fine\ndoctor: 1 passed, 0 warnings, 0 failed\n", true},
		{"warning with details", doctor.Report{Results: []doctor.Result{
			{Step: "discovery", Status: doctor.Warn, Finding: "2 endpoints; 1 warnings", Fix: "rename", Details: []string{"warning b: repeats"}},
		}}, "WARN discovery: 2 endpoints; 1 warnings\n     - warning b: repeats\n     fix: rename\ndoctor: 0 passed, 1 warnings, 0 failed\n", true},
		{"stopped", doctor.Report{Stopped: "dns", Results: []doctor.Result{
			{Step: "url", Status: doctor.Pass, Finding: "fine"},
			{Step: "dns", Status: doctor.Fail, Finding: "no such host", Fix: "check"},
		}}, "PASS url: fine\nFAIL dns: no such host\n     fix: check\ndoctor: 1 passed, 0 warnings, 1 failed; stopped after dns, which the later checks need\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.rep.Write(&buf); err != nil {
				t.Fatal(err)
			}
			if buf.String() != tt.want {
				t.Fatalf("Write =\n%s\nwant\n%s", buf.String(), tt.want)
			}
			if tt.rep.OK() != tt.ok {
				t.Fatalf("OK() = %v, want %v", tt.rep.OK(), tt.ok)
			}
		})
	}
}
