package clean

import (
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// loadCSV reads a UTF-8 CSV into a frame: every column text except those
// named in ints, read as Int (empty → missing).
func loadCSV(t testing.TB, path string, ints ...string) dataframe.DataFrame {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	isInt := map[string]bool{}
	for _, n := range ints {
		isInt[n] = true
	}
	var cols []series.Series
	for j, name := range recs[0] {
		if isInt[name] {
			v := make([]int, len(recs)-1)
			na := make([]bool, len(v))
			for i, r := range recs[1:] {
				n, err := strconv.Atoi(r[j])
				v[i], na[i] = n, err != nil
			}
			cols = append(cols, frame.Ints(name, v, na))
			continue
		}
		v := make([]string, len(recs)-1)
		for i, r := range recs[1:] {
			v[i] = r[j]
		}
		cols = append(cols, frame.Strings(name, v, nil))
	}
	df, err := frame.New(cols...)
	if err != nil {
		t.Fatal(err)
	}
	return df
}

func strs(t testing.TB, df dataframe.DataFrame, col string) string {
	t.Helper()
	s, err := frame.Column(df, col)
	if err != nil {
		t.Fatal(err)
	}
	v, na := frame.StringsOf(s)
	for i := range v {
		if na[i] {
			v[i] = "NA"
		}
	}
	return strings.Join(v, ",")
}

// TestJoinCensusCatalogue joins the 2,469 municipalities of the 2020
// census to the 2,475 of the Marco Geoestadístico on two keys.
func TestJoinCensusCatalogue(t *testing.T) {
	census := loadCSV(t, "testdata/join/censo2020_poblacion_municipal.csv", "poblacion")
	cat := loadCSV(t, "testdata/join/catalogo_municipios_cve_geo.csv")
	c := Config{RightOn: []string{"cve_ent", "cve_mun"}}
	out, rep, err := c.Join(census, cat, Full, "clave_entidad", "clave_municipio")
	if err != nil {
		t.Fatal(err)
	}
	if out.Nrow() != 2475 || rep.Rows != 2475 || rep.MatchedLeft != 2469 || rep.MatchedRight != 2469 {
		t.Fatalf("rows %d, report %+v", out.Nrow(), rep)
	}
	if len(rep.UnmatchedLeft) != 0 || rep.UnmatchedRightRows() != 6 {
		t.Fatalf("unmatched: %v / %v", rep.UnmatchedLeft, rep.UnmatchedRight)
	}
	var got []string
	for _, u := range rep.UnmatchedRight {
		got = append(got, u.Key)
	}
	// The six municipalities created after the 2020 census, in catalogue order.
	want := "02 | 007,04 | 013,12 | 083,12 | 085,12 | 084,12 | 082"
	if strings.Join(got, ",") != want {
		t.Fatalf("unmatched right %q, want %q", got, want)
	}
	if rep.Relation() != OneToOne {
		t.Fatalf("cardinality %s", rep.Relation())
	}
	// Unmatched right rows come last, with their key from the right side
	// and the left columns missing.
	keys := strings.Split(strs(t, out, "clave_municipio"), ",")
	pop := strings.Split(strs(t, out, "poblacion"), ",")
	names := strings.Split(strs(t, out, "nombre_municipio"), ",")
	if keys[2469] != "007" || pop[2469] != "NA" || names[2469] != "San Felipe" {
		t.Fatalf("row 2469: %s %s %s", keys[2469], pop[2469], names[2469])
	}
	if keys[0] != "001" || pop[0] != "948990" || names[0] != "Aguascalientes" {
		t.Fatalf("row 0: %s %s %s", keys[0], pop[0], names[0])
	}
	if want := []string{"clave_entidad", "entidad", "clave_municipio", "municipio", "poblacion", "cve_geo", "nombre_estado", "nombre_municipio"}; strings.Join(out.Names(), ",") != strings.Join(want, ",") {
		t.Fatalf("names %v", out.Names())
	}
	s := rep.String()
	for _, frag := range []string{"full join on", "right keys with no match: 6 (6 rows)", `"12 | 083" ×1`, "left keys with no match: none"} {
		if !strings.Contains(s, frag) {
			t.Errorf("report lacks %q:\n%s", frag, s)
		}
	}

	// The same join by code on one side and name on the other fails
	// loudly and suggests.
	_, rep, err = Config{RightOn: []string{"nombre_municipio"}}.Join(census, cat, Inner, "municipio")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Relation() != ManyToMany || len(rep.DuplicatedRight) == 0 {
		t.Fatalf("names repeat across states: %s", rep.Relation())
	}
}

// TestJoinStatesMixedTypes joins México Evalúa's homicides (Int state
// codes 1–32, 576 rows) to the census states (text codes "00"–"32").
func TestJoinStatesMixedTypes(t *testing.T) {
	hom := loadCSV(t, "testdata/join/mexicoevalua_homicidios_estado_1997_2013.csv", "state_code", "year", "averiguaciones", "population")
	pop := loadCSV(t, "testdata/join/censo2020_poblacion_estatal.csv", "pob_total_2020")
	out, rep, err := Config{RightOn: []string{"cve_geo"}}.Join(hom, pop, Left, "state_code")
	if err != nil {
		t.Fatal(err)
	}
	if out.Nrow() != 576 || rep.MatchedLeft != 576 || rep.MatchedRight != 32 || len(rep.UnmatchedRight) != 1 || rep.UnmatchedRight[0].Key != "00" {
		t.Fatalf("report:\n%s", rep)
	}
	if len(rep.KeyTypes) != 1 || !strings.Contains(rep.KeyTypes[0], "compared as numbers") {
		t.Fatalf("key types %v", rep.KeyTypes)
	}
	if got := strs(t, out.Subset([]int{0, 575}), "pob_total_2020"); got != "1425607,1622138" {
		t.Fatalf("population %s", got)
	}
	if out.Col("state_code").Type() != series.Int {
		t.Fatal("left key type changed")
	}

	// By name: the old and short names do not match; the report says
	// which and suggests the official names.
	_, rep, err = Config{RightOn: []string{"nombre_estado_inegi"}}.Join(hom, pop, Left, "long_name")
	if err != nil {
		t.Fatal(err)
	}
	if rep.UnmatchedLeftRows() != 36 || len(rep.UnmatchedLeft) != 2 {
		t.Fatalf("report:\n%s", rep)
	}
	closest := map[string][]string{}
	for _, u := range rep.UnmatchedLeft {
		closest[u.Key] = u.Closest
	}
	if c := closest["Estado de México"]; len(c) == 0 || c[0] != "México" {
		t.Fatalf("closest to Estado de México: %v\n%s", c, rep)
	}
	if c := closest["Distrito Federal"]; len(c) != 0 {
		t.Fatalf("closest to Distrito Federal: %v", c)
	}
}

func frameOf(t testing.TB, cols ...series.Series) dataframe.DataFrame {
	t.Helper()
	df, err := frame.New(cols...)
	if err != nil {
		t.Fatal(err)
	}
	return df
}

func TestJoinKinds(t *testing.T) {
	left := frameOf(t,
		frame.Strings("k", []string{"a", "b", "c", "", "a"}, []bool{false, false, false, true, false}),
		frame.Ints("v", []int{1, 2, 3, 4, 5}, nil),
	)
	right := frameOf(t,
		frame.Strings("k", []string{"b", "a", "d", "b", ""}, []bool{false, false, false, false, true}),
		frame.Strings("v", []string{"B1", "A", "D", "B2", "X"}, nil),
	)
	tests := []struct {
		how          How
		k, v, vRight string
		rows         int
	}{
		{Inner, "a,b,b,a", "1,2,2,5", "A,B1,B2,A", 4},
		{Left, "a,b,b,c,NA,a", "1,2,2,3,4,5", "A,B1,B2,NA,NA,A", 6},
		{Right, "a,b,b,a,d,NA", "1,2,2,5,NA,NA", "A,B1,B2,A,D,X", 6},
		{Full, "a,b,b,c,NA,a,d,NA", "1,2,2,3,4,5,NA,NA", "A,B1,B2,NA,NA,A,D,X", 8},
		{Semi, "a,b,a", "1,2,5", "", 3},
		{Anti, "c,NA", "3,4", "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.how.String(), func(t *testing.T) {
			out, rep, err := Join(left, right, tt.how, "k")
			if err != nil {
				t.Fatal(err)
			}
			if out.Nrow() != tt.rows || rep.Rows != tt.rows {
				t.Fatalf("%d rows", out.Nrow())
			}
			if got := strs(t, out, "k"); got != tt.k {
				t.Errorf("k = %s, want %s", got, tt.k)
			}
			if got := strs(t, out, "v"); got != tt.v {
				t.Errorf("v = %s, want %s", got, tt.v)
			}
			if tt.vRight != "" {
				if got := strs(t, out, "v_right"); got != tt.vRight {
					t.Errorf("v_right = %s, want %s", got, tt.vRight)
				}
				if len(rep.Renamed) != 1 || rep.Renamed[0] != (Rename{"v", "v_right"}) {
					t.Errorf("renamed %v", rep.Renamed)
				}
			} else if out.Ncol() != 2 {
				t.Errorf("semi/anti columns %v", out.Names())
			}
			if rep.MissingKeyLeft != 1 || rep.MissingKeyRight != 1 || rep.MatchedLeft != 3 || rep.MatchedRight != 3 {
				t.Errorf("report %+v", rep)
			}
			if len(rep.DuplicatedRight) != 1 || rep.DuplicatedRight[0] != (DuplicateKey{"b", 2, 1}) {
				t.Errorf("duplicated right %v", rep.DuplicatedRight)
			}
			if len(rep.DuplicatedLeft) != 1 || rep.DuplicatedLeft[0] != (DuplicateKey{"a", 2, 1}) {
				t.Errorf("duplicated left %v", rep.DuplicatedLeft)
			}
		})
	}
}

