package chart_test

import (
	"testing"

	"github.com/datacon-mx/cifra/chart"
)

// Supplier names as the Secretaría de la Función Pública lists sanctioned
// companies (sfp_empresas_sancionadas_nombres.csv), drawn in sentence case.
func TestSentenceCase(t *testing.T) {
	df := build(t,
		frameCol{name: "empresa", s: []string{"A AND P INTERNATIONAL", "3R INNOVACION Y DISEÑO", "CONSTRUCTORA BCG", "Grupo Acme SA de CV", "DREDGING INTERNATIONAL MEXICO SA DE CV"}},
		frameCol{name: "contratos", f: []float64{5, 4, 3, 2, 1}})
	ch, err := chart.Bar(df, "empresa", "contratos", chart.SentenceCase(), chart.Highlight("constructora bcg"))
	if err != nil {
		t.Fatal(err)
	}
	want := "Barras: A and P international 5; 3R innovacion y diseño 4; Constructora BCG 3; Grupo Acme SA de CV 2; Dredging international mexico SA de CV 1."
	if got := ch.AltText(); got != want {
		t.Errorf("alt\n got %q\nwant %q", got, want)
	}
}
