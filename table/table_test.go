package table

import (
	"errors"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

func budget(t *testing.T) dataframe.DataFrame {
	t.Helper()
	df, err := fetch.ReadCSVFile("testdata/shcp_cuenta_publica_ramo_8.csv")
	if err != nil {
		t.Fatal(err)
	}
	return df
}

func TestPrintShowsEveryColumn(t *testing.T) {
	df := budget(t)
	s := String(df)
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) != 10 || strings.Contains(s, "Not Showing") || strings.Contains(s, "more rows") {
		t.Fatalf("%d lines:\n%s", len(lines), s)
	}
	for _, n := range df.Names() {
		if !strings.Contains(lines[0], n) {
			t.Errorf("header lacks %q", n)
		}
	}
	// Row 2 (Modificado 2013): amounts to the cent, missing pensions, a
	// percentage at 7 significant digits.
	for _, want := range []string{"3,837,574,934.77", "7,070,446,674.80", "97.00919", "2.990810", " NA "} {
		if !strings.Contains(lines[3], want) {
			t.Errorf("row 2 lacks %q:\n%s", want, lines[3])
		}
	}
	if !strings.HasPrefix(lines[3], "2   2013  Poder Legislativo") {
		t.Errorf("row 2 starts %q", lines[3][:30])
	}
	// Columns line up: every line is as long as the rule (but trailing
	// spaces, which are trimmed).
	if w := len([]rune(lines[1])); len([]rune(lines[2])) != w {
		t.Errorf("rule %d characters, row %d", w, len([]rune(lines[2])))
	}
}

func TestPrintOptions(t *testing.T) {
	df := budget(t)
	s := String(df, MaxRows(2), NoRowNumbers(), MaxWidth(8), MissingText("—"), Decimals(0))
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) != 5 || lines[4] != "… 6 more rows (8 in all)" {
		t.Fatalf("%q", lines)
	}
	if !strings.HasPrefix(lines[2], " 2013  Poder L…  H. Cáma…  Aprobado") || !strings.Contains(lines[2], "  —  ") || !strings.Contains(lines[2], "  99  ") {
		t.Errorf("%q", lines[2])
	}
	if got := String(df, AllRows()); strings.Count(got, "\n") != 10 {
		t.Errorf("AllRows: %d lines", strings.Count(got, "\n"))
	}
	empty := df.Subset([]int{})
	if got := String(empty); !strings.Contains(got, "(no rows)") {
		t.Errorf("empty: %q", got)
	}
	bad := dataframe.DataFrame{Err: errors.New("roto")}
	if err := Print(&strings.Builder{}, bad); !errors.Is(err, ErrFrame) || !strings.HasPrefix(err.Error(), "table: ") {
		t.Errorf("frame error: %v", err)
	}
}

func TestMarkdownEscapes(t *testing.T) {
	df, err := frame.New(
		frame.Strings("texto", []string{"a|b", "línea\nnueva"}, nil),
		frame.Ints("n", []int{-1234567, 0}, []bool{false, true}),
	)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := Markdown(&b, df, RowNumbers()); err != nil {
		t.Fatal(err)
	}
	want := "|  | texto | n |\n| ---: | --- | ---: |\n| 1 | a\\|b | -1,234,567 |\n| 2 | línea nueva | NA |\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestNumberFormat(t *testing.T) {
	for _, tc := range []struct {
		x    float64
		dec  int
		want string
	}{
		{1234567.891, 2, "1,234,567.89"},
		{-1234, 0, "-1,234"},
		{999, 0, "999"},
		{-0.001, 2, "0.00"},
		{100000, 1, "100,000.0"},
	} {
		if got := formatNumber(tc.x, tc.dec); got != tc.want {
			t.Errorf("formatNumber(%v, %d) = %q, want %q", tc.x, tc.dec, got, tc.want)
		}
	}
	for x, want := range map[float64]int{44.89935075: 5, 0.30000000000000004: 1, 1e9: 0, 0.0012345678: 9} {
		if got := decimalsOf(x); got != want {
			t.Errorf("decimalsOf(%v) = %d, want %d", x, got, want)
		}
	}
}
