package fetch

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-gota/gota/dataframe"
)

// ReadCSV reads a delimited text table (CSV, TSV, semicolon- or
// pipe-separated) into a DataFrame with typed columns.
//
// With no options it detects the encoding (UTF-8 with or without BOM,
// UTF-16 with BOM, else Windows-1252), sniffs the delimiter, honours an
// Excel "sep=" first line, finds the header row after any title lines,
// drops trailing "Fuente:"/"Nota:" lines, infers Int, Float, Bool or String
// per column (codes with leading zeros, and columns named like codes such
// as "cve_ent", "Cve. Municipio" or INEGI's ENTIDAD/MUN/LOC, stay text) and
// turns missing markers ("", "NA", "N/D", "-", …) into missing values.
// WithReport tells every decision. Binary input (ZIP, xlsx, PDF, gzip)
// and an HTML page saved under a data name are errors wrapping ErrFormat;
// input past a budget of Limits (1 GiB, a line of 16 MiB, 16,384 fields)
// is an error wrapping ErrTooLarge, found as the bytes arrive.
// See the package documentation for the input rules.
//
// String values are kept exactly as written (not trimmed); header names are
// trimmed and made unique. With Columns, only the selected columns are
// typed, and the scanner keeps the positions of their fields only (the
// header, notes and ragged rows are still checked on whole records).
func ReadCSV(r io.Reader, opts ...Option) (dataframe.DataFrame, error) {
	cfg := newConfig(opts)
	if r == nil {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: nil reader: %w", orDash(cfg.source), ErrEmpty)
	}
	in, err := readInput(cfg, r, 0)
	if err != nil {
		return dataframe.DataFrame{}, suggestChunks(err)
	}
	return readCSVString(cfg, in)
}

