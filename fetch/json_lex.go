package fetch

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// jsonTokens is the token stream ReadJSON reads: encoding/json's Decoder
// (with UseNumber) or jsonLexer, which yields the same tokens several times
// faster.
type jsonTokens interface {
	Token() (json.Token, error)
	More() bool
	InputOffset() int64
}

// jsonSyntaxError is invalid JSON at a byte offset of the (decoded) text.
type jsonSyntaxError struct {
	msg string
	off int64
}

func (e *jsonSyntaxError) Error() string { return e.msg }

// Token states, as in encoding/json's Decoder.
const (
	jtTop = iota
	jtArrayStart
	jtArrayValue
	jtArrayComma
	jtObjectStart
	jtObjectKey
	jtObjectColon
	jtObjectValue
	jtObjectComma
)

// jsonLexer reads JSON text from r and returns the tokens
// encoding/json's Decoder.Token returns with UseNumber (json.Delim,
// string, json.Number, bool, nil), checking the same grammar; a whole
// value can also be read at once into a jnode (parseNode), without a
// token per element.
type jsonLexer struct {
	r        io.Reader
	buf      []byte
	pos, end int   // unread bytes are buf[pos:end]
	off      int64 // input offset of buf[0]
	rerr     error // the reader's error, returned once buf is used up
	state    int
	stack    []int
	// nodes is reused by each parseNode call: a tree is used up (turned
	// into a row of text) before the next one is read, so its nodes, and
	// their key and value slices, serve the next record.
	nodes []*jnode
	used  int
	keys  map[string]string // object keys seen, so each is allocated once
}

// node returns a cleared node of kind k from the arena.
func (l *jsonLexer) node(k jkind) *jnode {
	if l.used == len(l.nodes) {
		l.nodes = append(l.nodes, &jnode{})
	}
	n := l.nodes[l.used]
	l.used++
	n.kind, n.text, n.keys, n.vals = k, "", n.keys[:0], n.vals[:0]
	return n
}

