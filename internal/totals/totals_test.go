package totals

import (
	"math"
	"testing"
)

// Figures of the 2020 census (INEGI): Aguascalientes, Baja California Sur
// and Colima, each state row above its municipalities (not all of them;
// the state rows here are the sums of the rows listed).
func census() ([]Column, [][]string) {
	names := []string{"Total", "Aguascalientes", "Aguascalientes", "Asientos", "Calvillo", "Colima", "Armería", "Colima", "Comala"}
	total := []float64{0, 0, 948990, 51536, 58250, 0, 27626, 157048, 21661}
	men := []float64{0, 0, 462073, 25261, 28563, 0, 13838, 76003, 10624}
	// State rows and the national row are the sums.
	total[1], men[1] = total[2]+total[3]+total[4], men[2]+men[3]+men[4]
	total[5], men[5] = total[6]+total[7]+total[8], men[6]+men[7]+men[8]
	total[0], men[0] = total[1]+total[5], men[1]+men[5]
	return []Column{{Name: "pob", Values: total}, {Name: "hombres", Values: men}}, [][]string{names}
}

func rowsOf(gs []Group) []int {
	var r []int
	for _, g := range gs {
		r = append(r, g.Row)
	}
	return r
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFindLevels(t *testing.T) {
	cols, labels := census()
	gs := Find(cols, labels)
	if !equalInts(rowsOf(gs), []int{0, 1, 5}) {
		t.Fatalf("rows %v, want [0 1 5]: %+v", rowsOf(gs), gs)
	}
	if g := gs[0]; g.Level != 2 || !g.Heads || g.First != 1 || g.Last != 8 || g.Parts != 2 || g.Word != "Total" {
		t.Errorf("national row: %+v", g)
	}
	if g := gs[1]; g.Level != 1 || g.First != 2 || g.Last != 4 || g.Parts != 3 || g.Word != "" {
		t.Errorf("state row: %+v", g)
	}
	if got := gs[1].Reason(); got != `heads rows 3–5 (3 rows) and equals their sum on "pob", "hombres"` {
		t.Errorf("reason %q", got)
	}
}

func TestFindClosing(t *testing.T) {
	// 2020 census by state: the last row is the national total.
	v := []float64{1425607, 3769020, 798447, 928363, 3146771, 731391}
	v = append(v, v[0]+v[1]+v[2]+v[3]+v[4]+v[5])
	gs := Find([]Column{{Name: "pob", Values: v}}, nil)
	if !equalInts(rowsOf(gs), []int{6}) || gs[0].Heads || gs[0].First != 0 || gs[0].Last != 5 {
		t.Fatalf("got %+v", gs)
	}
}

func TestNoFalsePositives(t *testing.T) {
	cases := map[string][]float64{
		// One row equal to the sum of the next two, alone, with no word:
		// a coincidence, not a layout.
		"coincidence": {3, 1, 2, 10, 4, 7, 9},
		"zeros":       {0, 0, 0, 0, 0},
		"duplicate":   {5, 5, 0, 0, 8},
		"short":       {2, 1, 1},
	}
	for name, v := range cases {
		if name == "short" {
			// A grand total of two nonzero rows is found.
			if gs := Find([]Column{{Name: "x", Values: v}}, nil); len(gs) != 1 {
				t.Errorf("%s: %+v", name, gs)
			}
			continue
		}
		if gs := Find([]Column{{Name: "x", Values: v}}, nil); len(gs) != 0 {
			t.Errorf("%s: found %+v", name, gs)
		}
	}
	// A word alone is not enough: "Suma" (Yucatán) is a municipality.
	v := []float64{1876, 3000, 5000, 4012}
	if gs := Find([]Column{{Name: "x", Values: v}}, [][]string{{"Suma", "A", "B", "C"}}); len(gs) != 0 {
		t.Errorf("word alone: %+v", gs)
	}
}

func TestMissingAndFloats(t *testing.T) {
	nan := math.NaN()
	// The second column is missing on the total: only the first is compared.
	a := Column{Name: "a", Values: []float64{0.3, 0.1, 0.2, 7}}
	b := Column{Name: "b", Values: []float64{nan, 4, 5, 6}, NA: []bool{true, false, false, false}}
	gs := Find([]Column{a, b}, [][]string{{"Total parcial", "x", "y", "z"}})
	if len(gs) != 1 || gs[0].Row != 0 || len(gs[0].Columns) != 1 || gs[0].Columns[0] != "a" {
		t.Fatalf("got %+v", gs)
	}
	// Not equal on every compared column: not a total.
	c := Column{Name: "c", Values: []float64{10, 4, 5, 6}}
	if gs := Find([]Column{a, c}, [][]string{{"Total parcial", "x", "y", "z"}}); len(gs) != 0 {
		t.Fatalf("got %+v", gs)
	}
}

func TestSummable(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    []float64
		want bool
	}{
		{"pob_total_2020", []float64{1425607, 3769020}, true},
		{"n_year", []float64{1950, 1951}, false},
		{"AÑO", []float64{5, 6}, false},
		{"anual", []float64{1990, 2000}, false},
		{"cve_ent", []float64{1, 2}, false},
		{"tasa", []float64{1.5, 2}, false},
		{"averiguaciones", []float64{12, 40}, true},
		{"pob_start_year", []float64{763953, 794514}, true},
		{"mes", []float64{1, 2}, false},
	} {
		if got := Summable(tc.name, tc.v, nil); got != tc.want {
			t.Errorf("%s: %v", tc.name, got)
		}
	}
}

