package clean

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// ErrDuplicate is the former name of ErrDuplicate, which Wider wraps
// when two rows have the same identifiers and the same name (one cell
// would have two values).
//
// Deprecated: use ErrDuplicate (the same value).
var ErrDuplicateKey = ErrDuplicate

// Longer turns the columns that are not identifiers into rows (wide to
// long, "melt"): each input row gives one output row per value column, in
// column order, with the identifiers repeated, the column's name in
// namesTo and the cell in valuesTo. SESNSP's files with one column per
// month (Enero … Diciembre) become one row per state, crime and month.
//
// The value type: Int when every value column is Int, Float when they are
// all numeric, Bool when all Bool, text otherwise (numbers written in
// their shortest form). Columns with no value at all (future months of a
// year in progress) do not count when choosing it. Missing stays missing,
// never 0; an empty or whitespace-only text cell is missing too.
//
// Errors: an identifier column that does not exist (ErrNoColumn); no
// column left to turn into rows, an empty or clashing namesTo/valuesTo
// (ErrArgument).
func Longer(df dataframe.DataFrame, idCols []string, namesTo, valuesTo string) (dataframe.DataFrame, error) {
	if df.Err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("clean: longer: %w: %v", ErrFrame, df.Err)
	}
	if err := checkIDs(df, "longer", idCols); err != nil {
		return dataframe.DataFrame{}, err
	}
	isID := map[string]bool{}
	for _, c := range idCols {
		isID[c] = true
	}
	if strings.TrimSpace(namesTo) == "" || strings.TrimSpace(valuesTo) == "" || namesTo == valuesTo || isID[namesTo] || isID[valuesTo] {
		return dataframe.DataFrame{}, fmt.Errorf("clean: longer: %w: namesTo %q and valuesTo %q must be two new, non-empty names distinct from the identifiers", ErrArgument, namesTo, valuesTo)
	}
	var valCols []column
	for _, n := range df.Names() {
		if !isID[n] {
			valCols = append(valCols, readColumn(df.Col(n)))
		}
	}
	if len(valCols) == 0 {
		return dataframe.DataFrame{}, fmt.Errorf("clean: longer: %w: every column is an identifier; nothing to turn into rows", ErrArgument)
	}
	nrow, nval := df.Nrow(), len(valCols)
	total := nrow * nval

	// Output type from the columns that hold at least one value.
	typ := series.Type("")
	for i := range valCols {
		c := &valCols[i]
		if c.typ == series.String {
			for r, s := range c.str {
				if !c.na[r] && strings.TrimSpace(s) == "" {
					c.na[r] = true
				}
			}
		}
		if allTrue(c.na) {
			continue
		}
		switch {
		case typ == "":
			typ = c.typ
		case typ == c.typ:
		case (typ == series.Int || typ == series.Float) && c.numeric():
			typ = series.Float
		default:
			typ = series.String
		}
	}
	if typ == "" {
		typ = series.Float
	}

	rowIdx := make([]int32, total)
	names := make([]string, total)
	for r := 0; r < nrow; r++ {
		for j := 0; j < nval; j++ {
			rowIdx[r*nval+j] = int32(r)
			names[r*nval+j] = valCols[j].name
		}
	}
	cols := make([]series.Series, 0, len(idCols)+2)
	for _, id := range idCols {
		cols = append(cols, gather(id, readColumn(df.Col(id)), rowIdx))
	}
	cols = append(cols, frame.Strings(namesTo, names, nil))
	cols = append(cols, stackValues(valuesTo, valCols, typ, nrow))
	out, err := frame.New(cols...)
	if err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("clean: longer: %w: %v", ErrFrame, err)
	}
	return out, nil
}

func allTrue(b []bool) bool {
	for _, x := range b {
		if !x {
			return false
		}
	}
	return true
}

// stackValues interleaves the value columns row by row into one series.
func stackValues(name string, cols []column, typ series.Type, nrow int) series.Series {
	n := len(cols)
	na := make([]bool, nrow*n)
	switch typ {
	case series.Int, series.Float:
		v := make([]float64, nrow*n)
		for j, c := range cols {
			for r := 0; r < nrow; r++ {
				k := r*n + j
				if c.na[r] || !c.numeric() {
					na[k] = true
					continue
				}
				v[k] = c.num[r]
			}
		}
		if typ == series.Int {
			iv := make([]int, len(v))
			for i, x := range v {
				iv[i] = int(x)
			}
			// Exact integers where the column has them (float64 rounds
			// beyond 2^53).
			for j, c := range cols {
				if c.ints == nil {
					continue
				}
				for r := 0; r < nrow; r++ {
					if k := r*n + j; !na[k] {
						iv[k] = c.ints[r]
					}
				}
			}
			return frame.Ints(name, iv, na)
		}
		return frame.Floats(name, v, na)
	case series.Bool:
		v := make([]bool, nrow*n)
		for j, c := range cols {
			for r := 0; r < nrow; r++ {
				k := r*n + j
				if c.na[r] || c.typ != series.Bool {
					na[k] = true
					continue
				}
				v[k] = c.str[r] == "true"
			}
		}
		return frame.Bools(name, v, na)
	}
	v := make([]string, nrow*n)
	for j, c := range cols {
		for r := 0; r < nrow; r++ {
			k := r*n + j
			if c.na[r] {
				na[k] = true
				continue
			}
			v[k] = c.text(r)
		}
	}
	return frame.Strings(name, v, na)
}