func TestJoinKeysKeptApart(t *testing.T) {
	left := frameOf(t, frame.Strings("a", []string{"x_y", "x"}, nil), frame.Strings("b", []string{"z", "y_z"}, nil))
	right := frameOf(t, frame.Strings("a", []string{"x"}, nil), frame.Strings("b", []string{"y_z"}, nil), frame.Ints("n", []int{7}, nil))
	out, rep, err := Join(left, right, Left, "a", "b")
	if err != nil {
		t.Fatal(err)
	}
	if got := strs(t, out, "n"); got != "NA,7" || rep.MatchedLeft != 1 {
		t.Fatalf("n = %s", got)
	}
	// No key named: the shared names are the keys.
	_, rep, err = Join(left, right, Inner)
	if err != nil || strings.Join(rep.Keys, ",") != "a,b" {
		t.Fatalf("keys %v, %v", rep.Keys, err)
	}
}

func TestJoinFoldKeys(t *testing.T) {
	left := frameOf(t, frame.Strings("cve", []string{"1", "9", "32"}, nil), frame.Strings("estado", []string{"MICHOACAN", "Cd. de México", "Zacatecas"}, nil))
	right := frameOf(t, frame.Strings("cve_ent", []string{"01", "09", "32"}, nil), frame.Strings("nombre", []string{"Michoacán", "Cd de Mexico", "Zacatecas"}, nil))
	_, rep, err := Config{RightOn: []string{"cve_ent"}}.Join(left, right, Inner, "cve")
	if err != nil {
		t.Fatal(err)
	}
	if rep.MatchedLeft != 1 || rep.FoldWouldMatch != 2 || !strings.Contains(rep.String(), "FoldKeys") {
		t.Fatalf("report:\n%s", rep)
	}
	if c := rep.UnmatchedLeft[0].Closest; len(c) == 0 || c[0] != "01" {
		t.Fatalf("closest %v", c)
	}
	out, rep, err := Config{RightOn: []string{"cve_ent"}, FoldKeys: true}.Join(left, right, Inner, "cve")
	if err != nil || rep.MatchedLeft != 3 || strs(t, out, "cve") != "1,9,32" {
		t.Fatalf("fold: %v\n%s", err, rep)
	}
	_, rep, _ = Config{RightOn: []string{"nombre"}, FoldKeys: true}.Join(left, right, Inner, "estado")
	if rep.MatchedLeft != 3 {
		t.Fatalf("folded names:\n%s", rep)
	}
}

