package fetch

import (
	"bytes"
	"strings"
)

// Dialect sniffing: the delimiter and Excel's "sep=" line. Quoting is
// always the double quote (RFC 4180, with "" for a quote inside a quoted
// field); line ends may be LF, CRLF or, for old Mac files, CR alone.

// delimiters are the candidates, in order of preference on a tie.
var delimiters = []byte{'\t', ';', '|', ','}

// delimiterName names a delimiter for reports.
func delimiterName(d byte) string {
	switch d {
	case '\t':
		return "tab"
	case ' ':
		return "space"
	}
	return string(rune(d))
}

// sepLine recognises Excel's first line "sep=;" (possibly quoted) and
// returns the delimiter and the length of the line with its line end.
func sepLine(b string) (byte, int, bool) {
	end := strings.IndexByte(b, '\n')
	line := b
	if end >= 0 {
		line = b[:end]
	}
	t := strings.Trim(strings.TrimRight(line, "\r "), `"`)
	if len(t) != 5 || !strings.EqualFold(t[:4], "sep=") {
		return 0, 0, false
	}
	n := len(b)
	if end >= 0 {
		n = end + 1
	}
	d := t[4]
	if d == 't' {
		d = '\t'
	}
	if d == '"' || d == '\n' || d >= 0x80 {
		return 0, 0, false
	}
	return d, n, true
}

// sniffDelimiter chooses the delimiter from the first lines of text: the
// candidate that splits the most lines into the same number (≥ 2) of
// fields, counting only delimiters outside quotes. Title lines and notes
// lower every candidate's score alike. On a near tie, tab, semicolon and
// pipe win over comma (a ";" file often has decimal commas; a "," file
// rarely has a ";" on every line). With no candidate, it is ",".
func sniffDelimiter(text string) byte {
	if len(text) > sniffWindow {
		text = text[:sniffWindow]
		if i := strings.LastIndexByte(text, '\n'); i > 0 {
			text = text[:i]
		}
	}
	b := []byte(text)
	lines := splitSniffLines(b, 200)
	if len(lines) == 0 {
		return ','
	}
	best, bestScore := byte(','), 0.0
	for _, d := range delimiters {
		counts := map[int]int{}
		nonBlank := 0
		for _, ln := range lines {
			if len(bytes.TrimSpace(ln)) == 0 {
				continue
			}
			nonBlank++
			counts[countOutsideQuotes(ln, d)]++
		}
		mode, modeN := 0, 0
		for c, n := range counts {
			if c > 0 && (n > modeN || n == modeN && c > mode) {
				mode, modeN = c, n
			}
		}
		if mode == 0 || nonBlank == 0 {
			continue
		}
		score := float64(modeN) / float64(nonBlank)
		// a candidate must beat the current best clearly to replace a
		// preferred one (delimiters are tried in order of preference).
		if score > bestScore+0.1 || bestScore == 0 {
			best, bestScore = d, score
		}
	}
	return best
}

// splitSniffLines splits b into at most max logical lines, keeping quoted
// line breaks inside their line.
func splitSniffLines(b []byte, max int) [][]byte {
	var out [][]byte
	start, inQ := 0, false
	for i := 0; i < len(b) && len(out) < max; i++ {
		switch b[i] {
		case '"':
			inQ = !inQ
		case '\n':
			if !inQ {
				out = append(out, bytes.TrimRight(b[start:i], "\r"))
				start = i + 1
			}
		}
	}
	if start < len(b) && len(out) < max {
		out = append(out, b[start:])
	}
	return out
}

func countOutsideQuotes(line []byte, d byte) int {
	n, inQ := 0, false
	for _, c := range line {
		switch {
		case c == '"':
			inQ = !inQ
		case c == d && !inQ:
			n++
		}
	}
	return n
}

// oldMacLineEnds reports whether b uses CR alone as its line end: no LF in
// the sniffing window but some CR.
func oldMacLineEnds(b string) bool {
	if len(b) > sniffWindow {
		b = b[:sniffWindow]
	}
	return strings.IndexByte(b, '\n') < 0 && strings.IndexByte(b, '\r') >= 0
}
