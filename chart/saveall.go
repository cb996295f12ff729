package chart

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// SaveAll writes the chart into dir (created if needed) as name.png and
// name.svg, or in the formats given ("png", "svg", "pdf", "jpg"), and
// returns the paths written, in order. A newsroom usually wants the PNG for
// the web and social media and the SVG for the graphics desk to retouch.
func (ch *Chart) SaveAll(dir, name string, formats ...string) ([]string, error) {
	if name == "" {
		return nil, fmt.Errorf("chart: %w: SaveAll needs a file name", ErrArgument)
	}
	if len(formats) == 0 {
		formats = []string{"png", "svg"}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("chart: save into %q: %w", dir, err)
	}
	paths := make([]string, 0, len(formats))
	for _, f := range formats {
		p := filepath.Join(dir, name+"."+strings.TrimPrefix(strings.ToLower(f), "."))
		if err := ch.Save(p); err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}
