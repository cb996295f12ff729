package fetch

import (
	"bytes"
	"encoding/binary"
	"math"
	"unicode/utf16"
)

// A minimal BIFF8 workbook writer for tests: it writes the records the
// reader must handle and that the shipped fixtures (written by SheetJS) do
// not hold — RK and MULRK numbers, formulas with cached text, boolean and
// error results, a shared string split across a CONTINUE record, 8-bit
// strings with Windows-1252 bytes, hidden sheets, the 1904 date system.

// biffRec writes one record.
func biffRec(typ uint16, data ...[]byte) []byte {
	body := bytes.Join(data, nil)
	out := binary.LittleEndian.AppendUint16(nil, typ)
	out = binary.LittleEndian.AppendUint16(out, uint16(len(body)))
	return append(out, body...)
}

func xt16(v int) []byte    { return binary.LittleEndian.AppendUint16(nil, uint16(v)) }
func xt32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }
func xtf64(f float64) []byte {
	return binary.LittleEndian.AppendUint64(nil, math.Float64bits(f))
}

// cellHead is a cell record's row, column and style.
func cellHead(row, col, xf int) []byte {
	return bytes.Join([][]byte{xt16(row), xt16(col), xt16(xf)}, nil)
}

// xlStr8 writes an XLUnicodeString of 8-bit characters (bytes as given).
func xlStr8(s string) []byte { return append(append(xt16(len(s)), 0), s...) }

// xlStr16 writes an XLUnicodeString of UTF-16 characters.
func xlStr16(s string) []byte {
	u := utf16.Encode([]rune(s))
	out := append(xt16(len(u)), 1)
	for _, c := range u {
		out = binary.LittleEndian.AppendUint16(out, c)
	}
	return out
}

// testSheet is one sheet of a test workbook.
type testSheet struct {
	name    string
	hidden  bool
	records []byte
}

// testWorkbook builds a BIFF8 Workbook stream: globals (with extra records
// placed before the sheet list) and the sheets.
func testWorkbook(version int, globals []byte, sheets []testSheet) []byte {
	build := func(offsets []uint32) []byte {
		var b bytes.Buffer
		b.Write(biffRec(biffBOF, xt16(version), xt16(0x0005), make([]byte, 12)))
		b.Write(globals)
		for i, s := range sheets {
			state := byte(0)
			if s.hidden {
				state = 1
			}
			b.Write(biffRec(biffBoundSheet, xt32(offsets[i]), []byte{state, 0, byte(len(s.name)), 0}, []byte(s.name)))
		}
		b.Write(biffRec(biffEOF))
		for i, s := range sheets {
			offsets[i] = uint32(b.Len())
			b.Write(biffRec(biffBOF, xt16(version), xt16(0x0010), make([]byte, 12)))
			b.Write(s.records)
			b.Write(biffRec(biffEOF))
		}
		return b.Bytes()
	}
	offsets := make([]uint32, len(sheets))
	build(offsets)
	return build(offsets)
}

