package ledger

import (
	"fmt"
	"strings"
)

// ChangeKind says what changed between two ledgers.
type ChangeKind int

// Kinds of Change.
const (
	FigureMoved   ChangeKind = iota + 1 // the published text differs
	FigureAdded                         // a figure only the new ledger has
	FigureRemoved                       // a figure only the old ledger has
	SourceChanged                       // same URL or path, another SHA-256
	SourceAdded                         // a source only the new ledger has
	SourceRemoved                       // a source only the old ledger has
)

// String names the kind in words ("figure moved").
func (k ChangeKind) String() string {
	switch k {
	case FigureMoved:
		return "figure moved"
	case FigureAdded:
		return "figure added"
	case FigureRemoved:
		return "figure removed"
	case SourceChanged:
		return "source changed"
	case SourceAdded:
		return "source added"
	case SourceRemoved:
		return "source removed"
	}
	return fmt.Sprintf("ChangeKind(%d)", int(k))
}

// Change is one difference Diff found.
type Change struct {
	Kind ChangeKind
	// Name is the figure's name, or the source's URL (its path when it
	// has no URL).
	Name string
	// Old and New are the published texts of a figure, or the SHA-256 of
	// a source; empty on the side where it does not exist.
	Old, New string
	// OldValue and NewValue are a figure's unrounded values.
	OldValue, NewValue float64
	// OldBytes and NewBytes are a source's sizes.
	OldBytes, NewBytes int64
}

// String writes the change as one line for a CI log:
//
//	figure "tasa_nacional": 12.3 → 12.5 (value 12.3041 → 12.4987)
func (c Change) String() string {
	switch c.Kind {
	case FigureMoved:
		return fmt.Sprintf("figure %q: %s → %s (value %s → %s)", c.Name, c.Old, c.New, plainNumber(c.OldValue), plainNumber(c.NewValue))
	case FigureAdded:
		return fmt.Sprintf("figure %q: new, %s (value %s)", c.Name, c.New, plainNumber(c.NewValue))
	case FigureRemoved:
		return fmt.Sprintf("figure %q: gone, was %s (value %s)", c.Name, c.Old, plainNumber(c.OldValue))
	case SourceChanged:
		return fmt.Sprintf("source %q: SHA-256 %s → %s, %d → %d bytes", c.Name, c.Old, c.New, c.OldBytes, c.NewBytes)
	case SourceAdded:
		return fmt.Sprintf("source %q: new, SHA-256 %s, %d bytes", c.Name, c.New, c.NewBytes)
	case SourceRemoved:
		return fmt.Sprintf("source %q: gone, was SHA-256 %s, %d bytes", c.Name, c.Old, c.OldBytes)
	}
	return fmt.Sprintf("change %d %q", int(c.Kind), c.Name)
}

// Diff compares the ledger a story published (old) with a new run. It
// names every figure whose published text differs (a move within the
// rounding is no change), every figure that appeared or disappeared, and
// every source whose SHA-256 changed (sources are matched by URL, then by
// path), appeared or disappeared. Changes come in the order of the new
// ledger's figures, then the old ledger's missing ones, then sources the
// same way. Two equal ledgers give nil.
func Diff(old, new *Ledger) []Change {
	if old == nil {
		old = New("")
	}
	if new == nil {
		new = New("")
	}
	var out []Change
	for _, f := range new.figures {
		i, ok := old.byName[f.Name]
		if !ok {
			out = append(out, Change{Kind: FigureAdded, Name: f.Name, New: f.Text, NewValue: f.Value})
			continue
		}
		if o := old.figures[i]; o.Text != f.Text {
			out = append(out, Change{Kind: FigureMoved, Name: f.Name, Old: o.Text, New: f.Text, OldValue: o.Value, NewValue: f.Value})
		}
	}
	for _, o := range old.figures {
		if _, ok := new.byName[o.Name]; !ok {
			out = append(out, Change{Kind: FigureRemoved, Name: o.Name, Old: o.Text, OldValue: o.Value})
		}
	}
	matched := make([]bool, len(old.sources))
	for _, s := range new.sources {
		i := matchSource(old.sources, matched, s)
		if i < 0 {
			out = append(out, Change{Kind: SourceAdded, Name: s.key(), New: s.SHA256, NewBytes: s.Bytes})
			continue
		}
		matched[i] = true
		if o := old.sources[i]; !strings.EqualFold(o.SHA256, s.SHA256) {
			out = append(out, Change{Kind: SourceChanged, Name: s.key(), Old: o.SHA256, New: s.SHA256, OldBytes: o.Bytes, NewBytes: s.Bytes})
		}
	}
	for i, o := range old.sources {
		if !matched[i] {
			out = append(out, Change{Kind: SourceRemoved, Name: o.key(), Old: o.SHA256, OldBytes: o.Bytes})
		}
	}
	return out
}

// matchSource finds s among the list's sources not matched yet, by URL,
// then by path.
func matchSource(list []SourceInfo, matched []bool, s SourceInfo) int {
	for i, o := range list {
		if !matched[i] && o.URL != "" && o.URL == s.URL {
			return i
		}
	}
	for i, o := range list {
		if !matched[i] && o.Path != "" && o.Path == s.Path {
			return i
		}
	}
	return -1
}

// Check compares a published ledger with the current run and returns nil
// when no published figure moved beyond its rounding, none appeared or
// disappeared and no source changed; otherwise an error wrapping
// ErrChanged that lists every Change, one per line:
//
//	ledger: 2 changes from the published ledger "Homicidios" (published figures changed; if intended, publish the new ledger with WriteDir):
//	  figure "tasa_nacional": 12.3 → 12.5 (value 12.3041 → 12.4987)
//	  source "data/sesnsp.csv": SHA-256 3f2a… → 9b1c…, 1716 → 1720 bytes
func Check(published, current *Ledger) error {
	changes := Diff(published, current)
	if len(changes) == 0 {
		return nil
	}
	title := ""
	if published != nil && published.title != "" {
		title = fmt.Sprintf(" %q", published.title)
	}
	lines := make([]string, len(changes))
	for i, c := range changes {
		lines[i] = "\n  " + c.String()
	}
	return fmt.Errorf("ledger: %s from the published ledger%s (%w; if intended, publish the new ledger with WriteDir):%s",
		plural(len(changes), "change", "changes"), title, ErrChanged, strings.Join(lines, ""))
}

// Verify reads the published ledger at path (a cifras.json or the
// directory that holds it) and checks the current run against it, for an
// example's test in CI:
//
//	if err := ledger.Verify("testdata/publicado", l); err != nil { t.Fatal(err) }
func Verify(path string, current *Ledger) error {
	published, err := Read(path)
	if err != nil {
		return err
	}
	return Check(published, current)
}
