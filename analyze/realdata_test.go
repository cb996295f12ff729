package analyze

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// recordsFrame builds a typed frame from CSV records: columns named in ints
// or floats are parsed (empty cells missing), the rest stay strings.
func recordsFrame(t testing.TB, recs [][]string, ints, floats []string) dataframe.DataFrame {
	t.Helper()
	header := recs[0]
	header[0] = strings.TrimPrefix(header[0], "\ufeff")
	kind := map[string]byte{}
	for _, c := range ints {
		kind[c] = 'i'
	}
	for _, c := range floats {
		kind[c] = 'f'
	}
	var cols []series.Series
	rows := recs[1:]
	for j, name := range header {
		na := make([]bool, len(rows))
		switch kind[name] {
		case 'i':
			v := make([]int, len(rows))
			for i, r := range rows {
				if strings.TrimSpace(r[j]) == "" {
					na[i] = true
					continue
				}
				n, err := strconv.Atoi(strings.TrimSpace(r[j]))
				if err != nil {
					t.Fatalf("column %s row %d: %v", name, i+1, err)
				}
				v[i] = n
			}
			cols = append(cols, frame.Ints(name, v, na))
		case 'f':
			v := make([]float64, len(rows))
			for i, r := range rows {
				if strings.TrimSpace(r[j]) == "" {
					na[i] = true
					continue
				}
				x, err := strconv.ParseFloat(strings.TrimSpace(r[j]), 64)
				if err != nil {
					t.Fatalf("column %s row %d: %v", name, i+1, err)
				}
				v[i] = x
			}
			cols = append(cols, frame.Floats(name, v, na))
		default:
			v := make([]string, len(rows))
			for i, r := range rows {
				v[i] = r[j]
				na[i] = strings.TrimSpace(r[j]) == ""
			}
			cols = append(cols, frame.Strings(name, v, na))
		}
	}
	return mustFrame(t, cols...)
}

// homicideRates computes homicidio doloso per 100,000 inhabitants for
// January–March 2026 by state from the SESNSP and CONAPO files.
func homicideRates(t *testing.T) (dataframe.DataFrame, RateReport) {
	recs := readCSV(t, "testdata/sesnsp_idefc_estatal_2026_homicidio_doloso.csv", true)
	// One row per crime modality: add the three reported months.
	recs[0] = append(recs[0], "ene_mar")
	sub := colIndex(t, recs[0], "Subtipo de delito")
	for i, r := range recs[1:] {
		if r[sub] != "Homicidio doloso" {
			t.Fatalf("row %d: subtype %q", i+1, r[sub])
		}
		s := 0
		for _, m := range []string{"Enero", "Febrero", "Marzo"} {
			s += atoi(t, r[colIndex(t, recs[0], m)])
		}
		recs[i+1] = append(r, strconv.Itoa(s))
	}
	crimes := recordsFrame(t, recs, []string{"Enero", "Febrero", "Marzo", "ene_mar"}, nil)
	byState, err := GroupBy(crimes, "Clave_Ent").Agg(Sum("ene_mar").As("homicidios"))
	if err != nil {
		t.Fatal(err)
	}
	pop := readCSV(t, "testdata/conapo_poblacion_estatal_sexo_2026.csv", false)
	popOf := map[string]string{}
	for _, r := range pop[1:] {
		if r[0] == "2026" && r[3] == "Total" && r[2] != "00" {
			popOf[r[2]] = r[5]
		}
	}
	keys := stringsOf(t, byState, "Clave_Ent")
	p := make([]int, len(keys))
	for i, k := range keys {
		p[i] = atoi(t, popOf[k])
	}
	joined, err := withColumns("test", byState, frame.Ints("poblacion", p, nil))
	if err != nil {
		t.Fatal(err)
	}
	out, rep, err := RateOptions{}.RateWithReport(joined, "homicidios", "poblacion", 100_000, "tasa")
	if err != nil {
		t.Fatal(err)
	}
	return out, rep
}

