package fetch

import (
	"github.com/go-gota/gota/series"
	"golang.org/x/text/encoding"
)

// Option changes how a reader (ReadCSV, ReadJSON, ReadExcel, HTMLTables,
// EachChunk) reads a table. Readers work with no options at all; options only
// override what they would decide on their own.
type Option func(*config)

// config holds every reader setting. The zero value is not used directly:
// newConfig gives the defaults.
type config struct {
	dictMiss     *dictMisses            // streaming: columns not worth a dictionary
	source       string                 // file name or URL, for errors and reports
	columns      []string               // Columns: read only these
	encoding     encoding.Encoding      // Encoding: nil means detect
	encodingName string                 // name of a forced encoding, for reports
	delimiter    rune                   // Delimiter: 0 means sniff
	headerRow    int                    // HeaderRow: 0 means detect; n ≥ 1 is the 1-based row
	noHeader     bool                   // NoHeader: columns are named col_1, col_2…
	types        map[string]series.Type // ColumnType
	missing      []string               // MissingValues: replaces the default markers
	extraMissing []string               // ExtraMissing: added to the markers
	noInference  bool                   // NoInference: every column is String
	report       *Report                // WithReport
	sheet        string                 // Sheet (Excel)
	sheetIndex   int                    // SheetIndex (Excel), 0 means not set
	tableIndex   int                    // TableIndex (HTML), 0 means not set
	tableMatch   string                 // TableSelector (HTML)
	tableText    string                 // TableContaining (HTML)
	cellTitles   bool                   // CellTitles (HTML)
	recordsPath  string                 // RecordsPath (JSON)
	workers      int                    // Workers: 0 means choose
	limits       Limits                 // WithLimits: zero fields mean the defaults
	lineColumn   string                 // LineColumn: "" means none
	rowLines     []int                  // the input line of each row, when a reader knows it (Excel)
	// emptyAsString types a column with no values as String (EachChunk's
	// first chunk) instead of Float.
	emptyAsString bool
}

func newConfig(opts []Option) *config {
	c := &config{}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	return c
}

// Columns reads only the named columns, in the order they have in the file.
// The other columns are skipped while parsing, not after. Naming a column
// that the table does not have is an error wrapping ErrNoColumn.
func Columns(names ...string) Option {
	return func(c *config) { c.columns = append([]string(nil), names...) }
}

// Encoding forces the text encoding instead of detecting it, e.g.
// charmap.Windows1252 or unicode.UTF8 from golang.org/x/text.
func Encoding(e encoding.Encoding) Option {
	return func(c *config) { c.encoding = e }
}

// Delimiter forces the field delimiter instead of sniffing it.
func Delimiter(r rune) Option {
	return func(c *config) { c.delimiter = r }
}

// HeaderRow says which row (1-based, counting every line of the file or
// every row of the sheet) holds the column names, instead of detecting it.
// The rows before it are skipped and listed in the report.
func HeaderRow(n int) Option {
	return func(c *config) { c.headerRow = n }
}

// NoHeader says the table has no header row: columns are named col_1,
// col_2, …
func NoHeader() Option {
	return func(c *config) { c.noHeader = true }
}

// ColumnType sets the type of one column instead of inferring it
// (series.String, series.Int, series.Float or series.Bool). A value that does
// not fit the type is an error naming its row, not a silent missing value.
func ColumnType(name string, t series.Type) Option {
	return func(c *config) {
		if c.types == nil {
			c.types = make(map[string]series.Type)
		}
		c.types[name] = t
	}
}

// MissingValues replaces the default missing-value markers ("", "NA", "N/D",
// "S/D", "-", "NULL", "No disponible"…) with the given ones. The empty string
// is always missing.
func MissingValues(markers ...string) Option {
	return func(c *config) { c.missing = append([]string(nil), markers...) }
}

// ExtraMissing adds markers to the default missing-value markers, e.g. "N/E"
// or "9999-99-99".
func ExtraMissing(markers ...string) Option {
	return func(c *config) { c.extraMissing = append(c.extraMissing, markers...) }
}

// NoInference turns type inference off: every column is read as String,
// exactly as written (missing markers still become missing values).
func NoInference() Option {
	return func(c *config) { c.noInference = true }
}

// WithReport fills r with the reader's decisions: encoding, delimiter,
// header row, skipped rows and why, the type of each column and why, and how
// many values became missing.
func WithReport(r *Report) Option {
	return func(c *config) { c.report = r }
}

// Source names the input in errors and reports when the reader is given an
// io.Reader (ReadCSVFile and ReadExcel use the path).
func Source(name string) Option {
	return func(c *config) { c.source = name }
}

// Sheet chooses an Excel sheet by name. By default ReadExcel reads the first
// sheet that has data.
func Sheet(name string) Option {
	return func(c *config) { c.sheet = name }
}

// SheetIndex chooses an Excel sheet by its 1-based position.
func SheetIndex(i int) Option {
	return func(c *config) { c.sheetIndex = i }
}

// TableIndex makes HTMLTables return only the table at this 1-based position
// among the page's tables.
func TableIndex(i int) Option {
	return func(c *config) { c.tableIndex = i }
}

// TableSelector makes HTMLTables return only the tables matched by this CSS
// selector (e.g. "table.matriz", "#resultados").
func TableSelector(css string) Option {
	return func(c *config) { c.tableMatch = css }
}

// TableContaining makes HTMLTables return only the tables whose text
// contains s (compared without regard to case or accents).
func TableContaining(s string) Option {
	return func(c *config) { c.tableText = s }
}

// CellTitles makes HTMLTables keep the title attribute (tooltip) of the
// data cells. Government pages often write the unit, date and source of
// each value only there, as the IMPLAN Torreón matrix does under its
// "La Laguna" column:
//
//	<td><a data-toggle="tooltip" title="Cantidad, 2014-11-30, Secretariado
//	  Ejecutivo del Sistema Nacional de Seguridad Pública">1,179</a></td>
//
// With CellTitles that table gets a String column "La Laguna_title",
// right after "La Laguna", holding "Cantidad, 2014-11-30, Secretariado
// Ejecutivo del Sistema Nacional de Seguridad Pública" in that row. Such a column is added for every column whose data cells carry a
// title, on the <td> or <th> itself or on the element that is its only
// content (an <a>, <span> or <abbr>, however deeply nested alone; a
// footnote marker beside it is allowed, other text or a second element is
// not). Whitespace in the title is collapsed; a cell with no title gives a
// missing value (missing-value markers do not apply to titles, but gota
// reads a title of exactly "NaN" as missing). A cell spanning rows or
// columns repeats its title as it repeats its text. Header cells' titles
// are not read.
//
// With Columns, asking for a column keeps its title column too, and a
// title column can be asked for by its own name; ColumnType can name it.
// The report describes the title columns like any other. Without
// CellTitles, or on a table with no titled data cell, nothing changes.
// Other readers ignore it.
func CellTitles() Option {
	return func(c *config) { c.cellTitles = true }
}

// RecordsPath names the dotted path to the array of records in a JSON
// document, e.g. "result.records" in a CKAN answer or "bmx.series.0.datos".
func RecordsPath(path string) Option {
	return func(c *config) { c.recordsPath = path }
}

// Workers sets how many goroutines parse a large CSV. 0 (the default)
// chooses by input size and the number of CPUs; 1 parses serially.
func Workers(n int) Option {
	return func(c *config) { c.workers = n }
}
