package ledger

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Render fills a story's text with the ledger's figures: each
// {{cifra "name"}} becomes the figure's published Text ("85.7", "29,498",
// "51.2%"), so every number in the text comes from the ledger and changes
// with it. Spaces inside the braces are allowed ({{ cifra "name" }}), and
// the name may be a Go string literal in double quotes or backquotes.
//
// A name no figure has is an error wrapping ErrNoFigure; anything else
// between "{{" and "}}", or a "{{" that is never closed, is an error
// wrapping ErrTemplate. Both name the line and column. Text without "{{"
// comes back unchanged.
func (l *Ledger) Render(text string) (string, error) {
	var b strings.Builder
	rest := text
	for {
		i := strings.Index(rest, "{{")
		if i < 0 {
			b.WriteString(rest)
			return b.String(), nil
		}
		b.WriteString(rest[:i])
		at := len(text) - len(rest) + i
		name, n, err := parseAction(rest[i:])
		if err != nil {
			line, col := position(text, at)
			return "", fmt.Errorf("ledger: Render: line %d, column %d: %s: %w", line, col, err, ErrTemplate)
		}
		j, ok := l.byName[name]
		if !ok {
			line, col := position(text, at)
			return "", fmt.Errorf("ledger: Render: line %d, column %d: figure %q: %w%s", line, col, name, ErrNoFigure, l.known())
		}
		b.WriteString(l.figures[j].Text)
		rest = rest[i+n:]
	}
}

// parseAction reads {{cifra "name"}} at the start of s and returns the
// name and the length of the action.
func parseAction(s string) (name string, n int, err error) {
	p := 2 // after "{{"
	p = skipSpace(s, p)
	if !strings.HasPrefix(s[p:], "cifra") {
		return "", 0, fmt.Errorf("want {{cifra \"name\"}}, found %q", snippet(s))
	}
	p += len("cifra")
	q := skipSpace(s, p)
	if q == p || q >= len(s) || (s[q] != '"' && s[q] != '`') {
		return "", 0, fmt.Errorf("want a quoted figure name after cifra, found %q", snippet(s))
	}
	end, ok := quotedEnd(s, q)
	if !ok {
		return "", 0, fmt.Errorf("unterminated figure name in %q", snippet(s))
	}
	name, uerr := strconv.Unquote(s[q:end])
	if uerr != nil {
		return "", 0, fmt.Errorf("bad figure name %s", s[q:end])
	}
	p = skipSpace(s, end)
	if !strings.HasPrefix(s[p:], "}}") {
		return "", 0, fmt.Errorf("want }} after the figure name, found %q", snippet(s))
	}
	return name, p + 2, nil
}

// quotedEnd returns the index after the Go string literal that starts at
// s[q] (a double-quoted one may not span lines).
func quotedEnd(s string, q int) (int, bool) {
	quote := s[q]
	for i := q + 1; i < len(s); i++ {
		switch {
		case s[i] == quote:
			return i + 1, true
		case quote == '"' && s[i] == '\\':
			i++
		case quote == '"' && s[i] == '\n':
			return 0, false
		}
	}
	return 0, false
}

func skipSpace(s string, p int) int {
	for p < len(s) && (s[p] == ' ' || s[p] == '\t') {
		p++
	}
	return p
}

// snippet is the start of an action, for messages.
func snippet(s string) string {
	if i := strings.Index(s, "}}"); i >= 0 && i < 60 {
		return s[:i+2]
	}
	r := []rune(s)
	if len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}

// position turns a byte offset into a 1-based line and column (in runes).
func position(text string, at int) (line, col int) {
	before := text[:at]
	line = strings.Count(before, "\n") + 1
	if k := strings.LastIndexByte(before, '\n'); k >= 0 {
		before = before[k+1:]
	}
	return line, len([]rune(before)) + 1
}

// known lists the figure names for an error message.
func (l *Ledger) known() string {
	if len(l.figures) == 0 {
		return " (the ledger has no figures yet)"
	}
	names := make([]string, 0, len(l.figures))
	for _, f := range l.figures {
		names = append(names, strconv.Quote(f.Name))
	}
	sort.Strings(names)
	if len(names) > 20 {
		names = append(names[:20], "…")
	}
	return " (figures: " + strings.Join(names, ", ") + ")"
}
