package fetch

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

const (
	xlsCONAPO  = "testdata/excel/conapo_esperanza_vida_1950_2070.xls"
	xlsIEEM    = "testdata/excel/ieem_gubernatura_2023_por_distrito_local.xls"
	xlsFixture = "testdata/excel/fixture_sesnsp_2026_merged.xls"
	xlsSHCP    = "testdata/excel/shcp_cuenta_publica_ramos_2023.xls"
)

// sameFrame reports the first difference between two frames: names, types
// or any value.
func sameFrame(t *testing.T, a, b dataframe.DataFrame) {
	t.Helper()
	if !reflect.DeepEqual(a.Names(), b.Names()) || a.Nrow() != b.Nrow() {
		t.Fatalf("%d rows of %q, want %d rows of %q", a.Nrow(), a.Names(), b.Nrow(), b.Names())
	}
	for _, n := range a.Names() {
		ca, cb := rdColumn(t, a, n), rdColumn(t, b, n)
		if ca.Type() != cb.Type() {
			t.Errorf("column %q is %s, want %s", n, ca.Type(), cb.Type())
			continue
		}
		va, ma := rdStrings(t, a, n)
		vb, mb := rdStrings(t, b, n)
		for i := range va {
			if va[i] != vb[i] || ma[i] != mb[i] {
				t.Errorf("column %q row %d: %q (missing %v), want %q (missing %v)", n, i+1, va[i], ma[i], vb[i], mb[i])
				break
			}
		}
	}
}

// The .xls fixtures were written by SheetJS from the .xlsx files; both
// must read to the same table and report.
func TestReadXLSMatchesXLSX(t *testing.T) {
	for _, tc := range []struct {
		xls, xlsx string
		opts      []Option
	}{
		{xlsCONAPO, xlCONAPO, nil},
		{xlsIEEM, xlIEEM, nil},
		{xlsFixture, xlFixture, nil},
		{xlsFixture, xlFixture, []Option{SheetIndex(2)}},
		{xlsFixture, xlFixture, []Option{Sheet("catalogo prueba")}},
	} {
		t.Run(filepath.Base(tc.xls), func(t *testing.T) {
			var ra, rb Report
			a, err := ReadExcel(tc.xls, append(tc.opts, WithReport(&ra))...)
			if err != nil {
				t.Fatal(err)
			}
			b, err := ReadExcel(tc.xlsx, append(tc.opts, WithReport(&rb))...)
			if err != nil {
				t.Fatal(err)
			}
			sameFrame(t, a, b)
			if ra.Format != "xls" || ra.HeaderLine != rb.HeaderLine || !reflect.DeepEqual(ra.Skipped, rb.Skipped) {
				t.Errorf("report:\n%s\nwant as:\n%s", ra.String(), rb.String())
			}
		})
	}
}

func TestReadXLSRealValues(t *testing.T) {
	df, err := ReadExcel(xlsIEEM)
	if err != nil {
		t.Fatal(err)
	}
	if s := rdColumn(t, df, "TOTAL_VOTOS"); df.Nrow() != 48 || s.Type() != series.Int || s.Sum() != 6375763 {
		t.Errorf("IEEM: %d rows, TOTAL_VOTOS %s summing %v; want 48, int 6375763", df.Nrow(), s.Type(), s.Sum())
	}
	df, err = ReadExcel(xlsCONAPO)
	if err != nil {
		t.Fatal(err)
	}
	ev := rdFloats(t, df, "EV")
	if df.Nrow() != 10059 || ev[0] != 44.89935075 || ev[10058] != 82.43056462 {
		t.Errorf("CONAPO: %d rows, EV %v…%v", df.Nrow(), ev[0], ev[10058])
	}
}