func TestWord(t *testing.T) {
	for s, want := range map[string]string{"Total": "Total", " TOTAL NACIONAL ": "TOTAL NACIONAL", "Estados Unidos Mexicanos": "Estados Unidos Mexicanos", "Totalco": "", "Total de delitos": "Total de delitos", "Colima": ""} {
		if got := Word(s); got != want {
			t.Errorf("Word(%q) = %q", s, got)
		}
	}
}

func TestFindAnywhere(t *testing.T) {
	// CONAPO 2026 mid-year population, states sorted by name: "Nacional"
	// sits between Morelos and Nayarit. Five states and their sum.
	v := []float64{1567559, 3978478, 2058813, 0, 1335937, 902543}
	v[3] = v[0] + v[1] + v[2] + v[4] + v[5]
	gs := Find([]Column{{Name: "pob", Values: v}}, [][]string{{"Aguascalientes", "Baja California", "Morelos", "Nacional", "Nayarit", "Zacatecas"}})
	if len(gs) != 1 || gs[0].Row != 3 || !gs[0].Anywhere || gs[0].Parts != 5 || gs[0].Word != "Nacional" {
		t.Fatalf("got %+v", gs)
	}
	if r := gs[0].Reason(); r != `sits among rows 1–6 and equals the sum of the others (5 rows) on "pob"; labelled "Nacional"` {
		t.Errorf("reason %q", r)
	}
	// Four rows, one column, no word: not enough.
	if gs := Find([]Column{{Name: "x", Values: []float64{2, 6, 1, 3}}}, nil); len(gs) != 0 {
		t.Errorf("small: %+v", gs)
	}
}

// FuzzFind reads bytes as a table of small signed numbers (two columns)
// and checks that Find never panics and that every group it returns is
// true: the row is outside its block (unless it sits among it) and, for a
// lowest-level group, equals the block's sum on the columns it names.
func FuzzFind(f *testing.F) {
	f.Add([]byte{10, 0, 4, 0, 6, 0, 20, 0, 8, 0, 12, 0})
	f.Add([]byte{3, 1, 1, 0, 2, 1, 10, 4, 7, 2, 9, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 400 {
			return
		}
		n := len(data) / 2
		a := Column{Name: "a", Values: make([]float64, n)}
		b := Column{Name: "b", Values: make([]float64, n), NA: make([]bool, n)}
		for i := 0; i < n; i++ {
			a.Values[i] = float64(int8(data[2*i]))
			b.Values[i] = float64(data[2*i+1] % 16)
			b.NA[i] = data[2*i+1] == 255
		}
		for _, g := range Find([]Column{a, b}, nil) {
			if g.Row < 0 || g.Row >= n || g.First < 0 || g.Last >= n || g.First > g.Last {
				t.Fatalf("bad group %+v (n=%d)", g, n)
			}
			if !g.Anywhere && g.Row >= g.First && g.Row <= g.Last {
				t.Fatalf("row inside its block: %+v", g)
			}
			if g.Level != 1 || g.Anywhere {
				continue
			}
			for _, name := range g.Columns {
				c := a
				if name == "b" {
					c = b
				}
				sum := 0.0
				for r := g.First; r <= g.Last; r++ {
					sum += c.Values[r]
				}
				if sum != c.Values[g.Row] {
					t.Fatalf("group %+v: %s sums to %v, row has %v", g, name, sum, c.Values[g.Row])
				}
			}
		}
	})
}

// TestFindAuto: a ratio column whose name does not say so (men per 100
// women, computed from the census figures) stops the columns together
// from matching; FindAuto compares the columns that add up.
func TestFindAuto(t *testing.T) {
	cols, labels := census()
	ratio := Column{Name: "hm", Values: make([]float64, len(cols[0].Values))}
	for i := range ratio.Values {
		ratio.Values[i] = 100 * cols[1].Values[i] / (cols[0].Values[i] - cols[1].Values[i])
	}
	all := append([]Column{ratio}, cols...)
	if gs := Find(all, labels); len(gs) != 0 {
		t.Fatalf("Find with the ratio: %+v", gs)
	}
	gs := FindAuto(all, labels)
	if !equalInts(rowsOf(gs), []int{0, 1, 5}) || len(gs[0].Columns) != 2 {
		t.Fatalf("FindAuto: %+v", gs)
	}
}