func TestJoinTypes(t *testing.T) {
	left := frameOf(t, frame.Ints("id", []int{1, 2, 3}, nil), frame.Floats("x", []float64{0.5, 1.5, 2.5}, nil))
	right := frameOf(t, frame.Strings("id", []string{" 01", "2.0", "tres", "4"}, nil), frame.Bools("ok", []bool{true, false, true, true}, nil))
	out, rep, err := Join(left, right, Full, "id")
	if err != nil {
		t.Fatal(err)
	}
	if got := strs(t, out, "id"); got != "1,2,3,tres,4" {
		t.Fatalf("id = %s", got)
	}
	if got := strs(t, out, "ok"); got != "true,false,NA,true,true" {
		t.Fatalf("ok = %s", got)
	}
	if out.Col("x").Type() != series.Float || out.Col("ok").Type() != series.Bool || out.Col("id").Type() != series.String {
		t.Fatalf("types %v", out.Types())
	}
	if rep.MatchedLeft != 2 || len(rep.KeyTypes) != 1 {
		t.Fatalf("report:\n%s", rep)
	}
	// Numbers on both sides compare as numbers.
	r2 := frameOf(t, frame.Floats("id", []float64{1, 2.5}, nil))
	out, rep, err = Join(left, r2, Full, "id")
	if err != nil || rep.MatchedLeft != 1 || fmt.Sprint(out.Col("id").Float()) != "[1 2 3 2.5]" || out.Col("id").Type() != series.Float {
		t.Fatalf("%v %v %v", err, out.Col("id").Float(), out.Types())
	}
}

