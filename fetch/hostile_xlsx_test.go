package fetch

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Hostile workbooks and archives, built here from their XML (see
// hostile_text_test.go for the suite's rules).

const xlNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`

// xlsxParts returns the parts of a one-sheet workbook around sheet (the
// worksheet's XML) and shared (the shared strings' XML, or "").
func xlsxParts(sheet, shared string) [][2]string {
	rels := `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	if shared != "" {
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
	}
	parts := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook ` + xlNS + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet},
	}
	if shared != "" {
		parts = append(parts, [2]string{"xl/sharedStrings.xml", shared})
	}
	return parts
}

// writeParts zips parts (name, content) into dir/name and returns the path.
func writeParts(t testing.TB, dir, name string, parts [][2]string) string {
	t.Helper()
	return writePartsWith(t, dir, name, parts, nil)
}

// bigPart marks the part whose content writePartsWith streams from big.
const bigPart = "\x00big"

// writePartsWith is writeParts; the part whose content is bigPart is
// copied from big instead.
func writePartsWith(t testing.TB, dir, name string, parts [][2]string, big io.Reader) string {
	t.Helper()
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	for _, part := range parts {
		w, err := zw.Create(part[0])
		if err != nil {
			t.Fatal(err)
		}
		if part[1] == bigPart {
			_, err = io.Copy(w, big)
		} else {
			_, err = io.WriteString(w, part[1])
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

// sheetXML wraps rows (and merges, when not empty) in a worksheet.
func sheetXML(rows, merges string) string {
	s := `<?xml version="1.0" encoding="UTF-8"?><worksheet ` + xlNS + `><sheetData>` + rows + `</sheetData>`
	if merges != "" {
		s += `<mergeCells>` + merges + `</mergeCells>`
	}
	return s + `</worksheet>`
}

// inl is a cell with inline text.
func inl(ref, v string) string {
	return `<c r="` + ref + `" t="inlineStr"><is><t>` + v + `</t></is></c>`
}

// xnum is a number cell.
func xnum(ref string, v int) string { return fmt.Sprintf(`<c r="%s"><v>%d</v></c>`, ref, v) }

func TestHostileXLSXSparseRows(t *testing.T) {
	// Cells at A and XFD on 20,000 rows: 208 KB of XML, 327 million cells
	// as a dense table.
	var b strings.Builder
	for r := 1; r <= 20000; r++ {
		fmt.Fprintf(&b, `<row r="%d">%s%s</row>`, r, xnum(fmt.Sprintf("A%d", r), r), xnum(fmt.Sprintf("XFD%d", r), r))
	}
	p := writeParts(t, t.TempDir(), "dispersa.xlsx", xlsxParts(sheetXML(b.String(), ""), ""))
	lim := Limits{Cells: 1_000_000} // the default budget at full size only: it allocates 320 MB first
	if hostileFull() {
		lim = Limits{}
	}
	err := within(t, func() error { _, err := ReadExcel(p, WithLimits(lim)); return err })
	wantErr(t, err, ErrTooLarge, "Cells", "16384 columns")
	// A column past Excel's last one is refused, not dropped.
	p = writeParts(t, t.TempDir(), "ancha.xlsx", xlsxParts(sheetXML(`<row r="1">`+inl("A1", "a")+inl("XFE1", "b")+`</row>`, ""), ""))
	_, err = ReadExcel(p)
	wantErr(t, err, ErrTooLarge, "Columns")
}

func TestHostileXLSXMerges(t *testing.T) {
	n := 5000
	if hostileFull() {
		n = 20000
	}
	merges := strings.Repeat(`<mergeCell ref="A1:XFD200"/>`, n)
	grid := func(cols int) string {
		var b strings.Builder
		for r := 1; r <= 200; r++ {
			fmt.Fprintf(&b, `<row r="%d">`, r)
			for c := 1; c <= cols; c++ {
				ref := cellName(c, r)
				if r == 1 {
					b.WriteString(inl(ref, fmt.Sprintf("c%d", c)))
				} else {
					b.WriteString(xnum(ref, r*c))
				}
			}
			b.WriteString(`</row>`)
		}
		return b.String()
	}
	t.Run("narrow grid: read, each cell kept", func(t *testing.T) {
		p := writeParts(t, t.TempDir(), "fusion.xlsx", xlsxParts(sheetXML(grid(2), merges), ""))
		var rep Report
		var nrow int
		err := within(t, func() error {
			df, err := ReadExcel(p, WithReport(&rep))
			nrow = df.Nrow()
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if nrow != 199 || len(rep.Columns) != 2 {
			t.Errorf("got %d rows × %d columns, want 199 × 2 (a range reaching XFD does not widen the table)", nrow, len(rep.Columns))
		}
		if !strings.Contains(rep.String(), "hold values of their own") {
			t.Errorf("cells inside the merged ranges with their own values are not reported:\n%s", rep.String())
		}
	})
	t.Run("wide grid: too much work", func(t *testing.T) {
		p := writeParts(t, t.TempDir(), "fusion.xlsx", xlsxParts(sheetXML(grid(100), merges), ""))
		err := within(t, func() error { _, err := ReadExcel(p); return err })
		wantErr(t, err, ErrTooLarge, "merged ranges")
	})
	t.Run("too many ranges", func(t *testing.T) {
		p := writeParts(t, t.TempDir(), "fusion.xlsx", xlsxParts(sheetXML(grid(2), merges), ""))
		_, err := ReadExcel(p, WithLimits(Limits{Merges: n - 1}))
		wantErr(t, err, ErrTooLarge, "Merges")
	})
	t.Run("a range over a cell with its own value", func(t *testing.T) {
		rows := `<row r="1">` + inl("A1", "entidad") + inl("B1", "total") + `</row>` +
			`<row r="2">` + inl("A2", "Jalisco") + xnum("B2", 7) + `</row>`
		p := writeParts(t, t.TempDir(), "fusion.xlsx", xlsxParts(sheetXML(rows, `<mergeCell ref="A2:B2"/>`), ""))
		var rep Report
		df, err := ReadExcel(p, WithReport(&rep))
		if err != nil {
			t.Fatal(err)
		}
		if got := df.Col("total").Records()[0]; got != "7" {
			t.Errorf("total = %q, want 7 (not overwritten by the range's value)", got)
		}
		if !strings.Contains(rep.String(), "1 cells inside merged ranges hold values of their own") {
			t.Errorf("not reported:\n%s", rep.String())
		}
	})
}

func TestHostileXLSXRepeatedRows(t *testing.T) {
	head := `<row r="1">` + inl("A1", "a") + inl("B1", "b") + `</row>`
	t.Run("conflicting", func(t *testing.T) {
		rows := head + `<row r="2">` + xnum("A2", 1) + `</row><row r="3">` + xnum("A3", 3) + `</row><row r="2">` + xnum("A2", 9) + `</row>`
		p := writeParts(t, t.TempDir(), "dup.xlsx", xlsxParts(sheetXML(rows, ""), ""))
		_, err := ReadExcel(p)
		wantErr(t, err, ErrFormat, "row 2 appears twice", `"1"`, `"9"`)
	})
	t.Run("disjoint cells", func(t *testing.T) {
		rows := head + `<row r="2">` + xnum("A2", 1) + `</row><row r="2">` + xnum("B2", 5) + `</row>`
		p := writeParts(t, t.TempDir(), "dup.xlsx", xlsxParts(sheetXML(rows, ""), ""))
		var rep Report
		df, err := ReadExcel(p, WithReport(&rep))
		if err != nil {
			t.Fatal(err)
		}
		if df.Nrow() != 1 || df.Col("a").Records()[0] != "1" || df.Col("b").Records()[0] != "5" {
			t.Errorf("got %v", df.Records())
		}
		if !strings.Contains(rep.String(), "appear twice") {
			t.Errorf("the repeated row is not reported:\n%s", rep.String())
		}
	})
	t.Run("cell written twice", func(t *testing.T) {
		rows := head + `<row r="2">` + xnum("A2", 1) + xnum("A2", 2) + `</row>`
		p := writeParts(t, t.TempDir(), "dup.xlsx", xlsxParts(sheetXML(rows, ""), ""))
		_, err := ReadExcel(p)
		wantErr(t, err, ErrFormat, "A2", "twice")
	})
}

func TestHostileXLSXWhitespaceBomb(t *testing.T) {
	size := 20 << 20 // past the 16 MiB from which the ratio is checked
	if hostileFull() {
		size = 1100 << 20 // over the default MemberBytes as well
	}
	// The sheet is streamed into the archive, never held whole.
	parts := xlsxParts("", "")
	for i := range parts {
		if parts[i][0] == "xl/worksheets/sheet1.xml" {
			parts[i][1] = bigPart
		}
	}
	sheet := io.MultiReader(
		strings.NewReader(`<?xml version="1.0" encoding="UTF-8"?><worksheet `+xlNS+`><sheetData><row r="1">`+inl("A1", "a")+`</row>`),
		io.LimitReader(repeatReader{' '}, int64(size)),
		strings.NewReader(`</sheetData></worksheet>`))
	p := writePartsWith(t, t.TempDir(), "bomba.xlsx", parts, sheet)
	err := within(t, func() error { _, err := ReadExcel(p); return err })
	wantErr(t, err, ErrTooLarge, "sheet1.xml")
	err = within(t, func() error { _, err := Sheets(p); return err })
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("Sheets: %v, want an error wrapping ErrTooLarge", err)
	}
}

func TestHostileXLSXLongText(t *testing.T) {
	// One shared string longer than LineBytes, of letters that do not
	// compress much (no ratio guard helps).
	size, lim := 3<<19, Limits{LineBytes: 1 << 19}
	if hostileFull() {
		size, lim = 20<<20, Limits{}
	}
	rng := rand.New(rand.NewSource(1))
	text := make([]byte, size)
	for i := range text {
		text[i] = byte('a' + rng.Intn(26))
	}
	shared := `<?xml version="1.0" encoding="UTF-8"?><sst ` + xlNS + ` count="1" uniqueCount="1"><si><t>` + string(text) + `</t></si></sst>`
	rows := `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`
	p := writeParts(t, t.TempDir(), "texto.xlsx", xlsxParts(sheetXML(rows, ""), shared))
	err := within(t, func() error { _, err := ReadExcel(p, WithLimits(lim)); return err })
	wantErr(t, err, ErrTooLarge, "LineBytes")
	// The member budget: a sheet of 2 MB read with MemberBytes of 1 MB.
	p = writeParts(t, t.TempDir(), "texto2.xlsx", xlsxParts(sheetXML(rows, ""), shared))
	_, err = ReadExcel(p, WithLimits(Limits{MemberBytes: 1 << 20, LineBytes: 64 << 20}))
	wantErr(t, err, ErrTooLarge, "MemberBytes")
}

// lieCompressedSize rewrites, in the central directory of the zip at p,
// the compressed size of member name to n.
func lieCompressedSize(t *testing.T, p, name string, n uint32) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	sig := []byte("PK\x01\x02")
	for i := bytes.Index(b, sig); i >= 0 && i+46 < len(b); {
		nameLen := int(binary.LittleEndian.Uint16(b[i+28:]))
		if string(b[i+46:i+46+nameLen]) == name {
			binary.LittleEndian.PutUint32(b[i+20:], n)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		j := bytes.Index(b[i+4:], sig)
		if j < 0 {
			break
		}
		i += 4 + j
	}
	t.Fatalf("member %s not found in %s", name, p)
}

func TestHostileZipLyingHeader(t *testing.T) {
	// 20 MB of zeros stored in about 20 KB, with a central directory that
	// claims 19 MB of compressed data: the ratio guard must count the bytes
	// really read.
	dir := t.TempDir()
	size := 20 << 20
	zeros := strings.Repeat("0", size)
	p := writeParts(t, dir, "datos.zip", [][2]string{{"datos.csv", zeros}})
	lieCompressedSize(t, p, "datos.csv", 19<<20)
	err := within(t, func() error {
		rc, err := OpenZipMember(p, "datos.csv")
		if err != nil {
			return err
		}
		defer rc.Close()
		_, err = io.Copy(io.Discard, rc)
		return err
	})
	if !errors.Is(err, ErrZipBomb) || !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "compressed bytes read") {
		t.Errorf("error %v, want the ratio guard (ErrZipBomb and ErrTooLarge) on the bytes read", err)
	}
	// The same lie inside a workbook.
	b := `<?xml version="1.0" encoding="UTF-8"?><worksheet ` + xlNS + `><sheetData><row r="1">` + inl("A1", "a") + `</row>` +
		strings.Repeat(" ", size) + `</sheetData></worksheet>`
	parts := xlsxParts(b, "")
	x := writeParts(t, dir, "libro.xlsx", parts)
	lieCompressedSize(t, x, "xl/worksheets/sheet1.xml", 19<<20)
	err = within(t, func() error { _, err := ReadExcel(x); return err })
	wantErr(t, err, ErrTooLarge, "zip bomb")
}

// TestHostileExcelReaderNotASpreadsheet: a stream that starts as neither a
// ZIP nor a compound file is told apart from its first bytes, not after
// copying up to InputBytes (1 GiB) to a temporary file: an endless HTML
// page and an endless NUL stream each fail having read under 1 MiB, with
// the same error ReadExcel gives for such a file.
func TestHostileExcelReaderNotASpreadsheet(t *testing.T) {
	page := io.MultiReader(strings.NewReader("<!DOCTYPE html><html><head><title>Error 404</title></head><body>"), repeatReader{'x'})
	for _, tc := range []struct {
		name string
		r    io.Reader
	}{{"html page", page}, {"NUL stream", repeatReader{0}}} {
		t.Run(tc.name, func(t *testing.T) {
			src := &countingReader{r: tc.r}
			err := within(t, func() error { _, err := ReadExcelReader(src, Source("descarga.xlsx")); return err })
			if err == nil || !strings.Contains(err.Error(), "descarga.xlsx") {
				t.Fatalf("error %v, want one naming the input", err)
			}
			t.Logf("%v (after %d bytes)", err, src.n)
			if src.n > 1<<20 {
				t.Errorf("read %d bytes before failing", src.n)
			}
		})
	}
}
