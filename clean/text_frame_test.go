package clean

import (
	"errors"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/series"
)

func TestTextColumns(t *testing.T) {
	in := []string{"  MÃ©xico ", "Ciudad\u00a0de  México", "M\ufffdxico", "Me\u0301xico", "ok"}
	want := []string{"México", "Ciudad de México", "M\ufffdxico", "México", "ok"}
	df := mustFrame(t, frame.Strings("entidad", in, []bool{false, false, false, false, false}), frame.Ints("n", []int{1, 2, 3, 4, 5}, nil))
	out, rep, err := Text(df)
	if err != nil {
		t.Fatal(err)
	}
	if got := col(t, out, "entidad").Records(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q", got)
	}
	cr, _ := rep.Column("entidad")
	if cr.Changed != 3 || cr.Failed != 1 || cr.FailedRows[0] != 3 || len(cr.Seen) != 1 || cr.Seen[0].Count != 1 {
		t.Errorf("report %+v", cr)
	}
	if _, ok := rep.Column("n"); ok {
		t.Error("number column reported")
	}
	if _, _, err := Text(df, "nope"); !errors.Is(err, ErrNoColumn) {
		t.Errorf("err %v", err)
	}
}

func TestCaseAndTitle(t *testing.T) {
	cases := []struct{ in, want string }{
		{"VERACRUZ DE IGNACIO DE LA LLAVE", "Veracruz de Ignacio de la Llave"},
		{"la paz", "La Paz"},
		{"COMERCIALIZADORA DEL NORTE S.A. DE C.V.", "Comercializadora del Norte S.A. de C.V."},
		{"san luis potosí", "San Luis Potosí"},
		{"", ""},
	}
	for _, c := range cases {
		if got := TitleString(c.in); got != c.want {
			t.Errorf("TitleString(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	df := mustFrame(t, frame.Strings("x", []string{"Querétaro", "ñandú"}, nil))
	up, _, err := Upper(df, "x")
	if err != nil || strings.Join(col(t, up, "x").Records(), ",") != "QUERÉTARO,ÑANDÚ" {
		t.Errorf("Upper: %v %v", col(t, up, "x").Records(), err)
	}
	lo, _, err := Lower(up)
	if err != nil || strings.Join(col(t, lo, "x").Records(), ",") != "querétaro,ñandú" {
		t.Errorf("Lower: %v %v", col(t, lo, "x").Records(), err)
	}
	ti, _, err := Title(lo)
	if err != nil || col(t, ti, "x").Records()[0] != "Querétaro" {
		t.Errorf("Title: %v %v", col(t, ti, "x").Records(), err)
	}
}

func TestFoldColumn(t *testing.T) {
	df := mustFrame(t, frame.Strings("estado", []string{"Michoacán de Ocampo", "MICHOACAN  DE OCAMPO", ""}, []bool{false, false, true}))
	out, err := FoldColumn(df, "estado", "")
	if err != nil {
		t.Fatal(err)
	}
	k := col(t, out, "estado_key")
	if r := k.Records(); r[0] != "michoacan de ocampo" || r[1] != r[0] || !k.IsNaN()[2] || k.Type() != series.String {
		t.Errorf("keys %q", r)
	}
	if _, err := FoldColumn(df, "nope", "k"); !errors.Is(err, ErrNoColumn) {
		t.Errorf("err %v", err)
	}
}

// TestTextSFP tidies the real list of companies sanctioned by the SFP,
// which has doubled and trailing spaces.
func TestTextSFP(t *testing.T) {
	df := readTestCSV(t, "sfp_empresas_sancionadas_300.csv", false, 0)
	out, rep, err := Text(df, "empresa_sancionada")
	if err != nil {
		t.Fatal(err)
	}
	cr, _ := rep.Column("empresa_sancionada")
	if cr.Changed != 7 || cr.Failed != 0 {
		t.Errorf("report %+v", cr)
	}
	v := col(t, out, "empresa_sancionada").Records()
	if v[20] != "ACTITUD POSITIVA EN TONER DE MI" || v[128] != "ASESORIA Y SERVICIOS PROFESIONALES EN GENERAL" {
		t.Errorf("rows 21, 129: %q %q", v[20], v[128])
	}
}
