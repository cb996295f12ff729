package fetch

import "io"

// HTMLTablesWithReports is the former name of FindHTMLTables.
//
// Deprecated: use FindHTMLTables.
func HTMLTablesWithReports(r io.Reader, opts ...Option) ([]HTMLTable, []string, error) {
	return FindHTMLTables(r, opts...)
}
