package httpclient_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/lee-engine/lee/httpclient"
)

// TestReadTLSFilesRefuses: every file that cannot be used is a
// *TLSFileError naming its role and path, never its content; a key that
// parses but belongs to another certificate is blamed on the key file.
func TestReadTLSFilesRefuses(t *testing.T) {
	ca := newCA(t, "ca")
	certFile, keyFile := ca.issueFiles(t, leafSpec{name: "client", client: true})
	_, otherKey := ca.issueFiles(t, leafSpec{name: "other", client: true})
	garbage := writeFile(t, "garbage.pem", "NOT-PEM-SECRET-CONTENT")
	badCertBlock := writeFile(t, "bad.crt", "-----BEGIN CERTIFICATE-----\nU0VDUkVULUNFUlQ=\n-----END CERTIFICATE-----\n")
	badKeyBlock := writeFile(t, "bad.key", "-----BEGIN PRIVATE KEY-----\nU0VDUkVULUtFWS1CWVRFUw==\n-----END PRIVATE KEY-----\n")
	missing := t.TempDir() + "/missing.pem"
	tests := []struct {
		name                string
		ca, cert, key       string
		wantFile            httpclient.TLSFile
		wantPath, wantWords string
	}{
		{"CA file missing", missing, "", "", httpclient.TLSCAFile, missing, "cannot be read: no such file"},
		{"CA file of garbage", garbage, "", "", httpclient.TLSCAFile, garbage, "holds no PEM certificate"},
		{"CA file holding a key only", keyFile, "", "", httpclient.TLSCAFile, keyFile, "holds no PEM certificate"},
		{"certificate file of garbage", "", garbage, keyFile, httpclient.TLSClientCertFile, garbage, "holds no PEM certificate"},
		{"certificate that does not parse", "", badCertBlock, keyFile, httpclient.TLSClientCertFile, badCertBlock, "cannot be parsed"},
		{"certificate file missing", "", missing, keyFile, httpclient.TLSClientCertFile, missing, "cannot be read"},
		{"key file of garbage", "", certFile, garbage, httpclient.TLSClientKeyFile, garbage, "holds no PEM private key"},
		{"key that does not parse", "", certFile, badKeyBlock, httpclient.TLSClientKeyFile, badKeyBlock, "not the private key"},
		{"key of another certificate", "", certFile, otherKey, httpclient.TLSClientKeyFile, otherKey, "not the private key of the certificate"},
		{"key file missing", "", certFile, missing, httpclient.TLSClientKeyFile, missing, "cannot be read"},
	}
	keyPEM, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, err := httpclient.ReadTLSFiles(tc.ca, tc.cert, tc.key)
			var fe *httpclient.TLSFileError
			if files != nil || !errors.As(err, &fe) {
				t.Fatalf("ReadTLSFiles = %v, %v; want a *TLSFileError", files, err)
			}
			if fe.File != tc.wantFile || fe.Path != tc.wantPath || !strings.Contains(err.Error(), tc.wantWords) {
				t.Errorf("error %q (%s %q); want %s %q saying %q", err, fe.File, fe.Path, tc.wantFile, tc.wantPath, tc.wantWords)
			}
			if !strings.HasPrefix(err.Error(), "httpclient: "+tc.wantFile.String()+" ") {
				t.Errorf("error %q does not start with the file's role", err)
			}
			for _, content := range append([]string{"SECRET", "U0VDUkVU"}, pemLines(keyPEM)...) {
				if strings.Contains(err.Error(), content) {
					t.Fatalf("error %q shows file content", err)
				}
			}
		})
	}
	if _, err := httpclient.ReadTLSFiles("", certFile, ""); err == nil || !strings.Contains(err.Error(), "together") {
		t.Errorf("a certificate without its key: %v; want an error saying they go together", err)
	}
	if _, err := httpclient.ReadTLSFiles(missing, "", ""); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing CA file: %v; want an error that unwraps to fs.ErrNotExist", err)
	}
}

// pemLines are the base64 lines of a PEM file.
func pemLines(b []byte) []string {
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "-----") {
			lines = append(lines, l)
		}
	}
	return lines
}

// TestTLSFilesReadOnce: a client given TLSFiles uses what was read and
// never reads the files again: with the files deleted it still trusts the
// private CA and presents its client certificate.
func TestTLSFilesReadOnce(t *testing.T) {
	srv, serverCA, certFile, keyFile := mutualTLSServer(t)
	files, err := httpclient.ReadTLSFiles(serverCA.pemFile, certFile, keyFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{serverCA.pemFile, certFile, keyFile} {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	c := newClient(t, httpclient.Settings{TLSFiles: files})
	resp, err := c.Do(budget(t), httpclient.Request{URL: srv.URL})
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	if string(resp.Body) != "lee-client" {
		t.Errorf("server saw client %q, want lee-client", resp.Body)
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		if got := fmt.Sprintf(verb, files); got != "httpclient.TLSFiles{CA:true ClientCertificate:true}" {
			t.Errorf("%s of TLSFiles = %q", verb, got)
		}
	}
}

// TestTLSFilesExcludeFileNames: Settings with both TLSFiles and file names
// are refused, since it is unclear which the caller meant.
func TestTLSFilesExcludeFileNames(t *testing.T) {
	ca := newCA(t, "ca")
	files, err := httpclient.ReadTLSFiles(ca.pemFile, "", "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := httpclient.New(httpclient.Settings{TLSFiles: files, CAFile: ca.pemFile})
	if err == nil {
		c.CloseIdleConnections()
		t.Fatal("New accepted TLSFiles together with CAFile")
	}
	if !strings.Contains(err.Error(), "TLSFiles") {
		t.Errorf("error %q does not name TLSFiles", err)
	}
}
