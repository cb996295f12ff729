package ledger

import (
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/datacon-mx/cifra/fetch"
)

// SourceInfo is one file a story read, as the ledger keeps it: where it
// came from, which exact bytes it was, when it was consulted and whether
// it is the publisher's original.
type SourceInfo struct {
	// Description says what the file is ("SESNSP, incidencia delictiva
	// estatal 2026").
	Description string `json:"description"`
	// URL is where the file came from (the URL asked for); for a file
	// described with fetch.Describe it is the name given, unless
	// SourceURL sets the publisher's address.
	URL string `json:"url"`
	// Path is the file read, with forward slashes: as given when
	// relative; when absolute, relative to the root of the module that
	// holds the working directory, or only its base name outside it (a
	// download cache in the user's home), so the ledger is the same on
	// every machine.
	Path string `json:"path"`
	// SHA256 (hex) and Bytes identify the exact contents.
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
	// Retrieved is when the file was consulted: the download time of a
	// fetch.Client (RFC 3339, UTC) or the date given with Retrieved.
	Retrieved string `json:"retrieved,omitempty"`
	// CutDate is the publisher's cut date ("fecha de corte"), when known.
	CutDate string `json:"cut_date,omitempty"`
	// Copy is CopyOriginal, CopyProcessed or "" (not stated); Processing
	// says how a processed copy differs from the original.
	Copy       string `json:"copy"`
	Processing string `json:"processing,omitempty"`
	// Publisher and License, when given.
	Publisher string `json:"publisher,omitempty"`
	License   string `json:"license,omitempty"`
	// ETag and LastModified are the server's validators, when it sent them.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// Warning is set when the bytes are a stale cached copy (the server
	// could not be reached) or were re-downloaded with new contents.
	Warning string `json:"warning,omitempty"`
}

// Values of SourceInfo.Copy.
const (
	CopyOriginal  = "original"  // the publisher's file, byte for byte
	CopyProcessed = "processed" // a copy someone reshaped or re-encoded
)

// key is the name a source goes by in figures and diffs: its URL, or its
// path when it has no URL.
func (s SourceInfo) key() string {
	if s.URL != "" {
		return s.URL
	}
	return s.Path
}

// SourceOption adds what a fetch.Resource does not know to a source.
type SourceOption func(*SourceInfo) error

// SourceURL sets the publisher's address of a file read from a local copy
// (fetch.Describe and fetch.DescribeFile only know the file's name).
func SourceURL(url string) SourceOption {
	return func(s *SourceInfo) error { s.URL = url; return nil }
}

// Retrieved sets the date the file was consulted, "2026-02-10" (or an RFC
// 3339 time), for a file that did not come through a fetch.Client.
func Retrieved(date string) SourceOption {
	return func(s *SourceInfo) error {
		if err := checkDate(date); err != nil {
			return fmt.Errorf("Retrieved: %w", err)
		}
		s.Retrieved = date
		return nil
	}
}

// CutDate sets the publisher's cut date ("fecha de corte": the day the
// data were closed), "2026-03-31" or "2026-03" or "2026".
func CutDate(date string) SourceOption {
	return func(s *SourceInfo) error {
		if err := checkDate(date); err != nil {
			return fmt.Errorf("CutDate: %w", err)
		}
		s.CutDate = date
		return nil
	}
}

// Original says the file is the publisher's own, byte for byte.
func Original() SourceOption {
	return func(s *SourceInfo) error { s.Copy, s.Processing = CopyOriginal, ""; return nil }
}

// Processed says the file is a copy someone changed, and how ("columnas
// renombradas y filas de total quitadas por …").
func Processed(how string) SourceOption {
	return func(s *SourceInfo) error { s.Copy, s.Processing = CopyProcessed, how; return nil }
}

// Publisher names the agency that produced the numbers ("INEGI").
func Publisher(name string) SourceOption {
	return func(s *SourceInfo) error { s.Publisher = name; return nil }
}

// License names the terms of use ("Términos de Libre Uso MX").
func License(text string) SourceOption {
	return func(s *SourceInfo) error { s.License = text; return nil }
}

// checkDate accepts ISO dates ("2026", "2026-03", "2026-03-31") and RFC
// 3339 times.
func checkDate(d string) error {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006", time.RFC3339} {
		if _, err := time.Parse(layout, d); err == nil {
			return nil
		}
	}
	return fmt.Errorf("date %q: want 2006-01-02, 2006-01, 2006 or RFC 3339: %w", d, ErrArgument)
}

// Source records a file the story read, as fetch described it (a
// fetch.Client download, fetch.Describe or fetch.DescribeFile), with a
// description a reader understands. A file downloaded by a fetch.Client
// counts as the publisher's original and its download time is its
// retrieval date; for anything else, use SourceWith to say so. Problems
// (no hash, a different file already recorded under the same URL) are
// kept for Err and WriteDir. Recording the same file (same URL or path,
// same hash) again is harmless: the first record is kept.
func (l *Ledger) Source(r fetch.Resource, description string) {
	if err := l.SourceWith(r, description); err != nil {
		l.errs = append(l.errs, err)
	}
}

// SourceWith is Source with what the resource does not know: the
// publisher's URL of a local copy, the retrieval and cut dates, whether
// the file is the original or a processed copy, the publisher and the
// licence.
func (l *Ledger) SourceWith(r fetch.Resource, description string, opts ...SourceOption) error {
	s := SourceInfo{
		Description:  description,
		URL:          r.URL,
		Path:         sourcePath(r.Path),
		SHA256:       strings.ToLower(r.SHA256),
		Bytes:        r.Size,
		ETag:         r.ETag,
		LastModified: r.LastModified,
	}
	if s.URL == "" {
		s.URL = sourcePath(r.Path)
	}
	if !r.FetchedAt.IsZero() {
		s.Retrieved = r.FetchedAt.UTC().Format(time.RFC3339)
		s.Copy = CopyOriginal
	}
	switch {
	case r.Stale:
		s.Warning = "stale cached copy: " + r.Warning
	case r.Changed:
		s.Warning = "contents changed since the previous download (was sha256 " + r.PreviousSHA256 + ")"
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&s); err != nil {
			return fmt.Errorf("ledger: Source %q: %w", s.key(), err)
		}
	}
	if s.key() == "" {
		return fmt.Errorf("ledger: Source %q: no URL or path to name the file by: %w", description, ErrArgument)
	}
	if s.SHA256 == "" {
		return fmt.Errorf("ledger: Source %q: no SHA-256 (describe the file with fetch.Describe or fetch.DescribeFile): %w", s.key(), ErrArgument)
	}
	for _, old := range l.sources {
		if old.key() != s.key() && (old.Path == "" || old.Path != s.Path) {
			continue
		}
		if old.SHA256 != s.SHA256 {
			return fmt.Errorf("ledger: Source %q: sha256 %s, but %q was recorded with sha256 %s: %w",
				s.key(), short(s.SHA256), old.key(), short(old.SHA256), ErrDuplicate)
		}
		return nil
	}
	l.sources = append(l.sources, s)
	return nil
}

// sourceNamed finds a recorded source by URL, path or the path's base
// name.
func (l *Ledger) sourceNamed(name string) (SourceInfo, int) {
	var found SourceInfo
	n := 0
	for _, s := range l.sources {
		if s.URL == name || s.Path == name || (s.Path != "" && path.Base(s.Path) == name) {
			found = s
			n++
		}
	}
	return found, n
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12] + "…"
	}
	return h
}
