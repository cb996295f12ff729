package fetch

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
)

// ReadJSON reads a table of records from JSON and returns it as a typed
// DataFrame. It accepts, with no options:
//
//   - an array of objects: [{"a":1},{"a":2}] (streamed record by record);
//   - JSON Lines (one value per line) or any stream of concatenated values;
//   - a single object that holds one array of records, found when there is
//     only one jsonCandidate (or one named records, results, data, rows, items,
//     features, datos or observations), e.g. result.results in a CKAN answer,
//     or bmx.series.0.datos in a Banxico SIE answer (an array with a single
//     element is entered when that element holds the records);
//   - an array of arrays (a header row of strings is used when present);
//   - an array of scalars (one column named "value");
//   - a single object with no array of records (one row).
//
// Nested objects are flattened with dotted names ("organization.title");
// arrays inside a record are kept as compact JSON text ("[1,2]"). Columns
// are the union of the keys of every record, in first-seen order; a key a
// record lacks, and null, become missing values. Numbers keep their exact
// text ("1908" is the Int 1908, not 1908.0000001), and numbers written as
// strings ("19.4899") are inferred as numbers like CSV cells, with the same
// missing markers, leading-zero and code-name rules as ReadCSV.
//
// RecordsPath names the array explicitly, with numeric steps into arrays
// ("bmx.series.0.datos"); Columns keeps only some (flattened) columns while
// parsing. The input is UTF-8 (a BOM is skipped); UTF-16 with a BOM is
// decoded, and bytes that are not UTF-8 are read as Windows-1252 unless
// Encoding says otherwise.
//
// Errors wrap ErrEmpty (no input, no records, a saved CKAN error
// answer, {"success": false, "error": …}, or an INEGI Indicadores API
// error answer, ["ErrorInfo:…", "ErrorDetails:…", "ErrorCode:100"], whose
// message the error quotes), ErrFormat (invalid JSON,
// a path that does not exist, several jsonCandidate arrays), ErrTooLarge
// (a budget of Limits passed: input bytes, one value's length, distinct
// keys, records × keys, values in one record), ErrNoColumn or
// ErrType.
func ReadJSON(r io.Reader, opts ...Option) (dataframe.DataFrame, error) {
	cfg := newConfig(opts)
	if err := noLineColumn(cfg, "ReadJSON", "a record is not a line; its position in the array is its row"); err != nil {
		return dataframe.DataFrame{}, err
	}
	rep := &Report{Source: cfg.source, Format: "json"}
	df, err := readJSON(r, cfg, rep)
	if cfg.report != nil {
		*cfg.report = *rep
	}
	return df, err
}

// jsonMaxDepth bounds nesting, so hostile input cannot exhaust the stack.
const jsonMaxDepth = 1000

func readJSON(r io.Reader, cfg *config, rep *Report) (dataframe.DataFrame, error) {
	return readJSONTokens(r, cfg, rep, func(r io.Reader) jsonTokens { return newJSONLexer(r) })
}

// stdJSONTokens is encoding/json's token stream, which jsonLexer
// replaces; tests hold the lexer to it.
func stdJSONTokens(r io.Reader) jsonTokens {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	return dec
}

