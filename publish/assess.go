package publish

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/datacon-mx/cifra/fetch"
	"github.com/datacon-mx/cifra/internal/tableschema"
	"github.com/go-gota/gota/dataframe"
)

// Check is one requirement of Mexico's open-data guide tested on a file.
type Check struct {
	// ID names the check: "utf8", "flat", "geo_codes", "iso_dates",
	// "no_totals", "no_units_in_values", "one_type_per_column",
	// "no_duplicate_rows", "one_spelling", "clear_names", "dictionary".
	ID string
	// Requirement says what the guide asks, in one line.
	Requirement string
	// Applies is false when the file has nothing the check is about (no
	// places for geo_codes, no dates for iso_dates, no package for
	// dictionary); such a check neither passes nor fails.
	Applies bool
	// Passed is true when the file meets the requirement (false when the
	// check does not apply).
	Passed bool
	// Evidence says what was found: the lines, columns, rows and values
	// behind the verdict.
	Evidence string
}

// Assessment is how far one file (or the tables of one package) is from
// the guide's high-value dataset.
type Assessment struct {
	Path    string
	Format  string // "csv", "xlsx", "json", "datapackage"
	Rows    int
	Columns int
	Checks  []Check
}

// Score is the share of the applicable checks that passed, from 0 to 1
// (0 when none applies).
func (a Assessment) Score() float64 {
	n, ok := 0, 0
	for _, c := range a.Checks {
		if c.Applies {
			n++
			if c.Passed {
				ok++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(ok) / float64(n)
}

// Find returns the check with this ID.
func (a Assessment) Find(id string) (Check, bool) {
	for _, c := range a.Checks {
		if c.ID == id {
			return c, true
		}
	}
	return Check{}, false
}

// Failed lists the IDs of the applicable checks that did not pass.
func (a Assessment) Failed() []string {
	var out []string
	for _, c := range a.Checks {
		if c.Applies && !c.Passed {
			out = append(out, c.ID)
		}
	}
	return out
}

// String prints the score and one line per check.
func (a Assessment) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s, %d rows, %d columns): score %.2f\n", a.Path, a.Format, a.Rows, a.Columns, a.Score())
	for _, c := range a.Checks {
		mark := "FAIL"
		switch {
		case !c.Applies:
			mark = "n/a "
		case c.Passed:
			mark = "ok  "
		}
		fmt.Fprintf(&b, "  %s %-20s %s\n", mark, c.ID, c.Evidence)
	}
	return b.String()
}

// Assess measures a file against Mexico's open-data guide (the guide
// behind datos.gob.mx), check by check with evidence:
//
//   - utf8: the text is UTF-8 (the encoding fetch's reader detected);
//   - flat: one header row on line 1 and nothing else: no title or
//     metadata lines above it, no notes or "Fuente:" lines below, no
//     empty header cells (merged cells), no spreadsheet formulas;
//   - geo_codes: where there are places (state or municipality names or
//     codes), INEGI's codes are there, as text with their zeros ("09",
//     "09002"), one code per cell;
//   - iso_dates: dates and periods in ISO 8601 ("2024-10-17", "2024-10"),
//     and no periods spread as column names (a column per month);
//   - no_totals: no total or subtotal rows: rows equal to the sum of the
//     rows they head or close (internal/totals, the detector of
//     clean.DropTotals and analyze.Profile), and no national code "00";
//   - no_units_in_values: numbers without currency symbols, units,
//     percent signs, thousands separators or footnote marks inside the
//     values (internal/num, the parser fetch and clean share);
//   - one_type_per_column: no column mixing numbers and text (fetch's type
//     inference: `not a number: "*"`);
//   - no_duplicate_rows: no row repeats another (clean.Duplicates);
//   - one_spelling: no category written several ways (clean.Clusters with
//     the fingerprint method);
//   - clear_names: column names that are present, unique, snake_case
//     ASCII (clean.NameString) and not bare abbreviations unless a
//     dictionary explains them;
//   - dictionary: when the file is part of a Data Package, its dictionary
//     (Table Schema, diccionario.csv) lists every column and describes
//     every code column and abbreviated name, as the guide asks "where
//     codes are kept".
//
// path is a CSV, TSV or TXT file, an Excel workbook (.xlsx, first sheet),
// a JSON file, a saved web page (.html: its largest table, which fails
// flat: a page is not a data file), or a Data Package (its datapackage.json or its folder), in
// which case every resource is assessed and a check passes only when it
// passes for all. Score is the share of applicable checks passed. A file
// that cannot be read is an error naming it.
func Assess(path string) (Assessment, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, DescriptorFile)
	}
	if filepath.Base(path) == DescriptorFile || strings.HasSuffix(path, ".datapackage.json") {
		return assessPackage(path)
	}
	pkg := packageOf(path)
	return assessFile(path, pkg)
}

// packageOf finds the package that lists path: a datapackage.json in the
// file's folder or the one above it (for data kept in data/).
func packageOf(path string) *pkgInfo {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	dir := filepath.Dir(abs)
	for _, d := range []string{dir, filepath.Dir(dir)} {
		p, err := tableschema.Load(filepath.Join(d, DescriptorFile))
		if err != nil {
			continue
		}
		rel, err := filepath.Rel(d, abs)
		if err != nil {
			continue
		}
		for i := range p.Resources {
			for _, rp := range p.Resources[i].Paths {
				if filepath.Clean(filepath.FromSlash(rp)) == rel {
					return &pkgInfo{dir: d, res: &p.Resources[i]}
				}
			}
		}
	}
	return nil
}

