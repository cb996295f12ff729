package ledgertest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/ledger"
)

// recorder is a testing.TB that keeps failures instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, format)
}
func (r *recorder) Helper() {}

func write(t *testing.T, dir string, value float64) {
	t.Helper()
	l := ledger.New("prueba")
	l.Source(fetch.Describe("datos.csv", []byte("a,b\n1,2\n")), "datos de prueba")
	if err := l.Figure("total", value, ledger.Unit("personas")); err != nil {
		t.Fatal(err)
	}
	if err := l.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
}

func TestPublished(t *testing.T) {
	base := t.TempDir()
	pub, run := filepath.Join(base, "publicado"), filepath.Join(base, "run")
	write(t, pub, 126014024)
	write(t, run, 126014024)

	r := &recorder{TB: t}
	Published(r, run, pub, false)
	if len(r.errs) != 0 {
		t.Fatalf("same figures reported: %v", r.errs)
	}

	write(t, run, 126014025)
	r = &recorder{TB: t}
	Published(r, run, pub, false)
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], "review the change") {
		t.Fatalf("a moved figure was not reported: %v", r.errs)
	}

	r = &recorder{TB: t}
	Published(r, run, pub, true) // update rewrites the published ledger
	if len(r.errs) != 0 {
		t.Fatalf("after update: %v", r.errs)
	}
}
