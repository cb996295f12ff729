package ledgertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/ledger"
)

// Published compares the ledger a run wrote in runDir with the one
// published in publishedDir. A figure that moved beyond its rounding,
// appeared or disappeared, or a source whose SHA-256 changed, fails the
// test with the list of changes (code lines and run times do not count).
// Sources must not name absolute paths or loopback URLs, and step reports
// must not name runDir or the temporary folder, so that the published
// ledger is the same on every machine. With update, the run's ledger is
// first written to publishedDir (after a reviewed, intended change).
func Published(t testing.TB, runDir, publishedDir string, update bool) {
	t.Helper()
	current, err := ledger.Read(runDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range current.Sources() {
		if filepath.IsAbs(s.Path) || strings.Contains(s.URL, "127.0.0.1") || strings.Contains(s.URL, "localhost") {
			t.Errorf("source %q: path %q depends on the machine", s.URL, s.Path)
		}
	}
	tmp := os.TempDir() + string(filepath.Separator)
	for _, s := range current.Steps() {
		if strings.Contains(s.Report, runDir) || strings.Contains(s.Report, tmp) {
			t.Errorf("step %q: the report names a folder of this run:\n%s", s.Name, s.Report)
		}
	}
	if update {
		if err := current.WriteDir(publishedDir); err != nil {
			t.Fatal(err)
		}
	}
	if err := ledger.Verify(publishedDir, current); err != nil {
		t.Errorf("%v\nreview the change; if it is intended, rewrite the published ledger (the examples: go test . -actualizar)", err)
	}
}
