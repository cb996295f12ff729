package publish

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/datacon-mx/cifra/internal/tableschema"
)

// MaxProblems is the most problems a ValidationReport lists; Total still
// counts them all and Capped says the list was cut.
const MaxProblems = 1000

// Problem is one thing wrong with a package: in its descriptor, or in a
// cell, row or file of one of its resources.
type Problem struct {
	// Resource is the resource's name; "" for the descriptor as a whole.
	Resource string
	// Row is the 1-based data row of the resource (row 1 is the first row
	// after the header); 0 when the problem is not in one row.
	Row int
	// Line is the 1-based line of the data file where the row starts
	// (with a one-line header, Line = Row + 1); 0 when unknown.
	Line int
	// Field is the field's name; "" when the problem is not in one field.
	Field string
	// Value is the cell as written, when the problem is in one cell.
	Value string
	// Code names the kind of problem, as the reference validator does:
	// "descriptor-error", "schema-error", "source-error", "hash-count",
	// "byte-count", "encoding-error", "incorrect-label", "missing-label",
	// "extra-label", "duplicate-label", "blank-row", "extra-cell",
	// "missing-cell", "type-error", "constraint-error", "unique-error",
	// "primary-key", "foreign-key".
	Code string
	// Message says what is wrong, in English.
	Message string
}

// String prints the problem with its place: resource, row (and line),
// field.
func (p Problem) String() string {
	var where []string
	if p.Resource != "" {
		where = append(where, "resource "+quote(p.Resource))
	}
	if p.Row > 0 {
		r := fmt.Sprintf("row %d", p.Row)
		if p.Line > 0 {
			r += fmt.Sprintf(" (line %d)", p.Line)
		}
		where = append(where, r)
	}
	if p.Field != "" {
		where = append(where, "field "+quote(p.Field))
	}
	if len(where) == 0 {
		return p.Code + ": " + p.Message
	}
	return strings.Join(where, ", ") + ": " + p.Code + ": " + p.Message
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

// ResourceSummary says how much of one resource was checked.
type ResourceSummary struct {
	Name     string
	Path     string
	Rows     int // data rows read
	Problems int // problems found in it (listed or not)
}

// ValidationReport is the result of Validate.
type ValidationReport struct {
	// Descriptor is the descriptor's path.
	Descriptor string
	// Version is "2.0" for a descriptor that declares the v2 profile,
	// else "1.0".
	Version   string
	Resources []ResourceSummary
	// Problems lists up to MaxProblems problems: the descriptor's first,
	// then each resource's in file order, then foreign keys.
	Problems []Problem
	// Total counts every problem found; Capped is true when Total is more
	// than the list holds.
	Total  int
	Capped bool
}

// Valid reports whether no problem was found.
func (r ValidationReport) Valid() bool { return r.Total == 0 }

// String prints a summary and every listed problem.
func (r ValidationReport) String() string {
	var b strings.Builder
	state := "valid"
	if !r.Valid() {
		state = fmt.Sprintf("%d problems", r.Total)
	}
	fmt.Fprintf(&b, "%s (Data Package %s): %s\n", r.Descriptor, r.Version, state)
	for _, s := range r.Resources {
		fmt.Fprintf(&b, "  %s (%s): %d rows, %d problems\n", s.Name, s.Path, s.Rows, s.Problems)
	}
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "  - %s\n", p)
	}
	if r.Capped {
		fmt.Fprintf(&b, "  … %d more problems not listed (the list stops at %d)\n", r.Total-len(r.Problems), MaxProblems)
	}
	return b.String()
}

func (r *ValidationReport) add(p Problem) {
	r.Total++
	for i := range r.Resources {
		if p.Resource != "" && r.Resources[i].Name == p.Resource {
			r.Resources[i].Problems++
			break
		}
	}
	if len(r.Problems) < MaxProblems {
		r.Problems = append(r.Problems, p)
	} else {
		r.Capped = true
	}
}

// Validate checks a Data Package the way the reference validator does.
// descriptor is the path of a datapackage.json (or of the folder holding
// one). Both v2 descriptors and v1 ones ("profile":
// "tabular-data-package") are accepted.
//
// First the descriptor is validated against the official Data Package v2
// profile, embedded in cifra (JSON Schema, with ECMA-262 regular
// expressions as the profile requires); v1 descriptors are checked against
// it too, as v2 keeps them valid. Then every resource's data file is read
// and checked against its Table Schema: size ("bytes") and "hash" (md5,
// sha1, sha256 or sha512); header labels against field names; every cell
// against its field's type (integer, number, string and its formats,
// boolean, date, datetime, time with their "format", year, yearmonth,
// duration, geopoint, object, array), honouring missingValues,
// decimalChar, groupChar, bareNumber, trueValues and falseValues; the
// constraints required, unique, minimum, maximum, minLength, maxLength,
// pattern and enum, and categories; primary-key uniqueness; and foreign
// keys within the package.
//
// Validation never stops at the first problem: the report lists up to
// MaxProblems, each with its resource, 1-based data row, file line and
// field. The error is non-nil only when the descriptor cannot be read at
// all (a missing file); a descriptor that is not JSON is a problem in the
// report.
func Validate(descriptor string) (ValidationReport, error) {
	if st, err := os.Stat(descriptor); err == nil && st.IsDir() {
		descriptor = filepath.Join(descriptor, DescriptorFile)
	}
	rep := ValidationReport{Descriptor: descriptor, Version: "1.0"}
	b, err := os.ReadFile(descriptor)
	if err != nil {
		return rep, fmt.Errorf("publish: Validate: %w", err)
	}
	if len(b) > tableschema.MaxDescriptorBytes {
		return rep, fmt.Errorf("publish: Validate: %s: %d bytes: %w", descriptor, len(b), ErrTooLarge)
	}
	validateBytes(&rep, b, filepath.Dir(descriptor))
	return rep, nil
}

// validateBytes does the work of Validate on a descriptor's bytes.
func validateBytes(rep *ValidationReport, b []byte, dir string) {
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		rep.add(Problem{Code: "descriptor-error", Message: "descriptor is not valid JSON: " + err.Error()})
		return
	}
	m, ok := doc.(map[string]any)
	if !ok {
		rep.add(Problem{Code: "descriptor-error", Message: "descriptor is not a JSON object"})
		return
	}
	if s, _ := m["$schema"].(string); strings.Contains(s, "/2.0/") {
		rep.Version = "2.0"
	}
	rs, _ := m["resources"].([]any)
	name := func(i int) string {
		if i < len(rs) {
			if r, ok := rs[i].(map[string]any); ok {
				if n, ok := r["name"].(string); ok {
					return n
				}
			}
		}
		return fmt.Sprintf("#%d", i+1)
	}
	probs, err := profileProblems(doc, name)
	if err != nil {
		rep.add(Problem{Code: "descriptor-error", Message: err.Error()})
		return
	}
	for _, p := range probs {
		rep.add(p)
	}
	pkg, err := tableschema.Parse(b, dir)
	if err != nil {
		rep.add(Problem{Code: "descriptor-error", Message: err.Error()})
		return
	}
	checkData(rep, pkg)
}
