package clean

import (
	"fmt"

	"github.com/datacon-mx/cifra/internal/frame"
	"github.com/go-gota/gota/dataframe"
)

// Mapping turns clusters into a recoding map: every spelling that is not
// its cluster's canonical value maps to the canonical value. When a value
// appears in several clusters (possible if the clusters come from
// different methods), the first cluster wins. Edit Canonical before
// calling Mapping to choose another spelling.
func Mapping(clusters []Cluster) map[string]string {
	m := make(map[string]string)
	for _, c := range clusters {
		for _, v := range c.Values {
			if v.Value == c.Canonical {
				continue
			}
			if _, done := m[v.Value]; !done {
				m[v.Value] = c.Canonical
			}
		}
	}
	return m
}

// ColumnValues returns the cells of a column as text (missing cells as
// ""), ready for Clusters. A missing column is an error wrapping
// ErrNoColumn.
func ColumnValues(df dataframe.DataFrame, col string) ([]string, error) {
	s, err := frame.Column(df, col)
	if err != nil {
		return nil, fmt.Errorf("clean: column %q: %w: %v", col, ErrNoColumn, err)
	}
	v, _ := frame.StringsOf(s)
	return v, nil
}

// ApplyClusters replaces, in column col, every spelling of the clusters by
// its cluster's canonical value: it is Recode(df, col, Mapping(clusters)),
// and its Report says how many cells each replacement changed. Missing
// cells stay missing; the result is a text column. A missing column is an
// error wrapping ErrNoColumn.
func ApplyClusters(df dataframe.DataFrame, col string, clusters []Cluster) (dataframe.DataFrame, Report, error) {
	return Recode(df, col, Mapping(clusters))
}
