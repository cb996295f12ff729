package tableschema

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// ErrData: a data file cannot be read as the descriptor says.
var ErrData = errors.New("unreadable data")

// Rows reads a resource's table row by row: its header, then each data
// row with its 1-based number among data rows and the line of the file
// (or part) where it starts.
type Rows struct {
	Header []string
	res    *Resource
	dir    string
	part   int
	file   *os.File
	csv    *csv.Reader
	inline [][]string
	n      int
	// Path is the data file (or part) being read, relative to the
	// package; "" for inline data.
	Path string
}

// Open starts reading resource r of a package kept in dir.
func Open(dir string, r *Resource) (*Rows, error) {
	rs := &Rows{res: r, dir: dir}
	if len(r.Paths) == 0 {
		if r.Data == nil {
			return nil, fmt.Errorf("resource %q has neither path nor data: %w", r.Name, ErrData)
		}
		if err := rs.loadInline(); err != nil {
			return nil, err
		}
		return rs, nil
	}
	if err := rs.openPart(0); err != nil {
		return nil, err
	}
	if r.Dialect.Header {
		for i := 1; i <= r.Dialect.HeaderRow; i++ {
			rec, err := rs.csv.Read()
			if err != nil {
				rs.Close()
				if err == io.EOF {
					return nil, fmt.Errorf("%s: no header row: %w", rs.Path, ErrData)
				}
				return nil, fmt.Errorf("%s: %w: %v", rs.Path, ErrData, err)
			}
			if i == r.Dialect.HeaderRow {
				rs.Header = append([]string(nil), rec...)
			}
		}
	} else if r.Schema != nil {
		for _, f := range r.Schema.Fields {
			rs.Header = append(rs.Header, f.Name)
		}
	}
	return rs, nil
}

func (rs *Rows) openPart(i int) error {
	if rs.file != nil {
		rs.file.Close()
		rs.file = nil
	}
	p := rs.res.Paths[i]
	if strings.Contains(p, "://") {
		return fmt.Errorf("resource %q: %s is a URL; only local files are read: %w", rs.res.Name, p, ErrData)
	}
	if err := SafePath(p); err != nil {
		return fmt.Errorf("resource %q: %w", rs.res.Name, err)
	}
	f, err := os.Open(filepath.Join(rs.dir, filepath.FromSlash(p)))
	if err != nil {
		return fmt.Errorf("resource %q: %w", rs.res.Name, err)
	}
	rs.file, rs.part, rs.Path = f, i, p
	var rd io.Reader = bufio.NewReaderSize(f, 64<<10)
	enc, err := Encoding(rs.res.Encoding)
	if err != nil {
		f.Close()
		return fmt.Errorf("resource %q: %w", rs.res.Name, err)
	}
	rd = transform.NewReader(rd, unicode.BOMOverride(enc.NewDecoder()))
	c := csv.NewReader(rd)
	c.Comma = rs.res.Dialect.Delimiter
	c.FieldsPerRecord = -1
	c.ReuseRecord = false
	c.TrimLeadingSpace = rs.res.Dialect.SkipInitialSpace
	if cc := rs.res.Dialect.CommentChar; len(cc) == 1 {
		c.Comment = rune(cc[0])
	}
	if c.Comma == '"' || c.Comma == '\r' || c.Comma == '\n' || c.Comma == 0xFFFD {
		f.Close()
		return fmt.Errorf("resource %q: delimiter %q: %w", rs.res.Name, c.Comma, ErrData)
	}
	rs.csv = c
	return nil
}

// Encoding returns the decoder for a resource's encoding name (UTF-8 when
// empty).
func Encoding(name string) (encoding.Encoding, error) {
	switch strings.ToLower(strings.ReplaceAll(name, "_", "-")) {
	case "", "utf-8", "utf8", "utf-8-sig":
		return unicode.UTF8, nil
	case "windows-1252", "cp1252":
		return charmap.Windows1252, nil
	case "iso-8859-1", "latin-1", "latin1":
		return charmap.ISO8859_1, nil
	case "utf-16":
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), nil
	}
	return nil, fmt.Errorf("encoding %q not supported: %w", name, ErrData)
}

// Next returns the next data row: its 1-based number among the resource's
// data rows, its 1-based line in Path, and its cells. At the end it returns
// io.EOF.
func (rs *Rows) Next() (row, line int, cells []string, err error) {
	if rs.inline != nil || (rs.csv == nil && rs.res.Data != nil) {
		if rs.n >= len(rs.inline) {
			return 0, 0, nil, io.EOF
		}
		rs.n++
		return rs.n, 0, rs.inline[rs.n-1], nil
	}
	for {
		if rs.csv == nil {
			return 0, 0, nil, io.EOF
		}
		rec, err := rs.csv.Read()
		if err == io.EOF {
			if rs.part+1 < len(rs.res.Paths) {
				if err := rs.openPart(rs.part + 1); err != nil {
					return 0, 0, nil, err
				}
				continue
			}
			rs.Close()
			return 0, 0, nil, io.EOF
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return 0, 0, nil, fmt.Errorf("%s line %d: %w: %v", rs.Path, pe.StartLine, ErrData, pe.Err)
			}
			return 0, 0, nil, fmt.Errorf("%s: %w: %v", rs.Path, ErrData, err)
		}
		l, _ := rs.csv.FieldPos(0)
		rs.n++
		return rs.n, l, rec, nil
	}
}

// Close releases the open file.
func (rs *Rows) Close() {
	if rs.file != nil {
		rs.file.Close()
		rs.file = nil
	}
	rs.csv = nil
}

// loadInline reads inline data: an array of arrays whose first is the
// header, or an array of objects.
func (rs *Rows) loadInline() error {
	arr, ok := rs.res.Data.([]any)
	if !ok {
		return fmt.Errorf("resource %q: inline data is not an array: %w", rs.res.Name, ErrData)
	}
	rs.inline = [][]string{}
	if len(arr) == 0 {
		return nil
	}
	if _, isObj := arr[0].(map[string]any); isObj {
		if rs.res.Schema != nil {
			for _, f := range rs.res.Schema.Fields {
				rs.Header = append(rs.Header, f.Name)
			}
		} else {
			m := arr[0].(map[string]any)
			for k := range m {
				rs.Header = append(rs.Header, k)
			}
			sort.Strings(rs.Header)
		}
		for i, x := range arr {
			m, ok := x.(map[string]any)
			if !ok {
				return fmt.Errorf("resource %q: inline row %d is not an object: %w", rs.res.Name, i+1, ErrData)
			}
			row := make([]string, len(rs.Header))
			for j, h := range rs.Header {
				if v, ok := m[h]; ok && v != nil {
					row[j] = cell(v)
				}
			}
			rs.inline = append(rs.inline, row)
		}
		return nil
	}
	for i, x := range arr {
		a, ok := x.([]any)
		if !ok {
			return fmt.Errorf("resource %q: inline row %d is not an array: %w", rs.res.Name, i+1, ErrData)
		}
		row := make([]string, len(a))
		for j, v := range a {
			if v != nil {
				row[j] = cell(v)
			}
		}
		if i == 0 {
			rs.Header = row
			continue
		}
		rs.inline = append(rs.inline, row)
	}
	return nil
}

func cell(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64, bool:
		return ISO("", x)
	}
	return ISO("", v)
}
