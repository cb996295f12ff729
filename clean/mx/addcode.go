package mx

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/datacon-mx/cifra/internal/errs"
	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/datacon-mx/cifra/internal/missing"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Sentinel errors, wrapped by the errors this package returns.
var (
	// ErrNoColumn means a column named in a call does not exist. It is
	// the value every stage shares (clean.ErrNoColumn is the same).
	ErrNoColumn = errs.ErrNoColumn
	// ErrDuplicate means the column to add already exists.
	ErrDuplicate = errs.ErrDuplicate
	// ErrArgument means an argument is unusable (an empty column name).
	ErrArgument = errs.ErrArgument

	// ErrColumn is wrapped, beside ErrNoColumn, ErrDuplicate or
	// ErrArgument, by every error about a column.
	//
	// Deprecated: test for ErrNoColumn, ErrDuplicate or ErrArgument.
	ErrColumn = errors.New("column")
)

// Unplaced is a value that could not be given a code.
type Unplaced struct {
	// Value is the raw text (for municipalities, "state / municipality").
	Value string
	// Rows is how many rows hold it; FirstRow is the first (1-based: row 1
	// is the first data row of the table).
	Rows, FirstRow int
	// Reason says why: "unknown", "ambiguous" (two municipalities share
	// the name) or "unknown state".
	Reason string
	// Suggestions are the closest catalogue names, best first.
	Suggestions []string
}

// Report says what AddStateCode or AddMunicipalityCode placed and what
// it could not.
type Report struct {
	// Column is the column read; As the column added.
	Column, As string
	// Rows is the number of rows; Placed how many got a code.
	Rows, Placed int
	// National counts rows naming the national total, which get "00"
	// (AddStateCode) and are not counted as unplaced.
	National int
	// Missing counts rows whose value was missing, empty or a missing
	// marker ("N/D", "NA", "-"…); they stay missing.
	Missing int
	// After2020 counts rows placed in a municipality created after the
	// 2020 census (AddMunicipalityCode).
	After2020 int
	// ShortName counts rows placed by the short name in everyday use, not
	// the official one ("Ecatepec" for Ecatepec de Morelos, "Nogales" for
	// Heroica Nogales; AddMunicipalityCode). ShortNames lists them.
	ShortName int
	// ShortNames lists the distinct values placed by a short name and the
	// official municipality each was given, most rows first.
	ShortNames []ShortNameMatch
	// Unplaced lists the distinct values left without a code (missing in
	// the new column), most rows first.
	Unplaced []Unplaced
	// Levels counts the rows of each geographic level (AddLevel).
	Levels map[GeoLevel]int
}

// ShortNameMatch is a value AddMunicipalityCode placed by a municipality's
// everyday short name.
type ShortNameMatch struct {
	// Value is the raw text, "state / municipality".
	Value string
	// Name and CVEGEO are the official municipality it was given.
	Name, CVEGEO string
	// Rows is how many rows hold it.
	Rows int
}

// UnplacedRows is the number of rows whose value could not be placed.
func (r Report) UnplacedRows() int {
	n := 0
	for _, u := range r.Unplaced {
		n += u.Rows
	}
	return n
}