// testCFB wraps a stream in a version-3 compound file under the given
// name. Streams are padded to the 4,096-byte mini-stream cutoff so that
// they live in regular sectors.
func testCFB(name string, stream []byte) []byte {
	size := len(stream)
	if size < 4096 {
		stream = append(append([]byte(nil), stream...), make([]byte, 4096-size)...)
		size = 4096
	}
	nStream := (len(stream) + 511) / 512
	nFAT := 1
	for (nFAT+1+nStream+127)/128 > nFAT {
		nFAT++
	}
	total := nFAT + 1 + nStream
	fat := make([]uint32, nFAT*128)
	for i := range fat {
		fat[i] = cfbFree
	}
	for i := 0; i < nFAT; i++ {
		fat[i] = cfbFATSect
	}
	fat[nFAT] = cfbEndOfChain
	for i := nFAT + 1; i < total; i++ {
		fat[i] = uint32(i + 1)
	}
	fat[total-1] = cfbEndOfChain

	h := make([]byte, 512)
	copy(h, cfbSignature)
	le := binary.LittleEndian
	le.PutUint16(h[0x18:], 0x3E)
	le.PutUint16(h[0x1A:], 3)
	le.PutUint16(h[0x1C:], 0xFFFE)
	le.PutUint16(h[0x1E:], 9)
	le.PutUint16(h[0x20:], 6)
	le.PutUint32(h[0x2C:], uint32(nFAT))
	le.PutUint32(h[0x30:], uint32(nFAT))
	le.PutUint32(h[0x38:], 4096)
	le.PutUint32(h[0x3C:], cfbEndOfChain)
	le.PutUint32(h[0x44:], cfbEndOfChain)
	for i := 0; i < 109; i++ {
		v := uint32(cfbFree)
		if i < nFAT {
			v = uint32(i)
		}
		le.PutUint32(h[0x4C+4*i:], v)
	}
	var out bytes.Buffer
	out.Write(h)
	for _, v := range fat {
		out.Write(xt32(v))
	}
	entry := func(name string, typ byte, child, start uint32, size int) []byte {
		e := make([]byte, 128)
		u := utf16.Encode([]rune(name))
		for i, c := range u {
			le.PutUint16(e[2*i:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*len(u)+2))
		e[0x42] = typ
		le.PutUint32(e[0x44:], cfbNoStream)
		le.PutUint32(e[0x48:], cfbNoStream)
		le.PutUint32(e[0x4C:], child)
		le.PutUint32(e[0x74:], start)
		le.PutUint64(e[0x78:], uint64(size))
		return e
	}
	out.Write(entry("Root Entry", 5, 1, cfbEndOfChain, 0))
	out.Write(entry(name, 2, cfbNoStream, uint32(nFAT+1), size))
	out.Write(make([]byte, 256))
	out.Write(stream)
	out.Write(make([]byte, nStream*512-len(stream)))
	return out.Bytes()
}

// testXLS is a small workbook with every cell record the reader knows:
// sheet "Datos" (visible), "Oculta" (hidden) and "Vacía" (no cells).
func testXLS(date1904 bool) []byte {
	var g bytes.Buffer
	if date1904 {
		g.Write(biffRec(biffDateMode, xt16(1)))
	}
	g.Write(biffRec(biffCodePage, xt16(1200)))
	g.Write(biffRec(biffFormat, xt16(164), xlStr8("dd/mm/yyyy")))
	for _, f := range []int{0, 164, 22, 4} { // XF 0..3
		g.Write(biffRec(biffXF, xt16(0), xt16(f), make([]byte, 16)))
	}
	// Shared strings: the fourth is split across a CONTINUE record, its
	// first part 8-bit, its rest UTF-16 ("Ciudad de México" + " — CDMX").
	sst := bytes.Join([][]byte{xt32(4), xt32(4), xlStr8("Entidad"), xlStr8("Monto"), xlStr16("Fecha"),
		xt16(len([]rune("Ciudad de México — CDMX"))), {0}, []byte("Ciudad de M\xe9xico")}, nil)
	g.Write(biffRec(biffSST, sst))
	rest := []byte{1}
	for _, c := range utf16.Encode([]rune(" — CDMX")) {
		rest = binary.LittleEndian.AppendUint16(rest, c)
	}
	g.Write(biffRec(biffContinue, rest))

	rk := func(v uint32) []byte { return xt32(v) }
	tenth, fifth := 0.1, 0.2
	var s bytes.Buffer
	s.Write(biffRec(biffLabel, cellHead(0, 0, 0), xlStr8("Cifras de prueba")))
	s.Write(biffRec(biffLabelSST, cellHead(2, 0, 0), xt32(0)))
	s.Write(biffRec(biffLabelSST, cellHead(2, 1, 0), xt32(1)))
	s.Write(biffRec(biffLabelSST, cellHead(2, 2, 0), xt32(2)))
	s.Write(biffRec(biffLabel, cellHead(2, 3, 0), xlStr16("Activo")))
	s.Write(biffRec(biffLabel, cellHead(2, 4, 0), xlStr8("Nota")))
	s.Write(biffRec(biffLabel, cellHead(2, 5, 0), xlStr8("Tasa")))
	// Row 4: a split shared string; MULRK 1234 and the date 45292; TRUE;
	// a formula whose text is in the STRING record; 0.1+0.2.
	s.Write(biffRec(biffLabelSST, cellHead(3, 0, 0), xt32(3)))
	s.Write(biffRec(biffMulRK, xt16(3), xt16(1), xt16(0), rk(1234<<2|2), xt16(1), rk(45292<<2|2), xt16(2)))
	s.Write(biffRec(biffBoolErr, cellHead(3, 3, 0), []byte{1, 0}))
	s.Write(biffRec(biffFormula, cellHead(3, 4, 0), []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, xt16(0), xt32(0), xt16(0)))
	s.Write(biffRec(biffShrFmla, make([]byte, 10))) // a shared formula comes before the text
	s.Write(biffRec(biffString, xlStr8("calculado")))
	s.Write(biffRec(biffNumber, cellHead(3, 5, 3), xtf64(tenth+fifth)))
	// Row 5: RK 1234/100; a date-time; a formula FALSE; an 8-bit string
	// with the Windows-1252 euro byte; RK of the float 1.5.
	s.Write(biffRec(biffLabel, cellHead(4, 0, 0), xlStr8("Oaxaca")))
	s.Write(biffRec(biffRK, cellHead(4, 1, 0), rk(1234<<2|3)))
	s.Write(biffRec(biffNumber, cellHead(4, 2, 2), xtf64(45292.5)))
	s.Write(biffRec(biffFormula, cellHead(4, 3, 0), []byte{1, 0, 0, 0, 0, 0, 0xFF, 0xFF}, xt16(0), xt32(0), xt16(0)))
	s.Write(biffRec(biffLabel, cellHead(4, 4, 0), xlStr8("\x80 precio")))
	s.Write(biffRec(biffRK, cellHead(4, 5, 0), rk(0x3FF80000)))
	// Row 6: "Yucatán" (8-bit), a #DIV/0! formula, a formula number.
	s.Write(biffRec(biffLabel, cellHead(5, 0, 0), xlStr8("Yucat\xe1n")))
	s.Write(biffRec(biffFormula, cellHead(5, 1, 0), []byte{2, 0, 7, 0, 0, 0, 0xFF, 0xFF}, xt16(0), xt32(0), xt16(0)))
	s.Write(biffRec(biffFormula, cellHead(5, 5, 0), xtf64(2), xt16(0), xt32(0), xt16(0)))
	// The title merged across the table.
	s.Write(biffRec(biffMergedCells, xt16(1), xt16(0), xt16(0), xt16(0), xt16(5)))

	return testWorkbook(0x0600, g.Bytes(), []testSheet{
		{name: "Datos", records: s.Bytes()},
		{name: "Oculta", hidden: true, records: biffRec(biffLabel, cellHead(0, 0, 0), xlStr8("secreto"))},
		{name: "Vac\xeda"},
	})
}
