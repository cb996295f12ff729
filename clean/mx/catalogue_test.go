package mx

import "testing"

// TestCatalogueLoads guards the embedded municipality catalogue: every row
// parses, and the census population adds up to INEGI's national total.
func TestCatalogueLoads(t *testing.T) {
	c := catalogue()
	if c.err != nil {
		t.Fatalf("embedded catalogue: %v", c.err)
	}
	if len(c.all) != 2475 {
		t.Errorf("catalogue has %d municipalities, want 2,475", len(c.all))
	}
	total := 0
	for _, m := range c.all {
		total += m.Population2020
	}
	if total != 126014024 {
		t.Errorf("census 2020 population adds to %d, want 126,014,024", total)
	}
}
