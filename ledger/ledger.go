package ledger

import (
	"errors"
	"fmt"
	"path"
	"strconv"
)

// Ledger records, as a story's code runs, the files it read (Source), the
// steps that changed them with their reports (Step) and every number it
// publishes (Figure). WriteDir writes it down as cifras.json, cifras.csv
// and metodologia.md; Render fills the story's text from it; Read and
// Diff compare it with the ledger published last time.
//
// The zero Ledger is an empty ledger without a title. A Ledger is not
// safe for concurrent use; record from one goroutine.
type Ledger struct {
	title   string
	sources []SourceInfo
	steps   []StepInfo
	figures []FigureInfo
	byName  map[string]int
	errs    []error
}

// StepInfo is one step recorded with Step: its name, the Go type of its
// report ("clean.JoinReport") and the report as printed.
type StepInfo struct {
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Report string `json:"report"`
}

// New starts an empty ledger for the story with this title.
func New(title string) *Ledger {
	return &Ledger{title: title, byName: map[string]int{}}
}

// Text is a step's note written by hand, for a step that has no report of
// its own: l.Step("fila Nacional fuera de la suma", ledger.Text(nota)).
type Text string

// String returns the note.
func (t Text) String() string { return string(t) }

// Title returns the story's title as given to New.
func (l *Ledger) Title() string { return l.title }

// Step records a step of the pipeline with its report: any report of
// fetch, clean, analyze or chart (fetch.Report, clean.Report,
// clean.JoinReport, analyze.RateReport, chart.Report…) or anything else
// that prints itself. The report's text is kept as printed now, so later
// changes to the value do not change the ledger. A nil report is recorded
// as a step without one. A name used before gets " (2)", " (3)"… so no
// step is lost.
func (l *Ledger) Step(name string, report fmt.Stringer) {
	st := StepInfo{Name: l.freeStepName(name)}
	if report != nil {
		st.Kind = typeName(report)
		st.Report = fmt.Sprint(report)
	}
	l.steps = append(l.steps, st)
}

func (l *Ledger) freeStepName(name string) string {
	taken := func(n string) bool {
		for _, s := range l.steps {
			if s.Name == n {
				return true
			}
		}
		return false
	}
	if !taken(name) {
		return name
	}
	for i := 2; ; i++ {
		if n := name + " (" + strconv.Itoa(i) + ")"; !taken(n) {
			return n
		}
	}
}

// typeName writes a value's type as package.Type, without the module path
// or a pointer star: *fetch.Report and fetch.Report are both
// "fetch.Report".
func typeName(v any) string {
	s := fmt.Sprintf("%T", v)
	for len(s) > 0 && s[0] == '*' {
		s = s[1:]
	}
	return path.Base(s)
}

// Err returns the problems found while recording sources (a source
// without a hash, two different files under one URL, a bad date), joined;
// nil when there are none. WriteDir returns them too, so a ledger with a
// doubtful source is never written.
func (l *Ledger) Err() error { return errors.Join(l.errs...) }

// Sources returns the recorded sources, in the order recorded.
func (l *Ledger) Sources() []SourceInfo { return append([]SourceInfo(nil), l.sources...) }

// Steps returns the recorded steps, in the order recorded.
func (l *Ledger) Steps() []StepInfo { return append([]StepInfo(nil), l.steps...) }

// Figures returns the recorded figures, in the order recorded.
func (l *Ledger) Figures() []FigureInfo {
	out := make([]FigureInfo, len(l.figures))
	for i, f := range l.figures {
		out[i] = f.clone()
	}
	return out
}

// Lookup returns the figure with this name.
func (l *Ledger) Lookup(name string) (FigureInfo, bool) {
	i, ok := l.byName[name]
	if !ok {
		return FigureInfo{}, false
	}
	return l.figures[i].clone(), true
}
