package clean

import (
	"errors"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/series"
)

func TestDatesMixedColumn(t *testing.T) {
	in := []string{"17/10/2024", "2024-10-17", "17-oct-2024", "17 de octubre de 2024", "octubre 2024",
		"OCT/24", "45582", "2015-03-01 12:00:00 GMT", "2024-10-17T08:30:00", "9999-99-99", "N/D", "05/03/2024", "mañana"}
	want := []string{"2024-10-17", "2024-10-17", "2024-10-17", "2024-10-17", "2024-10",
		"2024-10", "2024-10-17", "2015-03-01", "2024-10-17", "NaN", "NaN", "2024-03-05", "NaN"}
	df := mustFrame(t, frame.Strings("fecha", in, nil))
	out, rep, err := Dates(df, "fecha")
	if err != nil {
		t.Fatal(err)
	}
	got := col(t, out, "fecha").Records()
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d %q: got %q, want %q", i+1, in[i], got[i], want[i])
		}
	}
	cr, _ := rep.Column("fecha")
	if cr.Parsed != 10 || cr.BecameMissingCount() != 2 || cr.Failed != 1 || cr.FailedRows[0] != 13 {
		t.Errorf("report %+v", cr)
	}
	if !hasNote(cr, "1 values had day and month both ≤ 12") || !hasNote(cr, "2 values had a time of day") {
		t.Errorf("notes %q", cr.Notes)
	}
	if len(cr.Seen) != 7 {
		t.Errorf("formats seen: %v", cr.Seen)
	}
	if _, _, err := (Config{Strict: true}).Dates(df, "fecha"); !errors.Is(err, ErrBadDate) || !strings.Contains(err.Error(), `row 13: "mañana"`) {
		t.Errorf("strict: %v", err)
	}
}

func TestDatesLocaleAndOrder(t *testing.T) {
	cases := []struct {
		name string
		c    Config
		in   []string
		want []string
		note string
	}{
		{"MX day first", Config{}, []string{"05/03/2024", "17/10/2024"}, []string{"2024-03-05", "2024-10-17"}, "1 values had day and month"},
		{"US month first", Config{Locale: US}, []string{"05/03/2024", "10/17/2024"}, []string{"2024-05-03", "2024-10-17"}, "1 values had day and month"},
		{"month-first column under MX", Config{}, []string{"05/03/2024", "10/17/2024", "12/31/2023"}, []string{"2024-05-03", "2024-10-17", "2023-12-31"}, "2 values only make sense month first"},
		{"layouts", Config{DateLayouts: []string{"02.01.2006", "Jan 2006"}}, []string{"17.10.2024", "Oct 2024"}, []string{"2024-10-17", "2024-10"}, ""},
		{"month names alone", Config{}, []string{"ENE", "Diciembre"}, []string{"--01", "--12"}, "2 values are a month with no year"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			df := mustFrame(t, frame.Strings("f", c.in, nil))
			out, rep, err := c.c.Dates(df, "f")
			if err != nil {
				t.Fatal(err)
			}
			if got := col(t, out, "f").Records(); strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("got %v, want %v", got, c.want)
			}
			if cr, _ := rep.Column("f"); c.note != "" && !hasNote(cr, c.note) {
				t.Errorf("notes %q, want %q", cr.Notes, c.note)
			}
		})
	}
}

func TestDatesNumericSerialColumn(t *testing.T) {
	df := mustFrame(t, frame.Ints("fecha", []int{45582, 45292}, nil), frame.Ints("n", []int{45582, 1}, nil))
	out, _, err := Dates(df, "fecha")
	if err != nil {
		t.Fatal(err)
	}
	if got := col(t, out, "fecha").Records(); got[0] != "2024-10-17" || got[1] != "2024-01-01" {
		t.Errorf("got %v", got)
	}
	out, rep, err := Dates(df)
	if err != nil {
		t.Fatal(err)
	}
	if col(t, out, "n").Type() != series.Int || len(rep.Columns) != 0 {
		t.Errorf("auto mode touched numbers: %v", rep)
	}
}