func checkIDs(df dataframe.DataFrame, op string, ids []string) error {
	have := map[string]bool{}
	for _, n := range df.Names() {
		have[n] = true
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if !have[id] {
			return fmt.Errorf("clean: %s: column %q: %w (columns: %s)", op, id, ErrNoColumn, strings.Join(df.Names(), ", "))
		}
		if seen[id] {
			return fmt.Errorf("clean: %s: %w: identifier %q named twice", op, ErrArgument, id)
		}
		seen[id] = true
	}
	return nil
}

// Wider turns rows into columns (long to wide, "pivot"): one output row
// per distinct combination of the identifier columns (in order of first
// appearance), one new column per distinct value of namesFrom (in order
// of first appearance) holding the matching cell of valuesFrom. Cells
// with no row stay missing. The new columns keep valuesFrom's type;
// numeric names are written in their shortest form ("2024"). Columns
// other than the identifiers, namesFrom and valuesFrom are not kept
// (pivot one value column per call, or join the results).
//
// Errors: a column that does not exist (ErrNoColumn); a missing or empty
// name, a name equal to an identifier column, or namesFrom/valuesFrom
// among the identifiers (ErrArgument); two rows with the same
// identifiers and name (ErrDuplicate, naming them).
func Wider(df dataframe.DataFrame, idCols []string, namesFrom, valuesFrom string) (dataframe.DataFrame, error) {
	if df.Err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("clean: wider: %w: %v", ErrFrame, df.Err)
	}
	if err := checkIDs(df, "wider", append(append([]string(nil), idCols...), namesFrom, valuesFrom)); err != nil {
		return dataframe.DataFrame{}, err
	}
	ids := make([]column, len(idCols))
	for i, id := range idCols {
		ids[i] = readColumn(df.Col(id))
	}
	names := readColumn(df.Col(namesFrom))
	vals := readColumn(df.Col(valuesFrom))
	nrow := df.Nrow()

	// Group rows by their identifier tuple (length-prefixed parts: no
	// collisions between "a_b","c" and "a","b_c").
	group := make([]int32, nrow)
	first := []int32{}
	groupOf := map[string]int32{}
	var buf []byte
	for r := 0; r < nrow; r++ {
		buf = buf[:0]
		for _, c := range ids {
			if c.na[r] {
				buf = binary.LittleEndian.AppendUint32(buf, 0xFFFFFFFF)
				continue
			}
			t := c.text(r)
			buf = binary.LittleEndian.AppendUint32(buf, uint32(len(t)))
			buf = append(buf, t...)
		}
		g, ok := groupOf[string(buf)]
		if !ok {
			g = int32(len(first))
			groupOf[string(buf)] = g
			first = append(first, int32(r))
		}
		group[r] = g
	}
	isID := map[string]bool{}
	for _, id := range idCols {
		isID[id] = true
	}
	colOf := map[string]int{}
	var newNames []string
	var cells [][]int32 // per new column, the source row of each group (-1 none)
	for r := 0; r < nrow; r++ {
		n := names.text(r)
		if names.na[r] || strings.TrimSpace(n) == "" {
			return dataframe.DataFrame{}, fmt.Errorf("clean: wider: column %q row %d: %w: a missing name cannot become a column", namesFrom, r+1, ErrArgument)
		}
		j, ok := colOf[n]
		if !ok {
			if isID[n] {
				return dataframe.DataFrame{}, fmt.Errorf("clean: wider: column %q row %d: %w: name %q is also an identifier column", namesFrom, r+1, ErrArgument, n)
			}
			j = len(newNames)
			colOf[n] = j
			newNames = append(newNames, n)
			c := make([]int32, len(first), len(first)+nrow/8)
			for i := range c {
				c[i] = -1
			}
			cells = append(cells, c)
		}
		// cells[j] may be shorter than the groups seen so far.
		for len(cells[j]) < len(first) {
			cells[j] = append(cells[j], -1)
		}
		g := group[r]
		if prev := cells[j][g]; prev >= 0 {
			return dataframe.DataFrame{}, fmt.Errorf("clean: wider: %w: rows %d and %d have the same identifiers (%s) and %s %q", ErrDuplicate, prev, r, describeRow(ids, int(prev)), namesFrom, n)
		}
		cells[j][g] = int32(r)
	}
	cols := make([]series.Series, 0, len(ids)+len(newNames))
	for _, c := range ids {
		cols = append(cols, gather(c.name, c, first))
	}
	for j, n := range newNames {
		for len(cells[j]) < len(first) {
			cells[j] = append(cells[j], -1)
		}
		cols = append(cols, gather(n, vals, cells[j]))
	}
	out, err := frame.New(cols...)
	if err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("clean: wider: %w: %v", ErrFrame, err)
	}
	return out, nil
}

func describeRow(cols []column, r int) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		v := "missing"
		if !c.na[r] {
			v = fmt.Sprintf("%q", c.text(r))
		}
		parts[i] = c.name + "=" + v
	}
	return strings.Join(parts, ", ")
}