// A federal-budget workbook shaped like SHCP's Cuenta Pública: title rows,
// a two-row header with merged groups, a source note, and a second sheet.
// The sums are those of the CSV the figures came from.
func TestReadXLSBudget(t *testing.T) {
	var rep Report
	df, err := ReadExcel(xlsSHCP, WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if df.Nrow() != 192 || df.Ncol() != 15 || rep.HeaderLine != 5 {
		t.Fatalf("%d×%d, header line %d\n%s", df.Nrow(), df.Ncol(), rep.HeaderLine, rep.String())
	}
	names := df.Names()
	if names[4] != "Gasto corriente Servicios personales" || names[13] != "Gasto de inversión Suma" || names[14] != "Total" {
		t.Errorf("names %q", names)
	}
	pres, _ := rdStrings(t, df, "Presupuesto")
	total := rdFloats(t, df, "Total")
	var all, approved float64
	for i, v := range total {
		all += v
		if pres[i] == "Aprobado" {
			approved += v
		}
	}
	if math.Abs(all-25866197495631.707) > 0.5 || approved != 6473239455139 || total[0] != 8572194974 {
		t.Errorf("Total sums to %.2f (approved %.2f), first %v", all, approved, total[0])
	}
	if len(rep.Skipped) != 4 || rep.Skipped[3].Reason != "note" || !strings.HasPrefix(rep.Skipped[3].Text, "Fuente: SHCP") {
		t.Errorf("skipped %+v", rep.Skipped)
	}
	df, err = ReadExcel(xlsSHCP, Sheet("Totales 2013-2023"))
	if err != nil {
		t.Fatal(err)
	}
	all = 0
	for _, v := range rdFloats(t, df, "TOTAL") {
		all += v
	}
	if df.Nrow() != 2064 || math.Abs(all-195555461135740.72) > 5 {
		t.Errorf("%d rows, TOTAL sums to %.2f", df.Nrow(), all)
	}
	got, err := Sheets(xlsSHCP)
	if err != nil || !reflect.DeepEqual(got, []string{"Ramos 2023", "Totales 2013-2023"}) {
		t.Errorf("Sheets = %q, %v", got, err)
	}
}

func TestReadExcelReaderXLS(t *testing.T) {
	b, err := os.ReadFile(xlsIEEM)
	if err != nil {
		t.Fatal(err)
	}
	df, err := ReadExcelReader(bytes.NewReader(b), Source("ieem.xls"))
	if err != nil || df.Nrow() != 48 {
		t.Fatalf("%d rows, %v", df.Nrow(), err)
	}
}

func xlsTemp(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "libro.xls")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Every record the reader knows, from a workbook written record by record.
func TestReadXLSRecords(t *testing.T) {
	p := xlsTemp(t, testCFB("Workbook", testXLS(false)))
	var rep Report
	df, err := ReadExcel(p, WithReport(&rep))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(df.Names(), ","); got != "Entidad,Monto,Fecha,Activo,Nota,Tasa" || df.Nrow() != 3 || rep.HeaderLine != 3 {
		t.Fatalf("%d rows of %s, header line %d\n%s", df.Nrow(), got, rep.HeaderLine, rep.String())
	}
	want := map[string][]string{
		"Entidad": {"Ciudad de México — CDMX", "Oaxaca", "Yucatán"},
		"Fecha":   {"2024-01-01", "2024-01-01 12:00:00", ""},
		"Activo":  {"true", "false", ""},
		"Nota":    {"calculado", "€ precio", ""},
	}
	for col, w := range want {
		got, _ := rdStrings(t, df, col)
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s = %q, want %q", col, got, w)
		}
	}
	for col, w := range map[string][]float64{"Monto": {1234, 12.34}, "Tasa": {0.3, 1.5, 2}} {
		if got := rdFloats(t, df, col); !reflect.DeepEqual(got[:len(w)], w) {
			t.Errorf("%s = %v, want %v", col, got, w)
		}
	}
	if typ := rdColumn(t, df, "Activo").Type(); typ != series.Bool {
		t.Errorf("Activo is %s", typ)
	}
	for _, note := range []string{"2 Excel serial dates", "1 numbers rounded", "1 error cells", `sheet "Datos" (1 of 3)`} {
		if !strings.Contains(rep.String(), note) {
			t.Errorf("report lacks %q:\n%s", note, rep.String())
		}
	}
	if got, err := Sheets(p); err != nil || !reflect.DeepEqual(got, []string{"Datos", "Oculta", "Vacía"}) {
		t.Errorf("Sheets = %q, %v", got, err)
	}
	hid, err := ReadExcel(p, Sheet("oculta"), NoHeader())
	if err != nil || hid.Nrow() != 1 {
		t.Errorf("hidden sheet: %v", err)
	}
	if _, err := ReadExcel(p, Sheet("Vacía")); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty sheet: %v", err)
	}
	if _, err := ReadExcel(p, SheetIndex(4)); !errors.Is(err, ErrNoSheet) || !strings.Contains(err.Error(), `"Vacía"`) {
		t.Errorf("sheet 4: %v", err)
	}

	p = xlsTemp(t, testCFB("Workbook", testXLS(true)))
	df, err = ReadExcel(p)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := rdStrings(t, df, "Fecha"); got[0] != "2028-01-02" {
		t.Errorf("1904 system: %q", got)
	}
}