// readJSONTokens is readJSON with the token stream made by tokens.
func readJSONTokens(r io.Reader, cfg *config, rep *Report, tokens func(io.Reader) jsonTokens) (dataframe.DataFrame, error) {
	src := orDash(cfg.source)
	if r == nil {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: nil reader: %w", src, ErrEmpty)
	}
	guard := &budgetReader{r: r, max: cfg.lim().InputBytes, run: int64(cfg.lim().LineBytes), source: cfg.source}
	br := bufio.NewReaderSize(guard, 64<<10)
	dr, encName, err := jsonDecodeText(br, cfg)
	if err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: %w", src, err)
	}
	rep.Encoding = encName
	dec := tokens(dr)
	// jerr names a budget passed in the input stream first: the decoder
	// may report it as a syntax error, or More may swallow it.
	jerr := func(err error) error {
		if guard.err != nil {
			return guard.err
		}
		return jsonError(src, dec, err)
	}
	t := newJSONTable(cfg)
	var path []string
	if cfg.recordsPath != "" {
		path = strings.Split(cfg.recordsPath, ".")
	}
	values := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return dataframe.DataFrame{}, jerr(err)
		}
		values++
		if path != nil {
			if err := t.readAtPath(dec, tok, path); err != nil {
				return dataframe.DataFrame{}, jerr(err)
			}
			continue
		}
		switch tok {
		case json.Delim('['):
			if err := t.streamArray(dec); err != nil {
				return dataframe.DataFrame{}, jerr(err)
			}
		case json.Delim('{'):
			n, err := parseJSONValue(dec, tok, 0, t.budget())
			if err != nil {
				return dataframe.DataFrame{}, jerr(err)
			}
			if values == 1 && !dec.More() {
				// A single object: find the records inside it.
				if err := t.fromDocument(n); err != nil {
					return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: %w", src, err)
				}
				continue
			}
			if err := t.add(n); err != nil {
				return dataframe.DataFrame{}, jerr(err)
			}
		default:
			n, err := parseJSONValue(dec, tok, 0, t.budget())
			if err != nil {
				return dataframe.DataFrame{}, jerr(err)
			}
			if err := t.add(n); err != nil {
				return dataframe.DataFrame{}, jerr(err)
			}
		}
	}
	if guard.err != nil {
		return dataframe.DataFrame{}, guard.err
	}
	if values == 0 {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: no JSON value: %w", src, ErrEmpty)
	}
	if values > 1 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("JSON Lines: %d values", values))
	}
	if cfg.recordsPath != "" {
		rep.Notes = append(rep.Notes, fmt.Sprintf("records at %q", cfg.recordsPath))
	}
	rep.Notes = append(rep.Notes, t.notes...)
	rep.Notes = append(rep.Notes, t.checkNotes()...)
	if len(t.rows) == 0 {
		where := ""
		if t.path != "" {
			where = " at " + strconv.Quote(t.path)
		}
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: no records%s: %w", src, where, ErrEmpty)
	}
	if msg, ok := t.inegiErrorAnswer(); ok {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: the document is an INEGI API error answer, not data: %s: %w", src, msg, ErrEmpty)
	}
	header := t.header()
	if len(header) == 0 {
		if len(cfg.columns) > 0 {
			return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: column %q: %w", src, cfg.columns[0], ErrNoColumn)
		}
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: records have no fields: %w", src, ErrEmpty)
	}
	return tableFromRecords(cfg, header, t.rows, 1, rep)
}

// jsonError wraps a decoder error with the source, the byte offset and
// ErrFormat (or passes through an error that already wraps a sentinel).
func jsonError(src string, dec jsonTokens, err error) error {
	var budget *budgetError
	if errors.As(err, &budget) {
		return err // already names the source
	}
	if errors.Is(err, ErrFormat) || errors.Is(err, ErrEmpty) || errors.Is(err, ErrTooLarge) {
		return fmt.Errorf("fetch: %s: %w", src, err)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("fetch: %s: byte %d: invalid JSON: %v: %w", src, se.Offset, se, ErrFormat)
	}
	var le *jsonSyntaxError
	if errors.As(err, &le) {
		return fmt.Errorf("fetch: %s: byte %d: invalid JSON: %v: %w", src, le.off, le, ErrFormat)
	}
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		return fmt.Errorf("fetch: %s: byte %d: JSON ends too early: %w", src, dec.InputOffset(), ErrFormat)
	}
	return fmt.Errorf("fetch: %s: byte %d: %v: %w", src, dec.InputOffset(), err, ErrFormat)
}

// jsonTable accumulates flattened records as rows of text.
type jsonTable struct {
	idx   map[string]int
	names []string
	rows  [][]string
	want  map[string]bool // Columns, or nil for all
	notes []string
	path  string // where the records were found, when detected
	// arrayRows counts records that were arrays (rows of cells); arrays of
	// arrays may carry their header in the first row.
	arrayRows   int
	firstString bool // the first array row held only distinct text cells
	jsonChecks
}

func newJSONTable(cfg *config) *jsonTable {
	t := &jsonTable{idx: make(map[string]int)}
	t.lim = cfg.lim()
	if len(cfg.columns) > 0 {
		t.want = make(map[string]bool, len(cfg.columns))
		for _, c := range cfg.columns {
			t.want[c] = true
		}
	}
	return t
}

