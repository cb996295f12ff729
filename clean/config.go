package clean

// Locale says how numbers and ambiguous dates are written.
type Locale int

const (
	// MX is the default: "1,234,567.89" (comma thousands, point decimals)
	// and day-first dates ("05/03/2024" is 5 March 2024).
	MX Locale = iota
	// ES writes "1.234.567,89" (point thousands, comma decimals) with
	// day-first dates.
	ES
	// US writes "1,234,567.89" with month-first dates ("03/05/2024" is
	// 5 March 2024).
	US
)

// Config is the companion of the zero-configuration functions: its methods
// have the same signatures as the package functions (Numbers, Dates, Join…)
// and apply the settings below. The zero Config behaves exactly like the
// package functions.
//
//	c := clean.Config{Locale: clean.ES, Strict: true}
//	df, rep, err := c.Numbers(df, "importe")
type Config struct {
	// Locale for numbers and ambiguous dates; MX by default.
	Locale Locale
	// Strict turns values that fail to parse into an error instead of
	// missing values listed in the report.
	Strict bool
	// Missing replaces the default missing-value markers ("", "N/D", "NA",
	// "S/D", "-", "NULL", "No disponible"…) when not nil.
	Missing []string
	// ExtraMissing adds markers per column (e.g. {"INTUBADO": {"97", "98",
	// "99"}}); the key "*" applies to every column. A key also matches the
	// column's name as Names cleans it ("INTUBADO" applies to "intubado").
	// They apply to text and to number columns.
	ExtraMissing map[string][]string
	// DateLayouts are Go time layouts tried before the built-in ones.
	DateLayouts []string
	// Suffix is added to the right table's copy of a non-key column name
	// present on both sides of a join; "_right" when empty.
	Suffix string
	// RightOn names the right table's key columns when they differ from the
	// left's (same order as the on arguments of Join).
	RightOn []string
	// FoldKeys matches join keys by their folded form (case, accents,
	// punctuation and spacing ignored): "Michoacán" matches "MICHOACAN".
	FoldKeys bool
	// KeepLast makes Dedupe keep the last row of each group of duplicates
	// instead of the first.
	KeepLast bool
	// Suggestions is how many closest keys on the other side a JoinReport
	// lists for each unmatched key; 3 when zero, none when negative.
	Suggestions int
}