// ReadCSVFile reads the CSV file at path; see ReadCSV. Errors and the
// report name the file.
//
// A file of 4 MB or more is read in a pipeline: blocks of records are
// checked and scanned on all cores while the rest is read (the result is
// the same as ReadCSV's). Without Columns the whole file is held in memory
// while it is read; with Columns, each block lets go of its text once its
// selected fields are copied out, and the few records the layout needs
// whole again (a ragged or blank row, a duplicate to confirm) are read
// back from the file and checked against what was first read: a file
// changed in the meantime is an error wrapping ErrChanged. For files
// larger than memory use EachChunk. A large table triggers a garbage
// collection or two while it is built, where they cost least (this keeps
// the peak memory and the time down).
func ReadCSVFile(path string, opts ...Option) (dataframe.DataFrame, error) {
	cfg := newConfig(opts)
	if cfg.source == "" {
		cfg.source = filepath.Base(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: %w", path, err)
	}
	defer f.Close()
	var hint int64
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > cfg.lim().InputBytes {
		return dataframe.DataFrame{}, tooLarge(cfg.source, fmt.Sprintf("%d bytes (read it in chunks with fetch.EachChunk or fetch.EachChunkParallel)", st.Size()), cfg.lim().InputBytes, "InputBytes")
	}
	if st, err := f.Stat(); err == nil && st.Size() > 0 && st.Size() < 1<<40 {
		if st.Size() >= pipeMin && st.Size() < maxInput && st.Mode().IsRegular() && st.Size() <= cfg.lim().InputBytes {
			return readCSVFilePipelined(cfg, f, st.Size())
		}
		hint = st.Size()
	}
	in, err := readInput(cfg, f, hint)
	if err != nil {
		return dataframe.DataFrame{}, suggestChunks(err)
	}
	return readCSVString(cfg, in)
}

// suggestChunks adds to an input over the InputBytes budget the
// streaming calls that read it with flat memory.
func suggestChunks(err error) error {
	if errors.Is(err, ErrTooLarge) && strings.Contains(err.Error(), "InputBytes") {
		return fmt.Errorf("%w; or read it in chunks with fetch.EachChunk or fetch.EachChunkParallel", err)
	}
	return err
}

// readCSVString is ReadCSV on the whole input. The input is read into one
// string and every field value is a substring of it (or of its UTF-8
// decoding), so values cost no copy.
func readCSVString(cfg *config, in string) (dataframe.DataFrame, error) {
	rep := cfg.report
	if rep == nil {
		rep = &Report{}
	}
	*rep = Report{Source: cfg.source, Format: "csv"}
	if len(strings.TrimSpace(in)) == 0 {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: the input is empty: %w", orDash(cfg.source), ErrEmpty)
	}
	s, enc, lazy, err := decodeLazy(cfg, in)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	in = ""
	if len(s) > maxInput {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: %d bytes is more than ReadCSV holds in memory (4 GB): read it with EachChunk: %w", orDash(cfg.source), len(s), ErrUnsupported)
	}
	rep.Encoding = enc
	d, from, firstLine := cfg.dialect(s, rep)
	if oldMacLineEnds(s) {
		s = strings.ReplaceAll(s, "\r", "\n")
		rep.Notes = append(rep.Notes, "line ends are CR alone (old Mac); read as line breaks")
	} else {
		noteLoneCR(s, rep)
	}
	head := s
	if len(head) > pipeHead {
		head = head[:pipeHead]
	}
	keep := cfg.projection(head, from, d, len(head) == len(s))
	segs, err := scanAll(cfg.source, s, from, d, firstLine, cfg.workers, keep, true)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	for _, seg := range segs {
		seg.win1252 = lazy
	}
	return finishCSV(cfg, segs, d, rep)
}

// finishCSV turns the scanned records into the table.
func finishCSV(cfg *config, segs []*recs, d byte, rep *Report) (dataframe.DataFrame, error) {
	rs := newRecordSet(segs, d)
	if rs.n == 0 {
		return dataframe.DataFrame{}, fmt.Errorf("fetch: %s: no records: %w", orDash(cfg.source), ErrEmpty)
	}
	if err := checkWidth(cfg, rs); err != nil {
		return dataframe.DataFrame{}, err
	}
	lay, err := planLayout(cfg, rs, rep, true)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	return buildTable(cfg, rs, lay, rep)
}

// dialect decides the delimiter (honouring a "sep=" line) and returns it
// with the offset where records start and that offset's line number.
func (c *config) dialect(text string, rep *Report) (d byte, from, firstLine int) {
	firstLine = 1
	if sd, n, ok := sepLine(text); ok {
		d, from, firstLine = sd, n, 2
		rep.Skipped = append(rep.Skipped, SkippedLine{Line: 1, Reason: "Excel sep= line", Text: strings.TrimSpace(text[:n])})
	}
	switch {
	case c.delimiter != 0:
		if c.delimiter < 0x80 {
			d = byte(c.delimiter)
		} else {
			rep.Notes = append(rep.Notes, fmt.Sprintf("delimiter %q is not ASCII; sniffed instead", c.delimiter))
		}
	}
	if d == 0 {
		d = sniffDelimiter(text[from:])
	}
	rep.Delimiter = delimiterName(d)
	return d, from, firstLine
}

// loneCRs counts the carriage returns of s that no line feed follows.
func loneCRs(s string) int {
	n := strings.Count(s, "\r")
	if n == 0 {
		return 0
	}
	return n - strings.Count(s, "\r\n")
}

// noteLoneCR reports carriage returns that are not part of a CRLF line
// end in a file whose lines end in LF or CRLF. Such a CR stays inside its
// value, as encoding/csv keeps it, and is not read as a line end; the
// report says where the first one is, because a file that mixes line-end
// styles would otherwise show two rows joined into one value with no word
// about it.
func noteLoneCR(s string, rep *Report) {
	lone := loneCRs(s)
	if lone == 0 {
		return
	}
	at := firstLoneCR(s)
	if at < 0 {
		return
	}
	rep.Notes = append(rep.Notes, loneCRNote(lone, strings.Count(s[:at], "\n")+1))
}

// firstLoneCR returns the offset of the first carriage return of s that no
// line feed follows, or -1.
func firstLoneCR(s string) int {
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '\r')
		if j < 0 {
			break
		}
		i += j
		if i+1 >= len(s) || s[i+1] != '\n' {
			return i
		}
		i++
	}
	return -1
}

// loneCRNote is the report's note on lone carriage returns, the first on
// the given line.
func loneCRNote(lone, line int) string {
	return fmt.Sprintf("%d carriage returns (CR) without a line feed, the first on line %d: kept inside their values, not read as line ends (the file may mix line-end styles)", lone, line)
}