func TestHomicideRatesRealData(t *testing.T) {
	out, rep := homicideRates(t)
	if out.Nrow() != 32 || rep.Computed != 32 {
		t.Fatalf("%d states, report:\n%v", out.Nrow(), rep)
	}
	keys := stringsOf(t, out, "Clave_Ent")
	tasa := floatsOf(t, out, "tasa")
	hom := floatsOf(t, out, "homicidios")
	small := out.Col("tasa_small").Records()
	// Hand calculation from the files: Aguascalientes 1+1+1 (arma blanca)
	// + 4+3+2 (arma de fuego) + 0+0+1 (otro elemento) = 13 homicides over
	// 1,567,559 inhabitants (CONAPO 2026 mid-year); Colima 3+130+24+1 = 158
	// over 771,538; Guanajuato 2+301+31 = 334 over 6,590,749.
	tests := []struct {
		cve   string
		hom   float64
		rate  float64
		small string
	}{
		{"01", 13, 13.0 / 1567559 * 100000, "false"},
		{"06", 158, 158.0 / 771538 * 100000, "false"},
		{"11", 334, 334.0 / 6590749 * 100000, "false"},
	}
	for _, tc := range tests {
		t.Run(tc.cve, func(t *testing.T) {
			for i, k := range keys {
				if k != tc.cve {
					continue
				}
				if hom[i] != tc.hom || !near(tasa[i], tc.rate, 1e-9) || small[i] != tc.small {
					t.Fatalf("state %s: %v homicides, rate %v, small %s; want %v, %v, %s", k, hom[i], tasa[i], small[i], tc.hom, tc.rate, tc.small)
				}
				return
			}
			t.Fatalf("state %s not found", tc.cve)
		})
	}
	if !near(tasa[0], 0.8293, 1e-4) {
		t.Errorf("Aguascalientes rate %v, want 0.8293", tasa[0])
	}
	// Rank: Colima has the highest rate in this quarter.
	ranked, err := Rank(out, "tasa")
	if err != nil {
		t.Fatal(err)
	}
	r := floatsOf(t, ranked, "tasa_rank")
	for i, k := range keys {
		if k == "06" && r[i] != 1 {
			t.Errorf("Colima rank %v, want 1", r[i])
		}
	}
}

func TestDeflateINPCRealValues(t *testing.T) {
	ix := INPC()
	if first, last := ix.Range(); first != "1969-01" || last != "2024-03" || ix.Len() != 663 {
		t.Fatalf("INPC range %s..%s, %d months", first, last, ix.Len())
	}
	// Published INEGI values (base 2a quincena julio 2018 = 100).
	for m, want := range map[string]float64{"2018-07": 99.909099, "2023-01": 127.336, "2024-03": 134.065, "1969-01": 0.011595} {
		if v, ok := ix.Value(m); !ok || v != want {
			t.Errorf("INPC %s = %v, want %v", m, v, want)
		}
	}
	avg2023 := (127.336 + 128.046 + 128.389 + 128.363 + 128.084 + 128.214 + 128.832 + 129.545 + 130.120 + 130.609 + 131.445 + 132.373) / 12
	df := mustFrame(t,
		frame.Strings("fecha", []string{"2023-01-15", "2023-01", "2023", "2024-03", "2025-01", "", "2019"}, []bool{false, false, false, false, false, true, false}),
		frame.Floats("importe", []float64{1000, 1000, 1000, 500, 10, 10, math.NaN()}, nil),
	)
	tests := []struct {
		base string
		want []float64
	}{
		{"2024-03", []float64{1000 * 134.065 / 127.336, 1000 * 134.065 / 127.336, 1000 * 134.065 / avg2023, 500, math.NaN(), math.NaN(), math.NaN()}},
		{"2023", []float64{1000 * avg2023 / 127.336, 1000 * avg2023 / 127.336, 1000, 500 * avg2023 / 134.065, math.NaN(), math.NaN(), math.NaN()}},
	}
	for _, tc := range tests {
		t.Run(tc.base, func(t *testing.T) {
			out, rep, err := Deflate(df, "importe", "fecha", ix, tc.base)
			if err != nil {
				t.Fatal(err)
			}
			got := floatsOf(t, out, "importe_real")
			for i := range tc.want {
				if !near(got[i], tc.want[i], 1e-9) {
					t.Errorf("row %d: %v, want %v", i+1, got[i], tc.want[i])
				}
			}
			if rep.NotInIndex != 1 || len(rep.Periods) != 1 || rep.Periods[0] != "2025-01" || rep.MissingDate != 1 || rep.MissingAmount != 1 {
				t.Errorf("report:\n%v", rep)
			}
			if !strings.Contains(rep.String(), "2025-01") {
				t.Errorf("report does not name the missing month:\n%v", rep)
			}
		})
	}
	if _, _, err := Deflate(df, "importe", "fecha", ix, "2024"); !errors.Is(err, ErrNoBase) {
		t.Errorf("incomplete base year: err = %v", err)
	}
	bad := mustFrame(t, frame.Strings("fecha", []string{"17/10/2023"}, nil), frame.Floats("importe", []float64{1}, nil))
	if _, _, err := Deflate(bad, "importe", "fecha", ix, "2023"); !errors.Is(err, ErrBadDate) {
		t.Errorf("non-ISO date: err = %v", err)
	}
}

