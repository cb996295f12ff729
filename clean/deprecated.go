package clean

import "github.com/go-gota/gota/dataframe"

// Former names, kept so code written against them still builds. Each
// forwards to its replacement; CHANGELOG.md says why each was renamed. The
// rule the new names follow: a step on a table takes the DataFrame first
// and has the plain name (Names, Title, StripFormulas); the same step on
// one string has that name followed by String (NameString, TitleString,
// StripFormulasString, FoldString).

// CleanName is the former name of NameString.
//
// Deprecated: use NameString.
func CleanName(name string) string { return NameString(name) }

// CleanNames is the former name of NameStrings.
//
// Deprecated: use NameStrings.
func CleanNames(names []string) []string { return NameStrings(names) }

// TitleCase is the former name of TitleString.
//
// Deprecated: use TitleString.
func TitleCase(s string) string { return TitleString(s) }

// Fold is the former name of FoldString.
//
// Deprecated: use FoldString.
func Fold(s string) string { return FoldString(s) }

// UnwrapCell is the former name of StripFormulasString.
//
// Deprecated: use StripFormulasString.
func UnwrapCell(s string) (string, bool) { return StripFormulasString(s) }

// Unwrap is the former name of StripFormulas (the old name read like
// error unwrapping).
//
// Deprecated: use StripFormulas.
func Unwrap(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	return StripFormulas(df, cols...)
}

// Unwrap is the former name of Config.StripFormulas.
//
// Deprecated: use StripFormulas.
func (c Config) Unwrap(df dataframe.DataFrame, cols ...string) (dataframe.DataFrame, Report, error) {
	return c.StripFormulas(df, cols...)
}

// Month returns the number (1–12) of a month name, abbreviation or number;
// it is MonthNumber, which also reads "3" and "03".
//
// Deprecated: use MonthNumber (Month("3") used to fail).
func Month(name string) (int, bool) { return MonthNumber(name) }
