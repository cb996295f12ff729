package fetch

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// jkind is the kind of a JSON value.
type jkind uint8

const (
	jNull jkind = iota
	jBool
	jNumber
	jString
	jObject
	jArray
)

// jnode is one JSON value that keeps the order of object keys (which
// map[string]any loses) and the exact text of numbers.
type jnode struct {
	kind jkind
	text string   // scalar text: number literal, string, "true"/"false"
	keys []string // object keys, in order
	vals []*jnode // object values (parallel to keys) or array elements
}

// parseJSONValue reads the rest of the value whose first token is tok.
// budget is how many more values (nodes) it may build; passing it is an
// error wrapping ErrTooLarge, so one huge value cannot exhaust memory.
func parseJSONValue(dec jsonTokens, tok json.Token, depth int, budget *int) (*jnode, error) {
	if l, ok := dec.(*jsonLexer); ok {
		return l.parseNode(tok, depth, budget)
	}
	return parseJSONTokens(dec, tok, depth, budget)
}

// jsonValueBudgetError is the error of a value holding too many values.
func jsonValueBudgetError() error {
	return fmt.Errorf("one JSON value holds more than %d values: %w (raise it with fetch.WithLimits(fetch.Limits{Cells: …}))", jsonNodeBudget(Limits{}.withDefaults()), ErrTooLarge)
}

// parseJSONTokens is parseJSONValue one token at a time, for any token
// stream.
func parseJSONTokens(dec jsonTokens, tok json.Token, depth int, budget *int) (*jnode, error) {
	if *budget--; *budget < 0 {
		return nil, jsonValueBudgetError()
	}
	switch v := tok.(type) {
	case json.Delim:
		if depth >= jsonMaxDepth {
			return nil, fmt.Errorf("nesting deeper than %d: %w", jsonMaxDepth, ErrFormat)
		}
		switch v {
		case '{':
			n := &jnode{kind: jObject}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := kt.(string)
				vt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				child, err := parseJSONTokens(dec, vt, depth+1, budget)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, key)
				n.vals = append(n.vals, child)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return n, nil
		case '[':
			n := &jnode{kind: jArray}
			for dec.More() {
				et, err := dec.Token()
				if err != nil {
					return nil, err
				}
				child, err := parseJSONTokens(dec, et, depth+1, budget)
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, child)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return n, nil
		}
		return nil, fmt.Errorf("unexpected %q: %w", v.String(), ErrFormat)
	case string:
		return &jnode{kind: jString, text: v}, nil
	case json.Number:
		return &jnode{kind: jNumber, text: string(v)}, nil
	case bool:
		if v {
			return &jnode{kind: jBool, text: "true"}, nil
		}
		return &jnode{kind: jBool, text: "false"}, nil
	case nil:
		return &jnode{kind: jNull}, nil
	}
	return nil, fmt.Errorf("unexpected token %v: %w", tok, ErrFormat)
}

// cell returns the text of n as a table cell: scalars as written, null as
// "" (missing), arrays and objects as compact JSON.
func (n *jnode) cell() string {
	switch n.kind {
	case jNull:
		return ""
	case jObject:
		if len(n.keys) == 0 {
			return ""
		}
		fallthrough
	case jArray:
		var b strings.Builder
		n.writeJSON(&b)
		return b.String()
	}
	return n.text
}

// writeJSON writes n as compact JSON.
func (n *jnode) writeJSON(b *strings.Builder) {
	switch n.kind {
	case jNull:
		b.WriteString("null")
	case jBool, jNumber:
		b.WriteString(n.text)
	case jString:
		writeJSONString(b, n.text)
	case jObject:
		b.WriteByte('{')
		for i, k := range n.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, k)
			b.WriteByte(':')
			n.vals[i].writeJSON(b)
		}
		b.WriteByte('}')
	case jArray:
		b.WriteByte('[')
		for i, v := range n.vals {
			if i > 0 {
				b.WriteByte(',')
			}
			v.writeJSON(b)
		}
		b.WriteByte(']')
	}
}

func writeJSONString(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c == '\n':
				b.WriteString(`\n`)
			case c == '\r':
				b.WriteString(`\r`)
			case c == '\t':
				b.WriteString(`\t`)
			case c < 0x20:
				b.WriteString(`\u00`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&0xf])
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(`\ufffd`)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
}

// jsonRecordsNames are the keys that usually hold the records of an API
// answer; they settle the choice when an object holds several arrays.
var jsonRecordsNames = map[string]bool{
	"records": true, "results": true, "result": true, "data": true, "rows": true,
	"items": true, "features": true, "datos": true, "observations": true,
	"registros": true, "resultados": true, "value": true, "values": true,
}

// jsonCandidate is an array of records found inside a document.
type jsonCandidate struct {
	path []string
	node *jnode
}

