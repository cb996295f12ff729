package clean

import (
	"math/rand"
	"testing"

	"github.com/datacon-mx/cifra/internal/missing"
)

// TestMarkerStartsNeverSkipsAMarker checks the filter Numbers uses to skip
// the marker lookup: every value that is a marker starts with a byte the
// filter lets through, whatever spaces surround it.
func TestMarkerStartsNeverSkipsAMarker(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
	}{
		{"defaults", Config{}},
		{"extra codes", Config{ExtraMissing: map[string][]string{"*": {"99", "999", "-1"}}}},
		{"own markers", Config{Missing: []string{"sin dato", "?", "0"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.cfg.markersFor("importe")
			maybe := markerStarts(m)
			var keys []string
			for _, set := range []missing.Set{m.base, m.extra} {
				for k := range set {
					keys = append(keys, k)
				}
			}
			pads := []string{"", " ", "\t", "\u00a0", "\u2009", "\r\n"}
			r := rand.New(rand.NewSource(1))
			for i := 0; i < 5000; i++ {
				k := keys[r.Intn(len(keys))]
				v := pads[r.Intn(len(pads))] + k + pads[r.Intn(len(pads))]
				if !m.is(v) {
					continue
				}
				if v != "" && !maybe[v[0]] {
					t.Fatalf("marker %q skipped by the filter", v)
				}
			}
		})
	}
}
