package fetch

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The fast path: one streaming pass over a worksheet's XML that reads each
// cell's value, type and style together. excelize answers the same
// questions with a streaming pass for values plus a full in-memory parse of
// the sheet for types and styles, which triples the time on large sheets.
// readExcel uses this path and falls back to excelize's when it fails; a
// test checks that both give the same cells on every test workbook.

// xlPackage is an open xlsx zip with what reading cells needs.
type xlPackage struct {
	zr       *zip.ReadCloser
	files    map[string]*zip.File
	sheets   map[string]string // sheet name → worksheet part
	shared   []string
	numFmt   []int            // cellXfs index → numFmtId
	custom   map[int]string   // numFmtId → custom format code
	kinds    map[int]dateKind // style index → date kind
	date1904 bool
	lim      Limits
	src      string
}

// openXLPackage opens the xlsx at p for the fast path; its members must
// pass the budgets of l (see checkZipBudget).
func openXLPackage(p string, l Limits) (*xlPackage, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, err
	}
	size := int64(0)
	if st, err := os.Stat(p); err == nil {
		size = st.Size()
	}
	if err := checkZipBudget(p, zr.File, size, l); err != nil {
		zr.Close()
		return nil, err
	}
	x := &xlPackage{zr: zr, files: make(map[string]*zip.File), sheets: make(map[string]string),
		custom: make(map[int]string), kinds: make(map[int]dateKind), lim: l, src: p}
	for _, f := range zr.File {
		x.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	if err := x.readWorkbook(); err != nil {
		zr.Close()
		return nil, err
	}
	return x, nil
}

func (x *xlPackage) Close() error { return x.zr.Close() }

// xmlPart opens a part and returns a decoder over it. The part's bytes
// pass through an xmlGuard, which stops a member that expands past
// MemberBytes or holds more than LineBytes without a '<' (one enormous
// text, attribute or run of whitespace) before the decoder buffers it.
func (x *xlPackage) xmlPart(name string) (*xml.Decoder, io.Closer, error) {
	f, ok := x.files[name]
	if !ok {
		return nil, nil, fmt.Errorf("part %s missing", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, err
	}
	d := xml.NewDecoder(&xmlGuard{r: rc, part: name, src: x.src, lim: x.lim})
	d.Strict = false
	return d, rc, nil
}

func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// readWorkbook maps sheet names to parts and reads shared strings and
// number formats.
func (x *xlPackage) readWorkbook() error {
	rels := map[string]string{} // rId → target
	sharedPart, stylesPart := "xl/sharedStrings.xml", "xl/styles.xml"
	if d, c, err := x.xmlPart("xl/_rels/workbook.xml.rels"); err == nil {
		for {
			tok, err := d.Token()
			if err != nil {
				break
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
				id, _ := attr(se, "Id")
				target, _ := attr(se, "Target")
				typ, _ := attr(se, "Type")
				if strings.HasPrefix(target, "/") {
					target = strings.TrimPrefix(target, "/")
				} else {
					target = path.Clean("xl/" + target)
				}
				rels[id] = target
				switch {
				case strings.HasSuffix(typ, "/sharedStrings"):
					sharedPart = target
				case strings.HasSuffix(typ, "/styles"):
					stylesPart = target
				}
			}
		}
		c.Close()
	} else {
		return err
	}
	d, c, err := x.xmlPart("xl/workbook.xml")
	if err != nil {
		return err
	}
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "workbookPr":
			v, _ := attr(se, "date1904")
			x.date1904 = v == "1" || v == "true"
		case "sheet":
			name, _ := attr(se, "name")
			id, _ := attr(se, "id") // r:id
			if t, ok := rels[id]; ok {
				x.sheets[name] = t
			}
		}
	}
	c.Close()
	if _, ok := x.files[sharedPart]; ok {
		if err := x.readShared(sharedPart); err != nil {
			return err
		}
	}
	if _, ok := x.files[stylesPart]; ok {
		if err := x.readStyles(stylesPart); err != nil {
			return err
		}
	}
	return nil
}

// readShared reads the shared strings: the text of each <si>, rich-text
// runs joined, phonetic runs (<rPh>) left out.
func (x *xlPackage) readShared(part string) error {
	d, c, err := x.xmlPart(part)
	if err != nil {
		return err
	}
	defer c.Close()
	var b strings.Builder
	inT, inPh := false, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				b.Reset()
			case "t":
				inT = true
			case "rPh":
				inPh++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if int64(len(x.shared)) >= x.lim.Cells {
					return tooLarge(x.src, fmt.Sprintf("more than %d shared strings", x.lim.Cells), x.lim.Cells, "Cells")
				}
				x.shared = append(x.shared, b.String())
			case "t":
				inT = false
			case "rPh":
				inPh--
			}
		case xml.CharData:
			if inT && inPh == 0 {
				b.Write(t)
				if b.Len() > x.lim.LineBytes {
					return tooLarge(x.src, fmt.Sprintf("shared string %d is longer than %d bytes", len(x.shared)+1, x.lim.LineBytes), int64(x.lim.LineBytes), "LineBytes")
				}
			}
		}
	}
}