// jsonCandidates lists the arrays of objects (or of arrays) under object n,
// without looking inside them.
func jsonCandidates(n *jnode, prefix []string, out []jsonCandidate) []jsonCandidate {
	for i, k := range n.keys {
		v := n.vals[i]
		p := append(append([]string(nil), prefix...), k)
		switch v.kind {
		case jObject:
			out = jsonCandidates(v, p, out)
		case jArray:
			// An empty array counts when its name says it holds the
			// records (a search with no results), so that the answer reads
			// as no records rather than as one row of metadata.
			if jsonIsRecordArray(v) || len(v.vals) == 0 && jsonRecordsNames[strings.ToLower(k)] {
				out = append(out, jsonCandidate{path: p, node: v})
			}
		}
	}
	return out
}

// jsonIsRecordArray reports whether a holds at least one element and every
// element is an object (nulls allowed), or every element is an array.
func jsonIsRecordArray(a *jnode) bool {
	objs, arrs := 0, 0
	for _, e := range a.vals {
		switch e.kind {
		case jObject:
			objs++
		case jArray:
			arrs++
		case jNull:
		default:
			return false
		}
	}
	return objs > 0 && arrs == 0 || arrs > 0 && objs == 0 && arrs == len(a.vals)
}

// jsonChooseRecords picks the array of records inside object n: the only
// jsonCandidate, or the only one with a records-like name. An array with one
// element that itself holds records is entered (Banxico's
// bmx.series.0.datos). It returns nil, nil when n holds no array of
// records, and an error listing the candidates when the choice is
// ambiguous.
func jsonChooseRecords(n *jnode, prefix []string, depth int) (*jsonCandidate, error) {
	cands := jsonCandidates(n, prefix, nil)
	if len(cands) == 0 {
		return nil, nil
	}
	var c *jsonCandidate
	if len(cands) == 1 {
		c = &cands[0]
	} else {
		var named []int
		for i, cd := range cands {
			if jsonRecordsNames[strings.ToLower(cd.path[len(cd.path)-1])] {
				named = append(named, i)
			}
		}
		if len(named) != 1 {
			parts := make([]string, len(cands))
			for i, cd := range cands {
				parts[i] = fmt.Sprintf("%s (%d)", strings.Join(cd.path, "."), len(cd.node.vals))
			}
			sort.Strings(parts)
			return nil, fmt.Errorf("several arrays of records: %s; choose one with RecordsPath: %w",
				jsonShortList(parts, 12), ErrFormat)
		}
		c = &cands[named[0]]
	}
	if len(c.node.vals) == 1 && c.node.vals[0].kind == jObject && depth < 8 {
		p := append(append([]string(nil), c.path...), "0")
		inner, err := jsonChooseRecords(c.node.vals[0], p, depth+1)
		if err == nil && inner != nil {
			return inner, nil
		}
	}
	return c, nil
}

// fromDocument reads the records of a single JSON object.
func (t *jsonTable) fromDocument(n *jnode) error {
	if msg, ok := apiErrorAnswer(n); ok {
		return fmt.Errorf("the document is an API error answer (\"success\": false), not data: %s: %w", msg, ErrEmpty)
	}
	c, err := jsonChooseRecords(n, nil, 0)
	if err != nil {
		return err
	}
	if c == nil {
		t.notes = append(t.notes, "a single object with no array of records: read as one row")
		return t.add(n)
	}
	t.path = strings.Join(c.path, ".")
	t.notes = append(t.notes, fmt.Sprintf("records found at %q (%d); set RecordsPath to choose another array",
		strings.Join(c.path, "."), len(c.node.vals)))
	for _, e := range c.node.vals {
		if err := t.add(e); err != nil {
			return err
		}
	}
	return nil
}

// apiErrorAnswer recognises a saved CKAN error answer, {"success": false,
// "error": {"message": …, "__type": …}}, and returns its message.
func apiErrorAnswer(n *jnode) (string, bool) {
	if n.kind != jObject {
		return "", false
	}
	var success, errNode *jnode
	for i, k := range n.keys {
		switch k {
		case "success":
			success = n.vals[i]
		case "error":
			errNode = n.vals[i]
		}
	}
	if success == nil || success.kind != jBool || success.text != "false" || errNode == nil {
		return "", false
	}
	var parts []string
	if errNode.kind == jObject {
		for i, k := range errNode.keys {
			v := errNode.vals[i]
			if v.kind == jString || v.kind == jNumber {
				parts = append(parts, k+": "+v.text)
			} else if v.kind == jArray || v.kind == jObject {
				parts = append(parts, k+": "+v.cell())
			}
		}
	} else if errNode.kind == jString {
		parts = append(parts, errNode.text)
	}
	msg := strings.Join(parts, "; ")
	if len(msg) > 300 {
		msg = msg[:300] + "…"
	}
	if msg == "" {
		msg = "no message"
	}
	return msg, true
}