// TestDatesCompranet reads the mixed date formats of Compranet 2014:
// "2014-11-24", "2014-11-12 19:21" and "2014-11-24 00:00:00 GMT".
func TestDatesCompranet(t *testing.T) {
	df := readTestCSV(t, "compranet_contratos_2014_muestra_100.csv", false, 0)
	out, rep, err := Dates(df)
	if err != nil {
		t.Fatal(err)
	}
	conv := map[string]bool{}
	for _, c := range rep.Columns {
		if c.Converted {
			conv[c.Column] = true
		}
	}
	for _, name := range []string{"FECHA_INICIO", "FECHA_FIN", "FECHA_CELEBRACION", "EXP_F_FALLO", "PROC_F_PUBLICACION", "FECHA_APERTURA_PROPOSICIONES"} {
		if !conv[name] {
			t.Errorf("%s not converted", name)
		}
	}
	if len(conv) != 6 {
		t.Errorf("converted %v, want the 6 date columns", conv)
	}
	rows := []struct {
		row               int
		celeb, publ, aper string
	}{
		{1, "2014-11-24", "2014-11-12", "2014-11-13"},
		{10, "2014-11-15", "2014-11-15", "2014-11-15"},
		{100, "NaN", "2014-10-16", "2014-10-17"},
	}
	c, p, a := col(t, out, "FECHA_CELEBRACION").Records(), col(t, out, "PROC_F_PUBLICACION").Records(), col(t, out, "FECHA_APERTURA_PROPOSICIONES").Records()
	for _, r := range rows {
		if c[r.row-1] != r.celeb || p[r.row-1] != r.publ || a[r.row-1] != r.aper {
			t.Errorf("row %d: %s %s %s", r.row, c[r.row-1], p[r.row-1], a[r.row-1])
		}
	}
	if got := col(t, out, "FECHA_INICIO").Records()[0]; got != "2014-11-24" {
		t.Errorf("FECHA_INICIO row 1 = %s", got)
	}
	cr, _ := rep.Column("FECHA_APERTURA_PROPOSICIONES")
	if cr.Parsed != 100 || len(cr.Seen) != 1 || cr.Seen[0].Count != 100 || !hasNote(cr, "100 values had a time of day") {
		t.Errorf("report %+v", cr)
	}
	cr, _ = rep.Column("FECHA_CELEBRACION")
	if cr.Parsed != 61 || cr.BecameMissingCount() != 39 {
		t.Errorf("FECHA_CELEBRACION report %+v", cr)
	}
}

// TestDatesCovid: FECHA_DEF holds "-001-11-30" (the 9999-99-99 sentinel
// garbled by a re-export) for patients who did not die.
func TestDatesCovid(t *testing.T) {
	df := readTestCSV(t, "ssa_covid19_muestra_1000.csv", false, 0)
	out, rep, err := Dates(df, "FECHA_DEF", "FECHA_INGRESO")
	if err != nil {
		t.Fatal(err)
	}
	cr, _ := rep.Column("FECHA_DEF")
	if cr.Parsed != 22 || cr.Failed != 0 || len(cr.BecameMissing) != 1 || cr.BecameMissing[0] != (Tally{"-001-11-30", 978}) {
		t.Errorf("FECHA_DEF report %+v", cr)
	}
	def := col(t, out, "FECHA_DEF").Records()
	if def[134] != "2021-07-05" || def[157] != "2021-07-02" || def[0] != "NaN" {
		t.Errorf("rows 135, 158, 1: %s %s %s", def[134], def[157], def[0])
	}
}

func BenchmarkDates1M(b *testing.B) {
	forms := []string{"2024-10-17", "17/10/2024", "2014-11-24 00:00:00 GMT", "17 de octubre de 2024", "OCT/24", "9999-99-99", "05/03/2024"}
	v := make([]string, 1_000_000)
	for i := range v {
		v[i] = forms[i%len(forms)]
	}
	na := make([]bool, len(v))
	c := Config{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, cr, _ := c.parseDates("fecha", v, na, true); cr.Parsed == 0 {
			b.Fatal("nothing parsed")
		}
	}
}

// FuzzParseDate feeds any string through Dates: no panic, and every value
// produced is an ISO date that parses back to itself.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"17/10/2024", "2024-10-17", "17 de octubre de 2024", "OCT/24", "45582", "-001-11-30", "2015-03-01 12:00:00 GMT", "ENE", "31/02/2024", "1º de enero de 2024"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, us bool) {
		c := Config{}
		if us {
			c.Locale = US
		}
		df, err := frame.New(frame.Strings("fecha", []string{s, "2024-10-17"}, nil))
		if err != nil {
			t.Skip()
		}
		out, rep, err := c.Dates(df, "fecha")
		if err != nil {
			t.Fatalf("Dates(%q): %v", s, err)
		}
		cr, _ := rep.Column("fecha")
		if cr.Parsed+cr.Failed+cr.BecameMissingCount()+cr.Missing != 2 {
			t.Fatalf("Dates(%q): counts do not add up: %+v", s, cr)
		}
		got := col(t, out, "fecha")
		if got.IsNaN()[0] {
			return
		}
		iso := got.Records()[0]
		// parseOne, as Dates reads: "2023-Q1" is a quarter, which the
		// plain date reader leaves to it
		p, err := c.parseOne(iso, dayFirst, true)
		if err != nil && !strings.HasPrefix(iso, "--") {
			t.Fatalf("Dates(%q) = %q, which does not parse back: %v", s, iso, err)
		}
		if err == nil && p.iso() != iso {
			t.Fatalf("Dates(%q) = %q, parses back as %q", s, iso, p.iso())
		}
	})
}
