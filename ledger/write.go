package ledger

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// File names WriteDir writes and Read looks for.
const (
	JSONFile = "cifras.json"
	CSVFile  = "cifras.csv"
	NoteFile = "metodologia.md"
)

// formatVersion is the version of the cifras.json layout.
const formatVersion = 1

// document is the layout of cifras.json.
type document struct {
	Ledger  int          `json:"cifra_ledger"`
	Title   string       `json:"title"`
	Sources []SourceInfo `json:"sources"`
	Steps   []StepInfo   `json:"steps"`
	Figures []FigureInfo `json:"figures"`
}

// WriteDir writes the ledger into dir (created if needed) as three files:
//
//   - cifras.json: the whole ledger, for Read, Diff and Verify;
//   - cifras.csv: one row per figure, for the fact-checker's spreadsheet
//     (UTF-8, Spanish headers, blank verificado_por and fecha columns);
//   - metodologia.md: the Spanish methodology note (see Note).
//
// The bytes depend only on what was recorded: the same ledger gives the
// same files, and the only time stamps are the sources' own. A ledger
// whose sources had problems (Err) is not written.
func (l *Ledger) WriteDir(dir string) error {
	if err := l.Err(); err != nil {
		return fmt.Errorf("ledger: WriteDir %q: %w", dir, err)
	}
	js, err := l.JSON()
	if err != nil {
		return err
	}
	cs, err := l.CSV()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("ledger: WriteDir: %w", err)
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{JSONFile, js}, {CSVFile, cs}, {NoteFile, []byte(l.Note())}} {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil {
			return fmt.Errorf("ledger: WriteDir: %w", err)
		}
	}
	return nil
}

// JSON returns the ledger as cifras.json holds it: indented, with a final
// newline, sources, steps and figures in the order recorded.
func (l *Ledger) JSON() ([]byte, error) {
	doc := document{Ledger: formatVersion, Title: l.title,
		Sources: nonNil(l.sources), Steps: nonNil(l.steps), Figures: nonNil(l.figures)}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("ledger: JSON: %w", err)
	}
	return b.Bytes(), nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// csvHeader is the first row of cifras.csv.
var csvHeader = []string{"nombre", "texto", "valor", "unidad", "periodo", "definicion", "redondeo",
	"numerador", "denominador", "por", "n", "cifra_pequena", "salvedades", "alternativas",
	"fuentes", "pasos", "codigo", "verificado_por", "fecha"}

// CSV returns cifras.csv: one row per figure, values unrounded in "valor"
// and as published in "texto"; lists are joined with " | ".
func (l *Ledger) CSV() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	rows := [][]string{csvHeader}
	for _, f := range l.figures {
		var alts []string
		for _, a := range f.Alternatives {
			alts = append(alts, a.Label+": "+a.Text)
		}
		small := "no"
		if f.Small {
			small = "sí"
		}
		per := ""
		if f.Per != 0 {
			per = plainNumber(f.Per)
		}
		rows = append(rows, []string{f.Name, f.Text, plainNumber(f.Value), f.Unit, f.Period, f.Definition,
			decimalsES(f.Decimals), optNumber(f.Numerator), optNumber(f.Denominator), per, optNumber(f.N), small,
			strings.Join(f.Caveats, " | "), strings.Join(alts, " | "),
			strings.Join(f.Sources, " | "), strings.Join(f.Steps, " | "), f.Code, "", ""})
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, fmt.Errorf("ledger: CSV: %w", err)
	}
	return b.Bytes(), nil
}

// plainNumber writes v with every digit it has and no exponent
// ("126014024", "85.71428571428571"), as spreadsheets read it.
func plainNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func optNumber(p *float64) string {
	if p == nil {
		return ""
	}
	return plainNumber(*p)
}
