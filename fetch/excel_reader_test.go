package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestReadExcelReader(t *testing.T) {
	const path = "testdata/excel/ssa_covid19_catalogos_201128.xlsx"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sheets := []struct {
		sheet string
		rows  int
		first string
	}{
		{"Catálogo SEXO", 3, "MUJER"},
		{"Catálogo CLASIFICACION_FINAL", 7, "CASO DE COVID-19 CONFIRMADO POR ASOCIACIÓN CLÍNICA EPIDEMIOLÓGICA"},
		{"Catálogo de ENTIDADES", 36, "AGUASCALIENTES"},
	}
	for _, tt := range sheets {
		t.Run(tt.sheet, func(t *testing.T) {
			var rep Report
			got, err := ReadExcelReader(bytes.NewReader(b), Sheet(tt.sheet), Source("catalogos.xlsx"), WithReport(&rep))
			if err != nil {
				t.Fatal(err)
			}
			want, err := ReadExcel(path, Sheet(tt.sheet))
			if err != nil {
				t.Fatal(err)
			}
			if got.Nrow() != tt.rows || fmt.Sprint(got.Records()) != fmt.Sprint(want.Records()) {
				t.Errorf("got %d rows, want %d and the same records as ReadExcel", got.Nrow(), tt.rows)
			}
			if v := got.Elem(0, 1).String(); v != tt.first {
				t.Errorf("first label %q, want %q", v, tt.first)
			}
			if rep.Source != "catalogos.xlsx" {
				t.Errorf("report source %q", rep.Source)
			}
		})
	}
	errs := []struct {
		name  string
		input []byte
		opts  []Option
		want  error
	}{
		{"empty", nil, nil, ErrEmpty},
		{"not a workbook", []byte("\x00\x01\x02 binary garbage \xff\xfe"), nil, ErrFormat},
		{"no such sheet", b, []Option{Sheet("Hoja que no existe")}, nil},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadExcelReader(bytes.NewReader(tt.input), append(tt.opts, Source("entrada.xlsx"))...)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), "entrada.xlsx") || strings.Contains(err.Error(), os.TempDir()) {
				t.Errorf("error should name the input, not the temporary file: %v", err)
			}
		})
	}
}

func ExampleReadExcelReader() {
	// A workbook that is not a file on disk: here, bytes in memory (as
	// go:embed or an HTTP body gives them).
	b, err := os.ReadFile("testdata/excel/ssa_covid19_catalogos_201128.xlsx")
	if err != nil {
		fmt.Println(err)
		return
	}
	df, err := ReadExcelReader(bytes.NewReader(b), Source("catalogos.xlsx"), Sheet("Catálogo SEXO"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(df.Names())
	fmt.Println(df.Col("DESCRIPCIÓN").Records())
	// Output:
	// [CLAVE DESCRIPCIÓN]
	// [MUJER HOMBRE NO ESPECIFICADO]
}
