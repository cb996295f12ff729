package fetch

import (
	"encoding/csv"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
)

// referenceCSV is the plain path the fast reader must agree with:
// encoding/csv records, the same header and note detection, and
// tableFromRecords, which types columns one string at a time.
func referenceCSV(in string, opts ...Option) (dataframe.DataFrame, error) {
	cfg := newConfig(opts)
	rep := &Report{}
	text, _, err := decodeAll(cfg, in)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	d, from, _ := cfg.dialect(text, rep)
	r := csv.NewReader(strings.NewReader(text[from:]))
	r.Comma = rune(d)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	recs, err := r.ReadAll()
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	n := len(recs)
	if n > headerScanRows {
		n = headerScanRows
	}
	h := detectHeader(recs[:n])
	lo := len(recs) - 60
	if lo < h+1 {
		lo = h + 1
	}
	cut := lo + trailingNotes(recs[lo:])
	var rows [][]string
	for _, rec := range recs[h+1 : cut] {
		if !allEmpty(rec) {
			rows = append(rows, rec)
		}
	}
	header := recs[h]
	width := len(header)
	for width > 0 && strings.TrimSpace(header[width-1]) == "" {
		width--
	}
	for _, row := range rows {
		for j := len(row) - 1; j >= width; j-- {
			if j < len(header) && strings.TrimSpace(row[j]) != "" {
				width = j + 1
				break
			}
		}
	}
	return tableFromRecords(cfg, header[:width], rows, 1, rep)
}

// randomTable writes a random table with the values that trip readers up:
// quoted delimiters, quotes and line breaks, CRLF, missing markers,
// leading-zero codes, grouped thousands, accents.
func randomTable(r *rand.Rand) string {
	ncol := 2 + r.Intn(6)
	nrow := 1 + r.Intn(300)
	delim := []string{",", ";", "\t", "|"}[r.Intn(4)]
	eol := []string{"\n", "\r\n"}[r.Intn(2)]
	kinds := make([]int, ncol)
	var b strings.Builder
	for j := range kinds {
		kinds[j] = r.Intn(8)
		if j > 0 {
			b.WriteString(delim)
		}
		fmt.Fprintf(&b, "col%d", j)
	}
	b.WriteString(eol)
	markers := []string{"", "NA", "N/D", "-", "NULL", "s/d", "No disponible"}
	for i := 0; i < nrow; i++ {
		for j, k := range kinds {
			if j > 0 {
				b.WriteString(delim)
			}
			if r.Intn(8) == 0 {
				b.WriteString(markers[r.Intn(len(markers))])
				continue
			}
			switch k {
			case 0: // code with leading zeros
				fmt.Fprintf(&b, "%03d", r.Intn(50))
			case 1: // int
				fmt.Fprintf(&b, "%d", r.Intn(2000000)-1000)
			case 2: // float
				fmt.Fprintf(&b, "%.3f", r.NormFloat64()*1000)
			case 3: // grouped thousands, quoted
				fmt.Fprintf(&b, "\"%d,%03d\"", 1+r.Intn(999), r.Intn(1000))
			case 4: // text with delimiters, quotes and line breaks
				words := []string{"Michoacán", "León" + delim + " Gto.", "dijo \"\"sí\"\"", "línea\nnueva", "línea\r\nCRLF", "Peña", "año"}
				fmt.Fprintf(&b, "\"%s %d\"", words[r.Intn(len(words))], r.Intn(10))
			case 5:
				b.WriteString([]string{"true", "false", "TRUE"}[r.Intn(3)])
			case 6: // plain text
				b.WriteString([]string{"Colima", "Sonora", "Ciudad de México", "Querétaro"}[r.Intn(4)])
			default: // mostly ints, sometimes text
				if r.Intn(50) == 0 {
					b.WriteString("n.a.")
				} else {
					fmt.Fprintf(&b, "%d", r.Intn(100))
				}
			}
		}
		if i < nrow-1 || r.Intn(2) == 0 {
			b.WriteString(eol)
		}
	}
	s := b.String()
	if r.Intn(3) == 0 {
		s = win(s)
	}
	return s
}

func TestReadCSVMatchesReference(t *testing.T) {
	r := rand.New(rand.NewSource(8))
	for k := 0; k < 300; k++ {
		in := randomTable(r)
		want, werr := referenceCSV(in)
		for _, w := range []int{1, 3} {
			got, gerr := ReadCSV(strings.NewReader(in), Workers(w))
			if (werr == nil) != (gerr == nil) {
				t.Fatalf("case %d workers %d: reference err %v, fast err %v\n%q", k, w, werr, gerr, in)
			}
			if werr != nil {
				continue
			}
			if msg := frameDiff(want, got); msg != "" {
				t.Fatalf("case %d workers %d: %s\n%q", k, w, msg, in)
			}
		}
	}
}

func TestReadCSVMatchesReferenceRealFiles(t *testing.T) {
	for _, f := range []string{"censo2020_poblacion_estatal.csv", "censo2020_poblacion_municipal.csv", "sesnsp_idefc_estatal_2026.csv",
		"banxico_tipo_de_cambio_deg_2018_2020.csv", "inegi_censo2020_poblacion_municipio_sexo_consulta.csv",
		"ssa_covid19_datos_abiertos_muestra_2k.csv", "conapo_zonas_metropolitanas_2015.csv"} {
		t.Run(f, func(t *testing.T) {
			b, err := readFileString(csvFile(f))
			if err != nil {
				t.Fatal(err)
			}
			want, err := referenceCSV(b)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ReadCSV(strings.NewReader(b), Workers(2))
			if err != nil {
				t.Fatal(err)
			}
			if msg := frameDiff(want, got); msg != "" {
				t.Error(msg)
			}
		})
	}
}