// String prints the report as a short block for a methodology note.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "mx: %q → %q: %d rows, %d placed", r.Column, r.As, r.Rows, r.Placed)
	if r.National > 0 {
		fmt.Fprintf(&b, ", %d national (\"00\")", r.National)
	}
	if r.Missing > 0 {
		fmt.Fprintf(&b, ", %d missing", r.Missing)
	}
	if r.After2020 > 0 {
		fmt.Fprintf(&b, ", %d in municipalities created after the 2020 census", r.After2020)
	}
	if r.ShortName > 0 {
		fmt.Fprintf(&b, ", %d by short name", r.ShortName)
	}
	for _, lv := range []GeoLevel{LevelNational, LevelState, LevelMunicipality, LevelLocality} {
		if n := r.Levels[lv]; n > 0 {
			fmt.Fprintf(&b, ", %d %s", n, lv)
		}
	}
	fmt.Fprintf(&b, ", %d unplaced (%d distinct)\n", r.UnplacedRows(), len(r.Unplaced))
	for i, m := range r.ShortNames {
		if i == 10 {
			fmt.Fprintf(&b, "  … and %d more placed by short name\n", len(r.ShortNames)-10)
			break
		}
		fmt.Fprintf(&b, "  %q ×%d placed by short name as %s (%s)\n", m.Value, m.Rows, m.Name, m.CVEGEO)
	}
	for i, u := range r.Unplaced {
		if i == 20 {
			fmt.Fprintf(&b, "  … and %d more\n", len(r.Unplaced)-20)
			break
		}
		fmt.Fprintf(&b, "  %q ×%d (%s, first row %d)", u.Value, u.Rows, u.Reason, u.FirstRow)
		if len(u.Suggestions) > 0 {
			fmt.Fprintf(&b, ", closest: %s", strings.Join(u.Suggestions, "; "))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// columnError marks an error about a column as ErrColumn too, without
// adding to its message.
type columnError struct{ err error }

func (e columnError) Error() string        { return e.err.Error() }
func (e columnError) Unwrap() error        { return e.err }
func (e columnError) Is(target error) bool { return target == ErrColumn }

func textColumn(df dataframe.DataFrame, name string) ([]string, []bool, error) {
	s, err := frame.View(df, name) // read only: no copy
	if err != nil {
		return nil, nil, columnError{fmt.Errorf("mx: %w", err)}
	}
	v, na := frame.StringsOf(s)
	return v, na, nil
}

func checkNew(df dataframe.DataFrame, as string) error {
	if strings.TrimSpace(as) == "" {
		return columnError{fmt.Errorf("mx: the new column needs a name: %w", ErrArgument)}
	}
	for _, n := range df.Names() {
		if n == as {
			return columnError{fmt.Errorf("mx: column %q already exists: %w", as, ErrDuplicate)}
		}
	}
	return nil
}

// AddStateCode adds a column named as with the two-digit state code of
// each value of nameCol (names, abbreviations or codes, anything State
// accepts; the column may be text or numeric). Rows naming the national
// total get "00". Missing values stay missing; values that name no state
// become missing and are listed in the report with their counts and the
// closest state names. A missing nameCol is an error wrapping ErrNoColumn;
// an existing as column one wrapping ErrDuplicate.
func AddStateCode(df dataframe.DataFrame, nameCol, as string) (dataframe.DataFrame, Report, error) {
	rep := Report{Column: nameCol, As: as}
	vals, na, err := textColumn(df, nameCol)
	if err != nil {
		return df, rep, err
	}
	if err := checkNew(df, as); err != nil {
		return df, rep, err
	}
	rep.Rows = len(vals)
	out := make([]string, len(vals))
	outNA := make([]bool, len(vals))
	// memo holds each distinct raw value's code ("" unplaced, "-" a
	// missing marker), so a value is looked up once per row, in a map or
	// as the previous row's value.
	memo := map[string]string{}
	bad := map[string]*Unplaced{}
	prev, prevCode := "", ""
	havePrev := false
	for i, v := range vals {
		if na[i] {
			outNA[i] = true
			rep.Missing++
			continue
		}
		var code string
		if havePrev && v == prev {
			code = prevCode
		} else {
			var seen bool
			code, seen = memo[v]
			if !seen {
				switch {
				case missing.DefaultSet.Is(v):
					code = "-"
				default:
					if si, ok := stateIdx(v); ok {
						code = states[si].Code
					} else if IsNational(v) {
						code = "00"
					}
				}
				memo[v] = code
			}
			prev, prevCode, havePrev = v, code, true
		}
		switch code {
		case "-":
			outNA[i] = true
			rep.Missing++
			continue
		case "":
			outNA[i] = true
			u := bad[v]
			if u == nil {
				u = &Unplaced{Value: v, FirstRow: i + 1, Reason: "unknown"}
				bad[v] = u
			}
			u.Rows++
			continue
		case "00":
			rep.National++
		default:
			rep.Placed++
		}
		out[i] = code
	}
	cands := stateCandidates()
	for _, u := range bad {
		u.Suggestions = closest(u.Value, cands, 3)
		rep.Unplaced = append(rep.Unplaced, *u)
	}
	sortUnplaced(rep.Unplaced)
	res, err := addColumn(df, frame.StringsDict(as, out, outNA))
	return res, rep, err
}

// AddMunicipalityCode adds a column named as with the five-digit CVEGEO of
// each row, found from the state in stateCol and the municipality name or
// code in municipalityCol (see Municipality). Missing values stay missing;
// rows that cannot be placed (unknown state, unknown or ambiguous name)
// become missing and are listed in the report with counts and the closest
// municipality names of the state. Rows placed in a municipality created
// after the 2020 census are counted in Report.After2020; rows placed by a
// municipality's everyday short name rather than its official name or code
// ("Ecatepec" for Ecatepec de Morelos) are counted in Report.ShortName and
// listed in Report.ShortNames, so the match can be checked.
func AddMunicipalityCode(df dataframe.DataFrame, stateCol, municipalityCol, as string) (dataframe.DataFrame, Report, error) {
	rep := Report{Column: stateCol + "+" + municipalityCol, As: as}
	sv, sna, err := textColumn(df, stateCol)
	if err != nil {
		return df, rep, err
	}
	mv, mna, err := textColumn(df, municipalityCol)
	if err != nil {
		return df, rep, err
	}
	if err := checkNew(df, as); err != nil {
		return df, rep, err
	}
	if err := catalogue().err; err != nil {
		return df, rep, err
	}
	rep.Rows = len(sv)
	out := make([]string, len(sv))
	outNA := make([]bool, len(sv))
	type key struct{ s, m string }
	type hit struct {
		code   string
		name   string
		census bool
		short  bool
		reason string
	}
	memo := map[key]hit{}
	bad := map[key]*Unplaced{}
	short := map[key]*ShortNameMatch{}
	for i := range sv {
		if sna[i] || mna[i] || missing.DefaultSet.Is(sv[i]) || missing.DefaultSet.Is(mv[i]) {
			outNA[i] = true
			rep.Missing++
			continue
		}
		k := key{sv[i], mv[i]}
		h, seen := memo[k]
		if !seen {
			if mi, ok := Municipality(k.s, k.m); ok {
				h = hit{code: mi.CVEGEO, name: mi.Name, census: mi.Census2020, short: byShortName(k.s, k.m)}
			} else if _, ok := State(k.s); !ok {
				h.reason = "unknown state"
			} else if ambiguousMunicipality(k.s, k.m) {
				h.reason = "ambiguous"
			} else {
				h.reason = "unknown"
			}
			memo[k] = h
		}
		if h.code == "" {
			outNA[i] = true
			u := bad[k]
			if u == nil {
				u = &Unplaced{Value: k.s + " / " + k.m, FirstRow: i + 1, Reason: h.reason}
				bad[k] = u
			}
			u.Rows++
			continue
		}
		rep.Placed++
		if !h.census {
			rep.After2020++
		}
		if h.short {
			rep.ShortName++
			m := short[k]
			if m == nil {
				m = &ShortNameMatch{Value: k.s + " / " + k.m, Name: h.name, CVEGEO: h.code}
				short[k] = m
			}
			m.Rows++
		}
		out[i] = h.code
	}
	for _, m := range short {
		rep.ShortNames = append(rep.ShortNames, *m)
	}
	sort.Slice(rep.ShortNames, func(i, j int) bool {
		a, b := rep.ShortNames[i], rep.ShortNames[j]
		if a.Rows != b.Rows {
			return a.Rows > b.Rows
		}
		return a.Value < b.Value
	})
	for k, u := range bad {
		if st, ok := State(k.s); ok {
			u.Suggestions = closest(k.m, municipalityCandidates(st.Code), 3)
		} else {
			u.Suggestions = closest(k.s, stateCandidates(), 3)
		}
		rep.Unplaced = append(rep.Unplaced, *u)
	}
	sortUnplaced(rep.Unplaced)
	res, err := addColumn(df, frame.StringsDict(as, out, outNA))
	return res, rep, err
}

// byShortName reports whether Municipality placed name (in state) by its
// everyday short name rather than by a code or an official name. Call it
// only for a pair Municipality placed.
func byShortName(state, name string) bool {
	si, ok := stateIdx(state)
	if !ok || strings.TrimSpace(state) == "" {
		return false
	}
	m := strings.TrimSpace(name)
	if _, ok := codeNumber(m); ok {
		return false
	}
	_, official := catalogue().byName[states[si].Code+"|"+fold.Key(repairMojibake(m))]
	return !official
}

func ambiguousMunicipality(state, name string) bool {
	st, ok := State(state)
	if !ok {
		return false
	}
	i, ok := catalogue().byName[st.Code+"|"+fold.Key(repairMojibake(name))]
	return ok && i < 0
}

func municipalityCandidates(stateCode string) map[string][]string {
	m := map[string][]string{}
	for _, mi := range catalogue().all {
		if mi.StateCode == stateCode {
			m[mi.Name+" ("+mi.CVEGEO+")"] = []string{fold.Key(mi.Name), fold.Key(mi.FrameName)}
		}
	}
	return m
}

func sortUnplaced(u []Unplaced) {
	sort.Slice(u, func(i, j int) bool {
		if u[i].Rows != u[j].Rows {
			return u[i].Rows > u[j].Rows
		}
		return u[i].Value < u[j].Value
	})
}

// addColumn returns df with s added at the end. Mutate copies df's
// columns once and adds s without a copy.
func addColumn(df dataframe.DataFrame, s series.Series) (dataframe.DataFrame, error) {
	res := df.Mutate(s)
	if res.Err != nil {
		return df, fmt.Errorf("mx: adding column %q: %w", s.Name, res.Err)
	}
	return res, nil
}
