// Package table shows a table to a person: an aligned text view for the
// terminal and a Markdown table for notes and READMEs.
//
//	table.Print(os.Stdout, df)                        // every column, first 20 rows
//	table.Print(os.Stdout, df, table.MaxRows(5))
//	s := table.String(df, table.AllRows())
//	table.Markdown(f, df, table.MissingText("—"))
//
// Unlike gota's String, it shows every column (never "Not Showing: …"),
// writes numbers as Mexican publications do (1,234,567.89, with the
// decimals a column needs so the points line up), marks missing values
// ("NA" by default), shortens long text with "…", numbers the rows from 1
// as every cifra message does, and ends a cut table with "… N more rows".
// It reads the table and never changes it; it sits above the stages and
// imports none of them.
//
// # Files
//
//   - table.go: Print, String, the options (MaxRows, AllRows, MaxWidth,
//     MissingText, Decimals, NoRowNumbers) and the layout shared by both
//     views.
//   - markdown.go: Markdown and RowNumbers.
//   - format.go: numbers with thousands commas and per-column decimals.
package table