// key reads an object key, returning the same string for the same key.
func (l *jsonLexer) key() (string, error) {
	// The common case: a short key of plain text, already seen.
	for i := l.pos + 1; i < l.end && i-l.pos <= 64; i++ {
		c := l.buf[i]
		if c == '"' {
			if k, ok := l.keys[string(l.buf[l.pos+1:i])]; ok {
				l.pos = i + 1
				return k, nil
			}
			break
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
	}
	k, err := l.readString()
	if err != nil {
		return "", err
	}
	if l.keys == nil {
		l.keys = make(map[string]string)
	}
	if len(l.keys) < 4096 {
		l.keys[k] = k
	}
	return k, nil
}

func newJSONLexer(r io.Reader) *jsonLexer {
	return &jsonLexer{r: r, buf: make([]byte, 64<<10)}
}

// fill reads more input, keeping buf[pos:end]; it returns false when no
// more bytes can come (l.rerr says why).
func (l *jsonLexer) fill() bool {
	if l.rerr != nil {
		return false
	}
	if l.pos > 0 {
		copy(l.buf, l.buf[l.pos:l.end])
		l.off += int64(l.pos)
		l.end -= l.pos
		l.pos = 0
	}
	if l.end == len(l.buf) {
		nb := make([]byte, 2*len(l.buf))
		copy(nb, l.buf[:l.end])
		l.buf = nb
	}
	for tries := 0; tries < 100; tries++ {
		n, err := l.r.Read(l.buf[l.end:])
		l.end += n
		if err != nil {
			l.rerr = err
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	l.rerr = io.ErrNoProgress
	return false
}

// at returns the byte i positions past pos, reading more input as needed.
func (l *jsonLexer) at(i int) (byte, bool) {
	for l.pos+i >= l.end {
		if !l.fill() {
			return 0, false
		}
	}
	return l.buf[l.pos+i], true
}

// peek skips white space and returns the next byte.
func (l *jsonLexer) peek() (byte, error) {
	for {
		for l.pos < l.end {
			switch c := l.buf[l.pos]; c {
			case ' ', '\t', '\n', '\r':
				l.pos++
			default:
				return c, nil
			}
		}
		if !l.fill() {
			return 0, l.rerr
		}
	}
}

// InputOffset is the offset of the next unread byte.
func (l *jsonLexer) InputOffset() int64 { return l.off + int64(l.pos) }

// More reports whether another element follows in the current array or
// object (or another value at the top level).
func (l *jsonLexer) More() bool {
	c, err := l.peek()
	return err == nil && c != ']' && c != '}'
}

func (l *jsonLexer) syntax(c byte, context string) error {
	return &jsonSyntaxError{msg: "invalid character " + quoteJSONChar(c) + " " + context, off: l.InputOffset() + 1}
}

// eof turns the end of input inside a value into io.ErrUnexpectedEOF, and
// passes a reader's error through.
func (l *jsonLexer) eof() error {
	if l.rerr == nil || l.rerr == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return l.rerr
}

func quoteJSONChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

func (l *jsonLexer) valueAllowed() bool {
	switch l.state {
	case jtTop, jtArrayStart, jtArrayValue, jtObjectValue:
		return true
	}
	return false
}

func (l *jsonLexer) valueEnd() {
	switch l.state {
	case jtArrayStart, jtArrayValue:
		l.state = jtArrayComma
	case jtObjectValue:
		l.state = jtObjectComma
	}
}

func (l *jsonLexer) tokenError(c byte) (json.Token, error) {
	context := "looking for beginning of value"
	switch l.state {
	case jtArrayComma:
		context = "after array element"
	case jtObjectStart, jtObjectKey:
		context = "looking for beginning of object key string"
	case jtObjectColon:
		context = "after object key"
	case jtObjectComma:
		context = "after object key:value pair"
	}
	return nil, l.syntax(c, context)
}

// Token returns the next token, as encoding/json's Decoder.Token does.
func (l *jsonLexer) Token() (json.Token, error) {
	for {
		c, err := l.peek()
		if err != nil {
			return nil, err
		}
		switch c {
		case '[', '{':
			if !l.valueAllowed() {
				return l.tokenError(c)
			}
			l.pos++
			l.stack = append(l.stack, l.state)
			if c == '[' {
				l.state = jtArrayStart
			} else {
				l.state = jtObjectStart
			}
			return json.Delim(c), nil
		case ']':
			if l.state != jtArrayStart && l.state != jtArrayComma {
				return l.tokenError(c)
			}
			l.pos++
			l.close()
			return json.Delim(c), nil
		case '}':
			if l.state != jtObjectStart && l.state != jtObjectComma {
				return l.tokenError(c)
			}
			l.pos++
			l.close()
			return json.Delim(c), nil
		case ':':
			if l.state != jtObjectColon {
				return l.tokenError(c)
			}
			l.pos++
			l.state = jtObjectValue
			continue
		case ',':
			switch l.state {
			case jtArrayComma:
				l.state = jtArrayValue
			case jtObjectComma:
				l.state = jtObjectKey
			default:
				return l.tokenError(c)
			}
			l.pos++
			continue
		case '"':
			if l.state == jtObjectStart || l.state == jtObjectKey {
				s, err := l.readString()
				if err != nil {
					return nil, err
				}
				l.state = jtObjectColon
				return s, nil
			}
		}
		if !l.valueAllowed() {
			return l.tokenError(c)
		}
		tok, err := l.scalar(c)
		if err != nil {
			return nil, err
		}
		l.valueEnd()
		return tok, nil
	}
}

// close leaves the innermost container.
func (l *jsonLexer) close() {
	l.state = l.stack[len(l.stack)-1]
	l.stack = l.stack[:len(l.stack)-1]
	l.valueEnd()
}

// scalar reads a string, number, true, false or null starting with c.
func (l *jsonLexer) scalar(c byte) (json.Token, error) {
	switch {
	case c == '"':
		return l.readString()
	case c == '-' || c >= '0' && c <= '9':
		s, err := l.readNumber()
		return json.Number(s), err
	case c == 't':
		return true, l.literal("true")
	case c == 'f':
		return false, l.literal("false")
	case c == 'n':
		return nil, l.literal("null")
	}
	return nil, l.syntax(c, "looking for beginning of value")
}

func (l *jsonLexer) literal(word string) error {
	for i := 1; i < len(word); i++ {
		c, ok := l.at(i)
		if !ok {
			return l.eof()
		}
		if c != word[i] {
			l.pos += i
			return l.syntax(c, "in literal "+word+" (expecting "+quoteJSONChar(word[i])+")")
		}
	}
	l.pos += len(word)
	return nil
}

// readNumber reads the longest JSON number at pos, as encoding/json's
// scanner does: it ends at the first byte that cannot continue it, and a
// number cut short ("-", "1.", "1e+") is an error.
func (l *jsonLexer) readNumber() (string, error) {
	i := 0
	c, _ := l.at(0)
	if c == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for {
			c, ok := l.at(i)
			if !ok || c < '0' || c > '9' {
				return n
			}
			i++
			n++
		}
	}
	bad := func(what string) (string, error) {
		c, ok := l.at(i)
		if !ok {
			return "", l.eof()
		}
		l.pos += i
		return "", l.syntax(c, what)
	}
	c, ok := l.at(i)
	switch {
	case ok && c == '0':
		i++
	case ok && c >= '1' && c <= '9':
		digits()
	default:
		return bad("in numeric literal")
	}
	if c, ok := l.at(i); ok && c == '.' {
		i++
		if digits() == 0 {
			return bad("after decimal point in numeric literal")
		}
	}
	if c, ok := l.at(i); ok && (c == 'e' || c == 'E') {
		i++
		if c, ok := l.at(i); ok && (c == '+' || c == '-') {
			i++
		}
		if digits() == 0 {
			return bad("in exponent of numeric literal")
		}
	}
	s := string(l.buf[l.pos : l.pos+i])
	l.pos += i
	return s, nil
}

// parseNode reads the rest of a value whose first token was tok (already
// returned by Token), building it whole without a token per element; it
// keeps parseJSONValue's budget and depth rules and leaves the token state
// as Token would.
func (l *jsonLexer) parseNode(tok json.Token, depth int, budget *int) (*jnode, error) {
	d, ok := tok.(json.Delim)
	if !ok || d != '{' && d != '[' {
		return parseJSONTokens(l, tok, depth, budget)
	}
	l.used = 0
	n, err := l.container(byte(d), depth, budget)
	if err != nil {
		return nil, err
	}
	l.close()
	return n, nil
}

// container reads the body of an object or array whose opening byte (open)
// was read, up to and including its closing byte.
func (l *jsonLexer) container(open byte, depth int, budget *int) (*jnode, error) {
	if *budget--; *budget < 0 {
		return nil, jsonValueBudgetError()
	}
	if depth >= jsonMaxDepth {
		return nil, fmt.Errorf("nesting deeper than %d: %w", jsonMaxDepth, ErrFormat)
	}
	if open == '[' {
		n := l.node(jArray)
		c, err := l.peek()
		if err != nil {
			return nil, l.eof()
		}
		if c == ']' {
			l.pos++
			return n, nil
		}
		for {
			v, err := l.value(depth+1, budget)
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, v)
			c, err := l.peek()
			if err != nil {
				return nil, l.eof()
			}
			l.pos++
			if c == ']' {
				return n, nil
			}
			if c != ',' {
				l.pos--
				return nil, l.syntax(c, "after array element")
			}
		}
	}
	n := l.node(jObject)
	c, err := l.peek()
	if err != nil {
		return nil, l.eof()
	}
	if c == '}' {
		l.pos++
		return n, nil
	}
	for {
		if c != '"' {
			return nil, l.syntax(c, "looking for beginning of object key string")
		}
		key, err := l.key()
		if err != nil {
			return nil, err
		}
		if c, err = l.peek(); err != nil {
			return nil, l.eof()
		}
		if c != ':' {
			return nil, l.syntax(c, "after object key")
		}
		l.pos++
		v, err := l.value(depth+1, budget)
		if err != nil {
			return nil, err
		}
		n.keys = append(n.keys, key)
		n.vals = append(n.vals, v)
		if c, err = l.peek(); err != nil {
			return nil, l.eof()
		}
		l.pos++
		if c == '}' {
			return n, nil
		}
		if c != ',' {
			l.pos--
			return nil, l.syntax(c, "after object key:value pair")
		}
		if c, err = l.peek(); err != nil {
			return nil, l.eof()
		}
	}
}

// value reads one whole value inside a container.
func (l *jsonLexer) value(depth int, budget *int) (*jnode, error) {
	c, err := l.peek()
	if err != nil {
		return nil, l.eof()
	}
	if c == '{' || c == '[' {
		l.pos++
		return l.container(c, depth, budget)
	}
	var n *jnode
	switch {
	case c == '"':
		s, err := l.readString()
		if err != nil {
			return nil, err
		}
		n = l.node(jString)
		n.text = s
	case c == '-' || c >= '0' && c <= '9':
		s, err := l.readNumber()
		if err != nil {
			return nil, err
		}
		n = l.node(jNumber)
		n.text = s
	default:
		tok, err := l.scalar(c)
		if err != nil {
			return nil, err
		}
		n = l.node(jNull)
		if b, ok := tok.(bool); ok {
			n.kind, n.text = jBool, "false"
			if b {
				n.text = "true"
			}
		}
	}
	if *budget--; *budget < 0 {
		return nil, jsonValueBudgetError()
	}
	return n, nil
}