type pkgInfo struct {
	dir string
	res *tableschema.Resource
}

func assessPackage(descriptor string) (Assessment, error) {
	p, err := tableschema.Load(descriptor)
	if err != nil {
		return Assessment{}, fmt.Errorf("publish: Assess: %s: %w", descriptor, err)
	}
	out := Assessment{Path: descriptor, Format: "datapackage"}
	var parts []Assessment
	var names []string
	for i := range p.Resources {
		r := &p.Resources[i]
		if len(r.Paths) != 1 || strings.Contains(r.Paths[0], "://") || tableschema.SafePath(r.Paths[0]) != nil {
			continue
		}
		a, err := assessFile(filepath.Join(p.Dir, filepath.FromSlash(r.Paths[0])), &pkgInfo{dir: p.Dir, res: r})
		if err != nil {
			return Assessment{}, err
		}
		parts = append(parts, a)
		names = append(names, r.Name)
		out.Rows += a.Rows
		out.Columns += a.Columns
	}
	if len(parts) == 0 {
		return Assessment{}, fmt.Errorf("publish: Assess: %s: %w: no local data file", descriptor, ErrEmpty)
	}
	for k := range parts[0].Checks {
		c := Check{ID: parts[0].Checks[k].ID, Requirement: parts[0].Checks[k].Requirement, Passed: true}
		var ev []string
		for i, a := range parts {
			pc := a.Checks[k]
			if !pc.Applies {
				continue
			}
			c.Applies = true
			if !pc.Passed {
				c.Passed = false
			}
			ev = append(ev, names[i]+": "+pc.Evidence)
		}
		if !c.Applies {
			c.Passed = false
			ev = []string{parts[0].Checks[k].Evidence}
		}
		c.Evidence = strings.Join(ev, "; ")
		out.Checks = append(out.Checks, c)
	}
	return out, nil
}

// assessFile reads a file twice, typed (with the reader's report) and as
// written, and runs every check.
func assessFile(path string, pkg *pkgInfo) (Assessment, error) {
	a := Assessment{Path: path}
	var rep fetch.Report
	df, err := readAny(path, &a.Format, fetch.WithReport(&rep))
	if err != nil {
		return a, rewrap("publish: Assess: ", err)
	}
	var rawRep fetch.Report
	raw, err := readAny(path, &a.Format, fetch.NoInference(), fetch.WithReport(&rawRep))
	if err != nil {
		return a, rewrap("publish: Assess: ", err)
	}
	a.Rows, a.Columns = df.Nrow(), df.Ncol()
	in := &input{path: path, df: df, raw: raw, rep: rep, pkg: pkg, format: a.Format}
	for _, c := range checks {
		res := c.run(in)
		res.ID, res.Requirement = c.id, c.requirement
		if !res.Applies {
			res.Passed = false
		}
		a.Checks = append(a.Checks, res)
	}
	return a, nil
}

func readAny(path string, format *string, opts ...fetch.Option) (dataframe.DataFrame, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		*format = "xlsx"
		return fetch.ReadExcel(path, opts...)
	case ".json", ".jsonl":
		*format = "json"
		f, err := os.Open(path)
		if err != nil {
			return dataframe.DataFrame{}, err
		}
		defer f.Close()
		return fetch.ReadJSON(f, append(opts, fetch.Source(path))...)
	case ".html", ".htm":
		*format = "html"
		return largestTable(path, opts)
	}
	*format = "csv"
	return fetch.ReadCSVFile(path, opts...)
}

// largestTable reads the HTML table with the most cells of a page.
func largestTable(path string, opts []fetch.Option) (dataframe.DataFrame, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	tables, err := fetch.HTMLTables(bytes.NewReader(b), fetch.Source(path))
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	best, cells := 0, -1
	for i, t := range tables {
		if n := t.Nrow() * t.Ncol(); n > cells {
			best, cells = i, n
		}
	}
	all, err := fetch.HTMLTables(bytes.NewReader(b), append(opts, fetch.Source(path))...)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	if best >= len(all) {
		return dataframe.DataFrame{}, fmt.Errorf("%s: %w", path, ErrEmpty)
	}
	return all[best], nil
}

// prefixed is an error from another package re-worded with this package's
// prefix (and not two): it still unwraps to the original.
type prefixed struct {
	msg string
	err error
}

func (e *prefixed) Error() string { return e.msg }
func (e *prefixed) Unwrap() error { return e.err }

// rewrap gives err the prefix instead of the package name it starts with
// ("fetch: ReadCSVFile: …" becomes "publish: Assess: ReadCSVFile: …").
func rewrap(prefix string, err error) error {
	msg := err.Error()
	if i := strings.Index(msg, ": "); i > 0 && !strings.ContainsAny(msg[:i], " /\\.") {
		msg = msg[i+2:]
	}
	return &prefixed{msg: prefix + msg, err: err}
}
