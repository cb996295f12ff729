package chart_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/datacon-mx/cifra/chart"
)

// embedCSV returns the rows of the CSV that an embed carries in its
// download link.
func embedCSV(t *testing.T, page string) []string {
	t.Helper()
	m := regexp.MustCompile(`base64,([A-Za-z0-9+/=]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no CSV data URI")
	}
	raw, err := base64.StdEncoding.DecodeString(m[1])
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(strings.TrimPrefix(string(raw), "\ufeff"), "\r\n"), "\r\n")
}

// Cells a spreadsheet would run as formulas reach the CSV download as
// text; numbers, negative ones included, stay numbers.
func TestHTMLCSVFormulaInjection(t *testing.T) {
	df := dataframe.New(
		series.New([]string{
			`=HYPERLINK("http://ejemplo.invalid","Clic")`, "+52 55 1234", "-Otros-", "@SUMA(A1)",
			"\tTabulador", "\rRetorno", "Colima", "- 3", "-Inf",
		}, series.String, "entidad"),
		series.New([]float64{-3.5, 20.47, 1e-5, -0.25, 4, 5, 6, 7, 8}, series.Float, "tasa"),
	)
	ch, err := chart.Bar(df, "entidad", "tasa", chart.KeepOrder())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := ch.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	got := embedCSV(t, b.String())
	want := []string{
		"entidad,tasa",
		`"'=HYPERLINK(""http://ejemplo.invalid"",""Clic"")",-3.5`,
		"'+52 55 1234,20.47",
		"'-Otros-,0.00001",
		"'@SUMA(A1),-0.25",
		"'\tTabulador,4",
		"\"'\rRetorno\",5",
		"Colima,6",
		"'- 3,7",
		"'-Inf,8",
	}
	if len(got) != len(want) {
		t.Fatalf("CSV has %d rows, want %d: %q", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

// Two identical charts get the same id; ID gives each its own, and the
// ids inside the figure follow it.
func TestHTMLID(t *testing.T) {
	render := func(opts ...chart.Option) string {
		t.Helper()
		opts = append(opts, chart.TopN(5), chart.Title("Homicidios por entidad"))
		ch, err := chart.Bar(homicideRates(), "entidad", "tasa", opts...)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := ch.WriteHTML(&b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	idsOf := func(s string) []string {
		var out []string
		for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		return out
	}
	a, again := render(), render()
	if a != again {
		t.Fatal("the same chart gave different bytes")
	}
	if !regexp.MustCompile(`<figure class="cifra" id="cifra-[0-9a-f]{8}"`).MatchString(a) {
		t.Error("default id: want cifra- and eight hex digits")
	}
	one, two := render(chart.ID("homicidios")), render(chart.ID("homicidios-b"))
	if !strings.Contains(one, `<figure class="cifra" id="homicidios"`) {
		t.Error("ID not used as the figure's id")
	}
	page := one + two
	seen := map[string]bool{}
	for _, id := range idsOf(page) {
		if seen[id] {
			t.Errorf("id %q twice on a page with both charts", id)
		}
		seen[id] = true
	}
	if len(seen) < 5 {
		t.Errorf("only %d ids: %v", len(seen), seen)
	}
	for id := range seen {
		if !strings.HasPrefix(id, "homicidios") {
			t.Errorf("id %q does not start with the chart's id", id)
		}
	}
	if strings.Contains(one, "cifra-") && regexp.MustCompile(`cifra-[0-9a-f]{8}`).MatchString(one) {
		t.Error("the hash id is still written somewhere")
	}
	if !strings.Contains(one, `"homicidios"`) || !strings.Contains(one, `getElementById("homicidios")`) {
		t.Error("the script does not name the figure's id")
	}
	for _, bad := range []string{"1x", "con espacio", `a"b`, "ñandú", strings.Repeat("a", 65)} {
		_, err := chart.Bar(homicideRates(), "entidad", "tasa", chart.ID(bad))
		if !errors.Is(err, chart.ErrArgument) {
			t.Errorf("ID(%q): err %v, want ErrArgument", bad, err)
		}
	}
}