func TestReadXLSErrors(t *testing.T) {
	good := testCFB("Workbook", testXLS(false))
	globals := biffRec(biffFilePass, make([]byte, 6))
	loop := append([]byte(nil), good...)
	binary.LittleEndian.PutUint32(loop[512+4*2:], 2) // sector 2 chains to itself
	badSST := testWorkbook(0x0600, nil, []testSheet{{name: "H", records: biffRec(biffLabelSST, cellHead(0, 0, 0), xt32(7))}})
	wide := testWorkbook(0x0600, nil, []testSheet{{name: "H", records: biffRec(biffRK, cellHead(0, 300, 0), xt32(2<<2|2))}})
	var sparse bytes.Buffer
	for r := 0; r < 6000; r++ {
		sparse.Write(biffRec(biffRK, cellHead(r, 255, 0), xt32(uint32(r)<<2|2)))
	}
	for _, tc := range []struct {
		name string
		data []byte
		want error
		text string
		opts []Option
	}{
		{"truncated directory", good[:1100], ErrFormat, "no root entry", nil},
		{"stream longer than the file", good[:3000], ErrFormat, "in a file of 3000", nil},
		{"truncated stream", good[:5000], ErrFormat, "beyond the file", nil},
		{"chain loops", loop, ErrFormat, "loops", nil},
		{"Excel 95 stream", testCFB("Book", testXLS(false)), ErrUnsupported, "BIFF5", nil},
		{"BIFF5 version", testCFB("Workbook", testWorkbook(0x0500, nil, nil)), ErrUnsupported, "BIFF version", nil},
		{"encrypted", testCFB("Workbook", testWorkbook(0x0600, globals, []testSheet{{name: "H"}})), ErrUnsupported, "encrypted", nil},
		{"not a workbook", testCFB("WordDocument", []byte("x")), ErrUnsupported, "no Workbook stream", nil},
		{"bad shared string", testCFB("Workbook", badSST), ErrFormat, "cell A1: shared string 7", nil},
		{"past column IV", testCFB("Workbook", wide), ErrFormat, "column 301", nil},
		{"sparse", testCFB("Workbook", testWorkbook(0x0600, nil, []testSheet{{name: "H", records: sparse.Bytes()}})), ErrTooLarge, "Cells",
			[]Option{WithLimits(Limits{Cells: 1_000_000})}},
		{"file budget", good, ErrTooLarge, "InputBytes", []Option{WithLimits(Limits{InputBytes: 1000})}},
		{"cell written twice", testCFB("Workbook", testWorkbook(0x0600, nil, []testSheet{{name: "H", records: append(
			biffRec(biffRK, cellHead(0, 0, 0), xt32(2<<2|2)), biffRec(biffRK, cellHead(0, 0, 0), xt32(3<<2|2))...)}})), ErrFormat, "written twice", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := xlsTemp(t, tc.data)
			_, err := ReadExcel(p, tc.opts...)
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.text) || !strings.Contains(err.Error(), p) {
				t.Errorf("err = %v; want %v mentioning %q and the file", err, tc.want, tc.text)
			}
		})
	}
}

// FuzzReadXLS holds the legacy reader to its promise: any bytes give a
// workbook or an error wrapping a sentinel, never a panic (the parser is
// called without ReadExcel's recover).
func FuzzReadXLS(f *testing.F) {
	f.Add(testCFB("Workbook", testXLS(false)))
	if b, err := os.ReadFile(xlsFixture); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		check := func(err error) {
			if err != nil && !errors.Is(err, ErrFormat) && !errors.Is(err, ErrUnsupported) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
		}
		bk, err := parseXLS(data)
		check(err)
		if err != nil {
			return
		}
		for _, s := range bk.sheets {
			d, err := bk.readXLSSheet(s, "fuzz", Limits{})
			check(err)
			if err == nil {
				var rep Report
				fillMerged(d.grid, d.merges, &rep)
			}
		}
	})
}

// A workbook under 4,096 bytes lives in the compound file's mini stream:
// the 2020 census population of the states and the national row.
func TestReadXLSMiniStream(t *testing.T) {
	df, err := ReadExcel("testdata/excel/censo2020_poblacion_estatal_mini.xls")
	if err != nil {
		t.Fatal(err)
	}
	cve, _ := rdStrings(t, df, "cve_geo")
	pob := rdFloats(t, df, "pob_total_2020")
	if df.Nrow() != 33 || cve[0] != "01" || cve[32] != "00" || pob[32] != 126014024 || rdColumn(t, df, "pob_total_2020").Sum() != 2*126014024 {
		t.Errorf("%d rows, %q…%q, national %v", df.Nrow(), cve[0], cve[32], pob[32])
	}
}