func TestJoinErrors(t *testing.T) {
	l := frameOf(t, frame.Strings("a", []string{"x"}, nil))
	r := frameOf(t, frame.Strings("b", []string{"x"}, nil))
	tests := []struct {
		name string
		err  error
		f    func() error
	}{
		{"missing left key", ErrNoColumn, func() error { _, _, err := Join(l, r, Inner, "zz"); return err }},
		{"missing right key", ErrNoColumn, func() error { _, _, err := Join(l, r, Inner, "a"); return err }},
		{"no shared column", ErrArgument, func() error { _, _, err := Join(l, r, Inner); return err }},
		{"bad how", ErrArgument, func() error { _, _, err := Join(l, l, How(42), "a"); return err }},
		{"right keys count", ErrArgument, func() error {
			_, _, err := Config{RightOn: []string{"b", "c"}}.Join(l, r, Inner, "a")
			return err
		}},
		{"frame error", ErrFrame, func() error {
			bad := l
			bad.Err = fmt.Errorf("boom")
			_, _, err := Join(bad, r, Inner, "a")
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.f()
			if !errors.Is(err, tt.err) || !strings.HasPrefix(err.Error(), "clean: ") {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
		})
	}
	_, _, err := Join(l, r, Inner, "a")
	if !strings.Contains(err.Error(), `"a"`) {
		t.Fatalf("error does not name the column: %v", err)
	}
}

// benchJoinFrames: 1,000,000 left rows keyed by CVEGEO against the 2,469
// census municipalities.
func benchJoinFrames(b *testing.B) (dataframe.DataFrame, dataframe.DataFrame) {
	census := loadCSV(b, "testdata/join/censo2020_poblacion_municipal.csv", "poblacion")
	ent, _ := frame.StringsOf(census.Col("clave_entidad"))
	mun, _ := frame.StringsOf(census.Col("clave_municipio"))
	pop := census.Col("poblacion").Float()
	codes := make([]string, len(ent))
	for i := range ent {
		codes[i] = ent[i] + mun[i]
	}
	right := frameOf(b, frame.Strings("cvegeo", codes, nil), frame.Floats("poblacion", pop, nil))
	n := 1_000_000
	k := make([]string, n)
	v := make([]float64, n)
	for i := range k {
		k[i] = codes[(i*7919)%len(codes)]
		v[i] = float64(i)
	}
	left := frameOf(b, frame.Strings("cvegeo", k, nil), frame.Floats("importe", v, nil))
	return left, right
}

func BenchmarkJoin1Mx2469(b *testing.B) {
	left, right := benchJoinFrames(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out, rep, err := Join(left, right, Left, "cvegeo")
		if err != nil || out.Nrow() != 1_000_000 || rep.MatchedLeft != 1_000_000 {
			b.Fatal(err, rep)
		}
	}
}

func TestJoinEmpty(t *testing.T) {
	empty := frameOf(t, frame.Strings("k", []string{}, nil), frame.Ints("v", []int{}, nil))
	right := frameOf(t, frame.Strings("k", []string{"a"}, nil), frame.Ints("w", []int{1}, nil))
	for _, how := range []How{Inner, Left, Right, Full, Semi, Anti} {
		out, rep, err := Join(empty, right, how, "k")
		if err != nil {
			t.Fatalf("%s: %v", how, err)
		}
		want := 0
		if how == Right || how == Full {
			want = 1
		}
		if out.Nrow() != want || rep.UnmatchedRightRows() != 1 {
			t.Fatalf("%s: %d rows\n%s", how, out.Nrow(), rep)
		}
	}
	var zero dataframe.DataFrame
	if _, _, err := Join(zero, right, Inner, "k"); !errors.Is(err, ErrNoColumn) {
		t.Fatalf("zero frame: %v", err)
	}
	if _, err := Longer(zero, nil, "n", "v"); !errors.Is(err, ErrArgument) {
		t.Fatalf("zero frame longer: %v", err)
	}
}

func TestJoinTrimsKeys(t *testing.T) {
	l := frameOf(t, frame.Strings("k", []string{"Jalisco ", " Sonora", "Sonora"}, nil))
	r := frameOf(t, frame.Strings("k", []string{"Jalisco", "Sonora"}, nil), frame.Ints("n", []int{1, 2}, nil))
	out, rep, err := Join(l, r, Left, "k")
	if err != nil || rep.MatchedLeft != 3 || strs(t, out, "n") != "1,2,2" || strs(t, out, "k") != "Jalisco , Sonora,Sonora" {
		t.Fatalf("%v %s\n%s", err, strs(t, out, "n"), rep)
	}
}

func TestJoinReportUnmatched(t *testing.T) {
	l := frameOf(t, frame.Strings("k", []string{"a", "b", "b"}, nil))
	r := frameOf(t, frame.Strings("k", []string{"a", "c"}, nil))
	_, rep, _ := Join(l, r, Left, "k")
	err := rep.Unmatched()
	if !errors.Is(err, ErrUnmatched) || !strings.Contains(err.Error(), `1 left keys (2 rows) have no match, e.g. "b"`) {
		t.Fatalf("err = %v", err)
	}
	_, rep, _ = Join(l, r, Full, "k")
	if err := rep.Unmatched(); !strings.Contains(err.Error(), `1 right keys (1 rows)`) {
		t.Fatalf("err = %v", err)
	}
	_, rep, _ = Join(r.Subset([]int{0}), l, Inner, "k")
	if err := rep.Unmatched(); err != nil {
		t.Fatalf("err = %v", err)
	}
}
