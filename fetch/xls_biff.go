package fetch

import (
	"encoding/binary"
	"fmt"
	"math"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// The BIFF8 records of a legacy .xls workbook ([MS-XLS]): the workbook
// globals (sheet list, shared strings, number formats, cell styles, date
// system) and each worksheet's cells and merged ranges, turned into the
// same grid of table text the .xlsx reader builds.

// BIFF8 record types read here.
const (
	biffFormula     = 0x0006
	biffEOF         = 0x000A
	biffDateMode    = 0x0022
	biffFilePass    = 0x002F
	biffContinue    = 0x003C
	biffCodePage    = 0x0042
	biffBoundSheet  = 0x0085
	biffMulRK       = 0x00BD
	biffRString     = 0x00D6
	biffXF          = 0x00E0
	biffMergedCells = 0x00E5
	biffSST         = 0x00FC
	biffLabelSST    = 0x00FD
	biffNumber      = 0x0203
	biffLabel       = 0x0204
	biffBoolErr     = 0x0205
	biffString      = 0x0207
	biffRK          = 0x027E
	biffArray       = 0x0221
	biffTable       = 0x0236
	biffShrFmla     = 0x04BC
	biffFormat      = 0x041E
	biffBOF         = 0x0809
)

// xlsMaxRows and xlsMaxCols are BIFF8's sheet limits.
const (
	xlsMaxRows = 65536
	xlsMaxCols = 256
)

// xlsSheetRef is a sheet named in the workbook globals.
type xlsSheetRef struct {
	name   string
	offset uint32
	hidden bool
	kind   byte // 0 worksheet, 1 macro sheet, 2 chart, 6 VB module
}

// xlsBook is a parsed BIFF8 workbook stream.
type xlsBook struct {
	stream   []byte
	sheets   []xlsSheetRef
	sst      []string
	xfFormat []uint16
	formats  map[uint16]string
	date1904 bool
	kinds    map[uint16]dateKind
}

// biffRecord is one record: its type, its data and the data of the
// CONTINUE records that follow it.
type biffRecord struct {
	typ   uint16
	frags [][]byte
	pos   int // offset of the record in the stream
}

// biffReader walks the records of a stream.
type biffReader struct {
	b   []byte
	pos int
}

// next returns the record at the reader's position with its CONTINUE
// records; ok is false at the end of the stream.
func (r *biffReader) next() (biffRecord, bool, error) {
	if r.pos+4 > len(r.b) {
		return biffRecord{}, false, nil
	}
	rec := biffRecord{pos: r.pos}
	for first := true; r.pos+4 <= len(r.b); first = false {
		typ := binary.LittleEndian.Uint16(r.b[r.pos:])
		n := int(binary.LittleEndian.Uint16(r.b[r.pos+2:]))
		if !first && typ != biffContinue {
			break
		}
		if r.pos+4+n > len(r.b) {
			return rec, false, fmt.Errorf("record 0x%04X at byte %d: %d bytes past the end of the stream: %w", typ, r.pos, r.pos+4+n-len(r.b), ErrFormat)
		}
		if first {
			rec.typ = typ
		}
		rec.frags = append(rec.frags, r.b[r.pos+4:r.pos+4+n])
		r.pos += 4 + n
	}
	return rec, true, nil
}

// fragReader reads a record's data across its CONTINUE fragments. In
// character data, a fragment boundary starts with a new option byte that
// says whether the rest of the string is 8- or 16-bit.
type fragReader struct {
	frags [][]byte
	fi    int
	off   int
	err   error
}

func (f *fragReader) fail(what string) {
	if f.err == nil {
		f.err = fmt.Errorf("%s past the end of the record: %w", what, ErrFormat)
	}
}

// byte1 reads one byte, moving to the next fragment when needed.
func (f *fragReader) byte1() byte {
	for f.fi < len(f.frags) && f.off >= len(f.frags[f.fi]) {
		f.fi++
		f.off = 0
	}
	if f.fi >= len(f.frags) {
		f.fail("a byte")
		return 0
	}
	c := f.frags[f.fi][f.off]
	f.off++
	return c
}

func (f *fragReader) u16() uint16 {
	a := f.byte1()
	return uint16(a) | uint16(f.byte1())<<8
}

func (f *fragReader) u32() uint32 {
	a := f.u16()
	return uint32(a) | uint32(f.u16())<<16
}

// skip passes n bytes, failing if the record has fewer.
func (f *fragReader) skip(n int64) {
	for n > 0 && f.err == nil {
		for f.fi < len(f.frags) && f.off >= len(f.frags[f.fi]) {
			f.fi++
			f.off = 0
		}
		if f.fi >= len(f.frags) {
			f.fail("skipped bytes")
			return
		}
		k := int64(len(f.frags[f.fi]) - f.off)
		if k > n {
			k = n
		}
		f.off += int(k)
		n -= k
	}
}

// chars reads cch characters, 16-bit when high is set, honouring the
// option byte at the start of each CONTINUE fragment.
func (f *fragReader) chars(cch int, high bool) string {
	u := make([]uint16, 0, cch)
	for len(u) < cch && f.err == nil {
		if f.fi < len(f.frags) && f.off >= len(f.frags[f.fi]) {
			f.fi++
			f.off = 0
			if f.fi >= len(f.frags) {
				break
			}
			high = f.frags[f.fi][0]&1 != 0
			f.off = 1
			continue
		}
		if f.fi >= len(f.frags) {
			break
		}
		if high {
			u = append(u, f.u16())
		} else {
			u = append(u, uint16(decode8(f.byte1())))
		}
	}
	if len(u) < cch {
		f.fail("string characters")
	}
	return string(utf16.Decode(u))
}

// decode8 reads a character of an 8-bit ("compressed") BIFF8 string. Such
// strings hold the low bytes of UTF-16 code units, so a byte is its code
// point; the bytes 0x80–0x9F, control characters in that reading, are read
// as Windows-1252 ("€", curly quotes, "…"), which is what the programs
// that write them wrongly meant.
func decode8(b byte) rune {
	if b >= 0x80 && b <= 0x9F {
		return charmap.Windows1252.DecodeByte(b)
	}
	return rune(b)
}

// unicodeString reads an XLUnicodeString (16-bit count) or, with rich,
// an XLUnicodeRichExtendedString (as in the SST), skipping formatting runs
// and phonetic data.
func (f *fragReader) unicodeString(rich bool) string {
	cch := int(f.u16())
	flags := f.byte1()
	var runs, ext int64
	if rich && flags&0x08 != 0 {
		runs = int64(f.u16())
	}
	if rich && flags&0x04 != 0 {
		ext = int64(f.u32())
	}
	if f.err != nil {
		return ""
	}
	s := f.chars(cch, flags&1 != 0)
	f.skip(4*runs + ext)
	return s
}

// shortString reads a ShortXLUnicodeString (8-bit count), as in sheet
// names.
func (f *fragReader) shortString() string {
	cch := int(f.byte1())
	flags := f.byte1()
	if f.err != nil {
		return ""
	}
	return f.chars(cch, flags&1 != 0)
}

// parseXLSGlobals reads the workbook globals substream.
func parseXLSGlobals(stream []byte) (*xlsBook, error) {
	bk := &xlsBook{stream: stream, formats: make(map[uint16]string), kinds: make(map[uint16]dateKind)}
	r := &biffReader{b: stream}
	rec, ok, err := r.next()
	if err != nil {
		return nil, err
	}
	if !ok || rec.typ != biffBOF || len(rec.frags[0]) < 4 {
		return nil, fmt.Errorf("the Workbook stream does not start with a BOF record: %w", ErrFormat)
	}
	if v := binary.LittleEndian.Uint16(rec.frags[0]); v != 0x0600 {
		return nil, fmt.Errorf("BIFF version 0x%04X (only Excel 97–2003 BIFF8 is read); open it in Excel or LibreOffice and save it as .xlsx: %w", v, ErrUnsupported)
	}
	for {
		rec, ok, err := r.next()
		if err != nil {
			return nil, err
		}
		if !ok || rec.typ == biffEOF {
			break
		}
		f := &fragReader{frags: rec.frags}
		switch rec.typ {
		case biffFilePass:
			return nil, fmt.Errorf("the workbook is encrypted (password protected); save an unprotected copy: %w", ErrUnsupported)
		case biffDateMode:
			bk.date1904 = f.u16() == 1
		case biffCodePage:
			// BIFF8 strings are UTF-16 or compressed UTF-16; the code page
			// does not change how they read.
		case biffBoundSheet:
			off := f.u32()
			state := f.byte1()
			kind := f.byte1()
			name := f.shortString()
			if f.err != nil {
				return nil, fmt.Errorf("sheet entry at byte %d: %w", rec.pos, f.err)
			}
			bk.sheets = append(bk.sheets, xlsSheetRef{name: name, offset: off, hidden: state&3 != 0, kind: kind})
		case biffSST:
			if err := bk.readSST(f); err != nil {
				return nil, fmt.Errorf("shared strings at byte %d: %w", rec.pos, err)
			}
		case biffFormat:
			id := f.u16()
			code := f.unicodeString(false)
			if f.err == nil {
				bk.formats[id] = code
			}
		case biffXF:
			f.u16() // font
			bk.xfFormat = append(bk.xfFormat, f.u16())
		}
	}
	return bk, nil
}

// readSST reads the shared string table. The declared count is not
// trusted for allocation; strings are read while the record lasts.
func (bk *xlsBook) readSST(f *fragReader) error {
	f.u32() // total references
	n := f.u32()
	if f.err != nil {
		return f.err
	}
	bk.sst = make([]string, 0, min(int(n), 1<<16))
	for i := uint32(0); i < n; i++ {
		s := f.unicodeString(true)
		if f.err != nil {
			return fmt.Errorf("string %d of %d: %w", i+1, n, f.err)
		}
		bk.sst = append(bk.sst, s)
	}
	return nil
}

// dateKindOf tells whether the number format of style (XF) ixfe shows a
// date.
func (bk *xlsBook) dateKindOf(ixfe uint16) dateKind {
	if k, ok := bk.kinds[ixfe]; ok {
		return k
	}
	k := notDate
	if int(ixfe) < len(bk.xfFormat) {
		id := bk.xfFormat[ixfe]
		if code, ok := bk.formats[id]; ok {
			k = formatDateKind(code)
		} else {
			k = builtinDateKind(int(id))
		}
	}
	bk.kinds[ixfe] = k
	return k
}

// xlsErrorText names a BIFF8 error code as Excel writes it.
func xlsErrorText(code byte) string {
	switch code {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	}
	return "#GETTING_DATA"
}

// rkNumber decodes an RK value: a 30-bit integer or the high 30 bits of a
// float64, optionally divided by 100.
func rkNumber(rk uint32) float64 {
	var f float64
	if rk&2 != 0 {
		f = float64(int32(rk) >> 2)
	} else {
		f = math.Float64frombits(uint64(rk&0xFFFFFFFC) << 32)
	}
	if rk&1 != 0 {
		f /= 100
	}
	return f
}