// set stores value v of column name in row. form is the path that gave
// the name, with nesting steps joined by "\x00" instead of ".", or "" when
// it is the name itself (see jsonTable.form).
func (t *jsonTable) set(row []string, name, form, v string) []string {
	if t.want != nil && !t.want[strings.TrimSpace(name)] {
		return row
	}
	if t.err != nil {
		return row
	}
	j, ok := t.idx[name]
	if !ok {
		if len(t.names) >= t.lim.Columns {
			t.err = fmt.Errorf("record %d: key %q: more than %d distinct keys (columns): %w (raise it with fetch.WithLimits(fetch.Limits{Columns: …}))",
				t.cur, shorten(name, 40), t.lim.Columns, ErrTooLarge)
			return row
		}
		j = len(t.names)
		t.idx[name] = j
		t.names = append(t.names, name)
		t.stamp = append(t.stamp, 0)
	}
	if !ok && int64(t.cur)*int64(len(t.names)) > t.lim.Cells {
		t.err = fmt.Errorf("record %d: key %q: %d records × %d distinct keys is more than %d cells: %w (raise it with fetch.WithLimits(fetch.Limits{Cells: …}))",
			t.cur, shorten(name, 40), t.cur, len(t.names), t.lim.Cells, ErrTooLarge)
		return row
	}
	if len(row) <= j {
		row = append(row, make([]string, j+1-len(row))...)
	}
	if t.stamp[j] == t.cur {
		t.collision(j, name, form)
	}
	t.stamp[j] = t.cur
	t.form(j, name, form)
	row[j] = v
	return row
}

// add turns one record into a row. It returns an error wrapping
// ErrTooLarge when the table passes the Columns or Cells budget.
func (t *jsonTable) add(n *jnode) error {
	t.cur++
	row := make([]string, 0, len(t.names))
	switch n.kind {
	case jObject:
		row = t.flatten(row, n, "", "")
		if row == nil {
			row = []string{}
		}
	case jArray:
		if len(t.rows) == 0 {
			t.firstString = len(n.vals) > 0
			seen := make(map[string]bool, len(n.vals))
			for _, v := range n.vals {
				if v.kind != jString || strings.TrimSpace(v.text) == "" || seen[v.text] || looksNumeric(v.text) {
					t.firstString = false
					break
				}
				seen[v.text] = true
			}
		}
		t.arrayRows++
		for i, v := range n.vals {
			row = t.set(row, "col_"+strconv.Itoa(i+1), "", v.cell())
		}
		if row == nil {
			row = []string{}
		}
	case jNull:
		row = []string{}
	default:
		row = t.set(row, "value", "", n.cell())
		if row == nil {
			row = []string{}
		}
	}
	if t.err != nil {
		return t.err
	}
	if int64(t.cur)*int64(len(t.names)) > t.lim.Cells {
		return fmt.Errorf("record %d: %d records × %d columns is more than %d cells: %w (raise it with fetch.WithLimits(fetch.Limits{Cells: …}))",
			t.cur, t.cur, len(t.names), t.lim.Cells, ErrTooLarge)
	}
	t.rows = append(t.rows, row)
	return nil
}

// flatten writes the fields of object n into row, nested objects with
// dotted names. form is prefix with nesting steps joined by "\x00".
func (t *jsonTable) flatten(row []string, n *jnode, prefix, form string) []string {
	for i, k := range n.keys {
		v := n.vals[i]
		if v.kind == jObject && len(v.keys) > 0 {
			row = t.flatten(row, v, prefix+k+".", form+k+"\x00")
			continue
		}
		f := ""
		if form != "" || strings.IndexByte(k, '.') >= 0 {
			f = form + k
		}
		row = t.set(row, prefix+k, f, v.cell())
	}
	return row
}

// header returns the column names; for a table of arrays whose first row
// is all distinct text, that row becomes the header.
func (t *jsonTable) header() []string {
	if t.arrayRows == len(t.rows) && t.firstString && len(t.rows) > 1 && len(t.names) > 0 {
		first := t.rows[0]
		h := make([]string, len(t.names))
		copy(h, first)
		for j := len(first); j < len(h); j++ {
			h[j] = t.names[j]
		}
		t.rows = t.rows[1:]
		t.notes = append(t.notes, "first array used as the header")
		return h
	}
	return t.names
}

