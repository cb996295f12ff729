package ledger

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Read loads a ledger written by WriteDir. path is a cifras.json file or a
// directory that holds one. The ledger read back renders, diffs and
// writes the same files again. A file that is not a ledger (bad JSON, a
// source without url or path, a figure without a name, two figures with
// one name) is an error naming the file, wrapping ErrFormat or
// ErrDuplicate.
func Read(path string) (*Ledger, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, JSONFile)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("ledger: Read: %w", err)
	}
	l, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("ledger: Read %q: %w", path, err)
	}
	return l, nil
}

// decode parses cifras.json.
func decode(data []byte) (*Ledger, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("empty file: %w", ErrEmpty)
	}
	var doc document
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%v: %w", err, ErrFormat)
	}
	if doc.Ledger == 0 {
		return nil, fmt.Errorf("no \"cifra_ledger\" version field: %w", ErrFormat)
	}
	if doc.Ledger > formatVersion {
		return nil, fmt.Errorf("cifra_ledger version %d is newer than this library reads (%d): %w", doc.Ledger, formatVersion, ErrFormat)
	}
	l := New(doc.Title)
	for i, s := range doc.Sources {
		if s.URL == "" && s.Path == "" {
			return nil, fmt.Errorf("source %d has no url or path: %w", i+1, ErrFormat)
		}
	}
	l.sources = doc.Sources
	l.steps = doc.Steps
	for i, f := range doc.Figures {
		if f.Name == "" {
			return nil, fmt.Errorf("figure %d has no name: %w", i+1, ErrFormat)
		}
		if _, dup := l.byName[f.Name]; dup {
			return nil, fmt.Errorf("figure %q appears twice: %w", f.Name, ErrDuplicate)
		}
		f = f.clone() // lists never nil
		l.byName[f.Name] = len(l.figures)
		l.figures = append(l.figures, f)
	}
	return l, nil
}