// readStyles reads each cell format's number format.
func (x *xlPackage) readStyles(part string) error {
	d, c, err := x.xmlPart(part)
	if err != nil {
		return err
	}
	defer c.Close()
	inXfs := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				id, _ := attr(t, "numFmtId")
				code, _ := attr(t, "formatCode")
				if n, err := strconv.Atoi(id); err == nil {
					x.custom[n] = code
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id, _ := attr(t, "numFmtId")
					n, _ := strconv.Atoi(id)
					x.numFmt = append(x.numFmt, n)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
}

// dateKindOf classifies the number format of style index s.
func (x *xlPackage) dateKindOf(s int) dateKind {
	if k, ok := x.kinds[s]; ok {
		return k
	}
	k := notDate
	if s >= 0 && s < len(x.numFmt) {
		id := x.numFmt[s]
		if code, ok := x.custom[id]; ok {
			k = formatDateKind(code)
		} else {
			k = builtinDateKind(id)
		}
	}
	x.kinds[s] = k
	return k
}

// xlSheetData is what the fast path reads from one worksheet.
type xlSheetData struct {
	grid       [][]string
	merges     []xlRange
	dates      int
	rounded    int
	errorCells int
	// repeated counts cells written twice with the same value;
	// repeatedRows counts row numbers that appear twice (their cells
	// merged), the first of them at firstRepeated.
	repeated, repeatedRows, firstRepeated int
}

// readSheet streams one worksheet into a grid of table text, with the same
// cell rules as excelSheet.fixCells.
func (x *xlPackage) readSheet(name string) (*xlSheetData, error) {
	part, ok := x.sheets[name]
	if !ok {
		return nil, fmt.Errorf("sheet %q not in the workbook index", name)
	}
	d, c, err := x.xmlPart(part)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	out := &xlSheetData{}
	sb := &sheetBudget{x: x, sheet: name, out: out}
	conv := &excelSheet{date1904: x.date1904}
	var (
		row           []string
		rowNum        int
		col, style    int
		typ, v, inStr string
		inV, inIS     bool
		inT           bool
		inPh          int
		vb, isb       strings.Builder
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				rowNum++
				if r, ok := attr(t, "r"); ok {
					if n, err := strconv.Atoi(r); err == nil && n > 0 {
						rowNum = n
					}
				}
				row = nil
				col = 0
			case "c":
				col++
				if r, ok := attr(t, "r"); ok {
					if cn, _, err := excelize.CellNameToCoordinates(r); err == nil {
						col = cn
					} else if cn := refColumn(r); cn > 0 {
						col = cn // past XFD: the budget names it
					} else {
						return nil, fmt.Errorf("fetch: %s: sheet %q: row %d: cell reference %q is not valid: %w", x.src, name, rowNum, shorten(r, 40), ErrFormat)
					}
				}
				typ, _ = attr(t, "t")
				style = 0
				if s, ok := attr(t, "s"); ok {
					style, _ = strconv.Atoi(s)
				}
				vb.Reset()
				isb.Reset()
				inStr = ""
			case "v":
				inV = true
			case "is":
				inIS = true
			case "t":
				inT = true
			case "rPh":
				inPh++
			case "mergeCell":
				ref, _ := attr(t, "ref")
				a, b, found := strings.Cut(ref, ":")
				if !found {
					continue
				}
				c0, r0, err1 := excelize.CellNameToCoordinates(a)
				c1, r1, err2 := excelize.CellNameToCoordinates(b)
				if err1 == nil && err2 == nil && r1 >= r0 && c1 >= c0 && c1-c0 <= 16384 {
					if len(out.merges) >= x.lim.Merges {
						return nil, tooLarge(x.src, fmt.Sprintf("sheet %q: more than %d merged ranges", name, x.lim.Merges), int64(x.lim.Merges), "Merges")
					}
					out.merges = append(out.merges, xlRange{r0 - 1, c0 - 1, r1 - 1, c1 - 1})
				}
			}
		case xml.CharData:
			switch {
			case inV:
				vb.Write(t)
			case inIS && inT && inPh == 0:
				isb.Write(t)
			}
			if vb.Len()+isb.Len() > x.lim.LineBytes {
				return nil, tooLarge(x.src, fmt.Sprintf("sheet %q: cell %s holds more than %d bytes", name, cellName(col, rowNum), x.lim.LineBytes), int64(x.lim.LineBytes), "LineBytes")
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "t":
				inT = false
			case "rPh":
				inPh--
			case "is":
				inIS = false
				inStr = isb.String()
			case "c":
				v = vb.String()
				switch typ {
				case "s":
					i, err := strconv.Atoi(strings.TrimSpace(v))
					if err != nil || i < 0 || i >= len(x.shared) {
						return nil, fmt.Errorf("cell %s: shared string %q out of range", cellName(col, rowNum), v)
					}
					v = x.shared[i]
				case "inlineStr":
					v = inStr
				case "b":
					if v == "1" || strings.EqualFold(v, "true") {
						v = "true"
					} else if v != "" {
						v = "false"
					}
				case "e":
					if v != "" {
						out.errorCells++
					}
				case "str":
				default: // a number ("n", "d" or no type)
					if v != "" {
						if f, err := strconv.ParseFloat(v, 64); err == nil {
							if k := x.dateKindOf(style); k != notDate {
								if s, ok := conv.isoDate(f, k); ok {
									v = s
									out.dates++
									break
								}
							}
							if s := excelNumber(f); s != v {
								if s != strings.TrimSuffix(strings.TrimSuffix(v, ".0"), ".") {
									out.rounded++
								}
								v = s
							}
						}
					}
				}
				if v != "" {
					if err := sb.cell(&row, rowNum, col, v); err != nil {
						return nil, err
					}
				}
			case "row":
				if len(row) > 0 {
					if err := sb.row(row, rowNum); err != nil {
						return nil, err
					}
				}
			}
		}
	}
	return out, nil
}

func cellName(col, row int) string {
	s, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return fmt.Sprintf("R%dC%d", row, col)
	}
	return s
}
