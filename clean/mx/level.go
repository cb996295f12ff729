package mx

import (
	"fmt"
	"strings"

	"github.com/datacon-mx/cifra/internal/fold"
	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/datacon-mx/cifra/internal/missing"
	"github.com/go-gota/gota/dataframe"
)

// GeoLevel is the geographic level of a row of INEGI data: the country, a
// state, a municipality or a locality.
type GeoLevel int

// The levels Level tells apart.
const (
	// LevelUnknown: the value is not an INEGI code (or is empty).
	LevelUnknown GeoLevel = iota
	// LevelNational: the national total ("00", "0", "00 000", "Nacional").
	LevelNational
	// LevelState: a state ("01", `=CONCATENAR(0,01)`, "01000", " 01 000 ").
	LevelState
	// LevelMunicipality: a municipality ("01001", " 01 001 ", "1001",
	// "010010000").
	LevelMunicipality
	// LevelLocality: a locality (nine digits, "010010001").
	LevelLocality
)

// String names the level as the column AddLevel writes: "national",
// "state", "municipality", "locality" or "unknown".
func (l GeoLevel) String() string {
	switch l {
	case LevelNational:
		return "national"
	case LevelState:
		return "state"
	case LevelMunicipality:
		return "municipality"
	case LevelLocality:
		return "locality"
	}
	return "unknown"
}

// Level tells the geographic level of an INEGI code in any of the forms
// its exports write:
//
//   - state codes, with or without the leading zero or as a float: "01",
//     "1", "9.0", and the consulta's `=CONCATENAR(0,01)`, `="01"`, `'01`;
//   - municipality keys as one code or two: "01001", "1001" (a number that
//     lost its zero), " 01 001 ", "01-001"; municipality "000" is the
//     state's own row;
//   - locality keys of nine digits (or eight): "010010001"; locality
//     "0000" is the municipality's row;
//   - the national total: codes of zeros ("0", "00", "00000", " 00 000 ")
//     and the labels IsNational knows ("Nacional", "Total nacional",
//     "Estados Unidos Mexicanos").
//
// Level reads the form of the code: a state part must be 01 to 32, but a
// municipality need not exist in the catalogue (MunicipalityByCode
// checks that). Anything else, an empty value included, is LevelUnknown.
// To classify separate state and municipality columns, join them with a
// space: Level(ent + " " + mun).
func Level(code string) GeoLevel {
	s := unwrapCode(code)
	if s == "" {
		return LevelUnknown
	}
	if ent, mun, ok := splitCode(s); ok {
		return levelOf(ent, mun, "")
	}
	if f := strings.Fields(s); len(f) == 3 && digits(f[0], 2) && digits(f[1], 3) && digits(f[2], 4) {
		return levelOf(pad(f[0], 2), pad(f[1], 3), pad(f[2], 4))
	}
	if IsNational(s) {
		return LevelNational
	}
	n, ok := codeNumber(s)
	if !ok {
		return LevelUnknown
	}
	d := s
	if i := strings.IndexByte(d, '.'); i >= 0 {
		d = d[:i]
	}
	switch {
	case len(d) <= 2:
		if n >= 1 && n <= 32 {
			return LevelState
		}
	case len(d) == 4 || len(d) == 5:
		d = pad(d, 5)
		return levelOf(d[:2], d[2:], "")
	case len(d) == 8 || len(d) == 9:
		d = pad(d, 9)
		return levelOf(d[:2], d[2:5], d[5:])
	}
	return LevelUnknown
}

// pad adds leading zeros to s up to n digits.
func pad(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return strings.Repeat("0", n-len(s)) + s
}

// levelOf classifies a key by its parts (loc may be "").
func levelOf(ent, mun, loc string) GeoLevel {
	zero := func(s string) bool { return strings.Trim(s, "0") == "" }
	switch {
	case zero(ent) && zero(mun) && zero(loc):
		return LevelNational
	case zero(ent):
		return LevelUnknown
	}
	if n, _ := codeNumber(ent); n < 1 || n > 32 {
		return LevelUnknown
	}
	switch {
	case zero(mun) && zero(loc):
		return LevelState
	case zero(mun):
		return LevelUnknown
	case loc == "" || zero(loc):
		return LevelMunicipality
	}
	return LevelLocality
}

// AddLevel adds a column named as with the level of each row ("national",
// "state", "municipality", "locality", as GeoLevel.String writes them)
// from the INEGI code in codeCol, read by Level. INEGI's consulta exports
// key the national row with a blank code and the label "Total": when
// nameCol is not "", a row whose code is blank is national if its name is
// "Total" or one IsNational knows. Rows with a blank or missing code are
// missing in the new column and counted (Report.Missing); rows whose code
// gives no level are missing too and listed in the report (Unplaced, with
// counts and their first row), so that a filter on the level column drops
// nothing silently. Report.Levels counts the rows of each level.
//
// With the level, keeping one level is a filter on it, and summing the
// municipality rows of a consulta export gives the country once, as
// clean.DropTotals does from the numbers. A missing codeCol or nameCol is
// an error wrapping ErrNoColumn; an existing as one wrapping ErrDuplicate.
func AddLevel(df dataframe.DataFrame, codeCol, nameCol, as string) (dataframe.DataFrame, Report, error) {
	rep := Report{Column: codeCol, As: as, Rows: df.Nrow()}
	if df.Err != nil {
		return df, rep, fmt.Errorf("mx: AddLevel: %w", df.Err)
	}
	codes, codeNA, err := textColumn(df, codeCol)
	if err != nil {
		return df, rep, err
	}
	var names []string
	var nameNA []bool
	if nameCol != "" {
		if names, nameNA, err = textColumn(df, nameCol); err != nil {
			return df, rep, err
		}
	}
	if err := checkNew(df, as); err != nil {
		return df, rep, err
	}
	out := make([]string, len(codes))
	na := make([]bool, len(codes))
	counts := map[GeoLevel]int{}
	bad := map[string]*Unplaced{}
	for i, c := range codes {
		lv := LevelUnknown
		blank := codeNA[i] || strings.TrimSpace(unwrapCode(c)) == ""
		if !blank {
			lv = Level(c)
		} else if names != nil && !nameNA[i] && (IsNational(names[i]) || fold.Key(names[i]) == "total") {
			lv = LevelNational
		}
		switch {
		case lv != LevelUnknown:
			out[i] = lv.String()
			counts[lv]++
			rep.Placed++
		case blank || missing.DefaultSet.Is(c):
			na[i] = true
			rep.Missing++
		default:
			na[i] = true
			u := bad[c]
			if u == nil {
				u = &Unplaced{Value: c, FirstRow: i + 1, Reason: "not an INEGI code"}
				bad[c] = u
			}
			u.Rows++
		}
	}
	for _, u := range bad {
		rep.Unplaced = append(rep.Unplaced, *u)
	}
	sortUnplaced(rep.Unplaced)
	rep.Levels = counts
	res, err := addColumn(df, frame.StringsDict(as, out, na))
	if err != nil {
		return df, rep, err
	}
	return res, rep, nil
}