func TestConvertFIXRealValues(t *testing.T) {
	fix := FIX()
	if first, last := fix.Range(); first != "2018-01-02" || last != "2025-08-01" || fix.Len() != 1908 {
		t.Fatalf("FIX %s..%s, %d quotes", first, last, fix.Len())
	}
	df := mustFrame(t,
		frame.Strings("fecha", []string{"2018-01-02", "2018-01-06", "2018-01-07", "2024-10", "2017-12-31", "2025"}, nil),
		frame.Floats("usd", []float64{100, 100, 1, 1, 1, 1}, nil),
	)
	out, rep, err := Convert(df, "usd", "fecha", fix, "mxn")
	if err != nil {
		t.Fatal(err)
	}
	// 2018-01-06 and -07 are a weekend: the Friday 2018-01-05 FIX, 19.2737,
	// applies. October 2024 averages its 22 daily quotes (19.7062).
	want := []float64{1948.99, 1927.37, 19.2737, 19.7062, math.NaN(), math.NaN()}
	got := floatsOf(t, out, "mxn")
	for i := range want {
		if !near(got[i], want[i], 1e-4) {
			t.Errorf("row %d: %v, want %v", i+1, got[i], want[i])
		}
	}
	if rep.PreviousDay != 2 || rep.Averaged != 1 || rep.NoRate != 2 {
		t.Errorf("report:\n%v", rep)
	}
}

func TestProfileRealFiles(t *testing.T) {
	rem := recordsFrame(t, readCSV(t, "testdata/banxico_remesas_entidad_2024_2025.csv", false), []string{"CVE_ENT", "VALOR_USD"}, nil)
	remText := recordsFrame(t, readCSV(t, "testdata/banxico_remesas_entidad_2024_2025.csv", false), nil, []string{"VALOR_USD"})
	censo := recordsFrame(t, readCSV(t, "testdata/censo2020_poblacion_estatal.csv", false), []string{"pob_total_2020", "pob_h_2020", "pob_m_2020"}, nil)
	compranet := recordsFrame(t, readCSV(t, "testdata/compranet_contratos_2014_muestra_200.csv", false), nil, []string{"IMPORTE_CONTRATO"})
	covid := recordsFrame(t, readCSV(t, "testdata/ssa_covid19_muestra_400.csv", false), []string{"INTUBADO", "UCI", "EDAD"}, nil)
	sesnsp := recordsFrame(t, readCSV(t, "testdata/sesnsp_idefc_estatal_2026_homicidio_doloso.csv", true), nil, nil)
	tests := []struct {
		name string
		df   dataframe.DataFrame
		col  string
		code string
	}{
		{"remesas CVE_ENT lost zeros", rem, "CVE_ENT", WarnLostZeros},
		{"remesas CVE_ENT as unpadded text", remText, "CVE_ENT", WarnLostZeros},
		{"censo Nacional totals row", censo, "nombre_estado", WarnTotalsRow},
		{"censo code 00", censo, "cve_geo", WarnCodeZero},
		{"censo total equals sum of states", censo, "pob_total_2020", WarnTotalsRow},
		{"compranet mixed dates", compranet, "FECHA_APERTURA_PROPOSICIONES", WarnMixedDates},
		{"covid INTUBADO 97", covid, "INTUBADO", WarnSentinel},
		{"sesnsp empty months", sesnsp, "Abril", WarnAllMissing},
		{"sesnsp months as text", sesnsp, "Enero", WarnNumberAsText},
		{"sesnsp one year", sesnsp, "Año", WarnOneValue},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := Profile(tc.df)
			c, ok := p.Column(tc.col)
			if !ok {
				t.Fatalf("no column %s", tc.col)
			}
			if !c.HasWarning(tc.code) {
				t.Fatalf("%s: no %s warning:\n%v", tc.col, tc.code, p)
			}
		})
	}
	p := Profile(censo)
	c, _ := p.Column("pob_total_2020")
	if c.Count != 33 || c.Max != "126014024" || c.Min != "731391" || c.Distinct != 33 {
		t.Errorf("pob_total_2020 profile: %+v", c)
	}
	if c, _ := p.Column("cve_geo"); c.HasWarning(WarnLostZeros) || c.HasWarning(WarnNumberAsText) {
		t.Errorf("zero-padded text codes must not be flagged: %+v", c.Warnings)
	}
	pdf, err := p.DataFrame()
	if err != nil || pdf.Nrow() != 6 {
		t.Fatalf("profile frame: %v %v", err, pdf)
	}
	if !strings.Contains(p.String(), "! totals-row") {
		t.Errorf("String misses the warning:\n%s", p)
	}
}