// streamArray reads the elements of an array whose '[' was just read, one
// record at a time.
func (t *jsonTable) streamArray(dec jsonTokens) error {
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		n, err := parseJSONValue(dec, tok, 1, t.budget())
		if err != nil {
			return err
		}
		if err := t.add(n); err != nil {
			return err
		}
	}
	_, err := dec.Token() // ']'
	return err
}

// readAtPath walks path from the value starting with tok, token by token,
// and reads the records found there; the rest of the document is skipped
// without being kept.
func (t *jsonTable) readAtPath(dec jsonTokens, tok json.Token, path []string) error {
	var stack []json.Delim // enclosing containers entered
	for step, seg := range path {
		switch tok {
		case json.Delim('{'):
			var keys []string
			found := false
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return err
				}
				key, _ := kt.(string)
				if key == seg {
					found = true
					break
				}
				keys = append(keys, key)
				if err := jsonSkipValue(dec); err != nil {
					return err
				}
			}
			if !found {
				return fmt.Errorf("records path %q: no key %q at %q (keys: %s): %w",
					strings.Join(path, "."), seg, jsonPathName(path[:step]), jsonShortList(keys, 12), ErrFormat)
			}
		case json.Delim('['):
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 {
				return fmt.Errorf("records path %q: %q is an array and step %q is not an index: %w",
					strings.Join(path, "."), jsonPathName(path[:step]), seg, ErrFormat)
			}
			n := 0
			for ; n < i && dec.More(); n++ {
				if err := jsonSkipValue(dec); err != nil {
					return err
				}
			}
			if !dec.More() {
				return fmt.Errorf("records path %q: index %d out of range at %q (%d elements): %w",
					strings.Join(path, "."), i, jsonPathName(path[:step]), n, ErrFormat)
			}
		default:
			return fmt.Errorf("records path %q: %q is a %s, not an object or array: %w",
				strings.Join(path, "."), jsonPathName(path[:step]), jsonTokenKind(tok), ErrFormat)
		}
		stack = append(stack, tok.(json.Delim))
		if len(stack) > jsonMaxDepth {
			return fmt.Errorf("nesting deeper than %d: %w", jsonMaxDepth, ErrFormat)
		}
		var err error
		if tok, err = dec.Token(); err != nil {
			return err
		}
	}
	if tok == json.Delim('[') {
		if err := t.streamArray(dec); err != nil {
			return err
		}
	} else {
		n, err := parseJSONValue(dec, tok, len(stack), t.budget())
		if err != nil {
			return err
		}
		if err := t.add(n); err != nil {
			return err
		}
	}
	// Skip the rest of every enclosing container, innermost first.
	for k := len(stack) - 1; k >= 0; k-- {
		for dec.More() {
			if stack[k] == json.Delim('{') {
				if _, err := dec.Token(); err != nil { // the key
					return err
				}
			}
			if err := jsonSkipValue(dec); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil {
			return err
		}
	}
	return nil
}

func jsonPathName(p []string) string {
	if len(p) == 0 {
		return "(top)"
	}
	return strings.Join(p, ".")
}

func jsonTokenKind(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		return "delimiter " + v.String()
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "boolean"
	case nil:
		return "null"
	}
	return "value"
}

func jsonShortList(xs []string, max int) string {
	if len(xs) > max {
		return strings.Join(xs[:max], ", ") + fmt.Sprintf(", … (%d more)", len(xs)-max)
	}
	return strings.Join(xs, ", ")
}

// jsonSkipValue reads and discards one whole value.
func jsonSkipValue(dec jsonTokens) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
			if depth > jsonMaxDepth {
				return fmt.Errorf("nesting deeper than %d: %w", jsonMaxDepth, ErrFormat)
			}
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

// jsonDecodeText returns a reader of UTF-8 text: a UTF-8 BOM skipped, UTF-16
// with a BOM decoded, other bytes that are not valid UTF-8 read as
// Windows-1252, or cfg.encoding when set. It names the encoding.
func jsonDecodeText(br *bufio.Reader, cfg *config) (io.Reader, string, error) {
	head, err := br.Peek(64 << 10)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, "", fmt.Errorf("%v: %w", err, ErrFormat)
	}
	return jsonSniffEncoding(br, head, cfg)
}
