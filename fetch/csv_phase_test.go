package fetch

import (
	"os"
	"testing"
	"time"
)

func TestPhases(t *testing.T) {
	path := os.Getenv("PHASE_FILE")
	if path == "" {
		t.Skip()
	}
	t0 := time.Now()
	b, _ := os.ReadFile(path)
	in := string(b)
	b = nil
	t1 := time.Now()
	cfg := newConfig([]Option{Columns("cve_ent", "tipo_procedimiento", "importe")})
	rep := &Report{}
	s, _, _ := decodeAll(cfg, in)
	t2 := time.Now()
	d, from, fl := cfg.dialect(s, rep)
	segs, _ := scanAll("", s, from, d, fl, 0)
	t3 := time.Now()
	rs := newRecordSet(segs, d)
	lay, err := planLayout(cfg, rs, rep, true)
	if err != nil {
		t.Fatal(err)
	}
	t4 := time.Now()
	df, err := buildTable(cfg, rs, lay, rep)
	t5 := time.Now()
	t.Logf("read %v decode %v scan %v layout %v build %v  %d", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3), t5.Sub(t4), df.Nrow())
}
