package fetch

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// TestReadJSONInegiAnswers: INEGI's Indicadores API answer gives its
// observations with the periods as text and the values as numbers; its
// "no results" answer is an error, not a three-row table.
func TestReadJSONInegiAnswers(t *testing.T) {
	read := func(t *testing.T, path string) (err error, rows int, first float64, period string) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		df, err := ReadJSON(f)
		if err != nil {
			return err, 0, 0, ""
		}
		return nil, df.Nrow(), df.Col("OBS_VALUE").Elem(0).Float(), df.Col("TIME_PERIOD").Elem(0).String()
	}
	t.Run("answer", func(t *testing.T) {
		err, rows, first, period := read(t, "testdata/json/inegi_bise_answer.json")
		if err != nil {
			t.Fatal(err)
		}
		if rows != 3 || first != 109.21013588490848 || period != "2026/07" {
			t.Errorf("rows %d, first %v %q", rows, first, period)
		}
	})
	t.Run("error answer", func(t *testing.T) {
		err, _, _, _ := read(t, "testdata/json/inegi_error_answer.json")
		if !errors.Is(err, ErrEmpty) || !strings.Contains(err.Error(), "No se encontraron resultados") {
			t.Errorf("err = %v, want ErrEmpty quoting the INEGI message", err)
		}
	})
	t.Run("strings that are data", func(t *testing.T) {
		df, err := ReadJSON(strings.NewReader(`["ErrorCode is a column name", "Error de medición"]`))
		if err != nil || df.Nrow() != 2 {
			t.Errorf("a plain array of strings: %v", err)
		}
	})
}
