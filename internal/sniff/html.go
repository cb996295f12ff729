package sniff

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// htmlElements are the element names that open an HTML page (or a page
// fragment served in place of data). XML data (a KML, an XML export) starts
// with other names.
var htmlElements = []string{
	"!doctype html", "html", "head", "body", "meta", "title", "script",
	"style", "link", "div", "p", "h1", "h2", "h3", "center", "table",
	"form", "iframe", "br", "span", "pre", "a", "b", "noscript", "base",
}

// HTML reports whether b, the first bytes of a body, is an HTML page: its
// first element, after an optional BOM, whitespace of any length, an XML
// declaration and any number of comments, is one of the usual HTML
// elements. UTF-16 text (with or without a BOM) is decoded first. A prefix
// that ends inside the leading comments counts as HTML: data files do not
// open with "<!--".
func HTML(b []byte) bool {
	b = utf8Of(b)
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	for {
		b = trimSpace(b)
		switch {
		case len(b) == 0:
			return false
		case b[0] != '<':
			return false
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b[4:], []byte("-->"))
			if i < 0 {
				return true
			}
			b = b[4+i+3:]
		case hasPrefixFold(b, "<?xml"):
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return false
			}
			b = b[i+2:]
		default:
			return htmlElement(b[1:])
		}
	}
}

// htmlElement reports whether b (what follows a '<') names an HTML element.
func htmlElement(b []byte) bool {
	for _, name := range htmlElements {
		if !hasPrefixFold(b, name) {
			continue
		}
		if len(b) == len(name) {
			return true
		}
		switch b[len(name)] {
		case '>', ' ', '\t', '\r', '\n', '\f', '/':
			return true
		}
	}
	return false
}

// trimSpace drops leading ASCII whitespace and NUL bytes left by a
// careless UTF-16 conversion.
func trimSpace(b []byte) []byte {
	i := 0
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\r', '\n', '\f', '\v', 0:
			i++
			continue
		}
		break
	}
	return b[i:]
}

func hasPrefixFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// utf8Of decodes b to UTF-8 when it is UTF-16 (a BOM, or NUL bytes in most
// even or odd positions of its start); other bytes are returned as they
// are.
func utf8Of(b []byte) []byte {
	le := false
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		le, b = true, b[2:]
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		b = b[2:]
	default:
		n := len(b)
		if n > 512 {
			n = 512
		}
		if n < 4 {
			return b
		}
		even, odd := 0, 0
		for i := 0; i+1 < n; i += 2 {
			if b[i] == 0 {
				even++
			}
			if b[i+1] == 0 {
				odd++
			}
		}
		pairs := n / 2
		switch {
		case odd*4 >= pairs*3 && even*4 < pairs:
			le = true
		case even*4 >= pairs*3 && odd*4 < pairs:
		default:
			return b
		}
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if le {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		} else {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
	}
	out := make([]byte, 0, len(u))
	for _, r := range utf16.Decode(u) {
		out = utf8.AppendRune(out, r)
	}
	return out
}
