package fetch

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxHTMLDepth bounds how deeply a page's elements may nest. The HTML
// parser checks the stack of open elements at every tag, so its work
// grows with the square of the depth: 20,000 nested <div> take seconds,
// 200,000 minutes. Real pages stay well under a hundred levels.
const maxHTMLDepth = 4000

// checkHTMLDepth tokenizes the page (linear time) and returns an error
// wrapping ErrTooLarge when its elements nest deeper than maxHTMLDepth.
// Elements whose end tag HTML lets a page leave out (p, li, td, tr,
// option…), void elements (br, img…) and the formatting elements that a
// cell's end closes (font, b, i…, often left open on old pages) are not
// counted, so a page that omits </td> or </font> is not taken for a deep
// one.
func checkHTMLDepth(text string, cfg *config) error {
	z := html.NewTokenizer(strings.NewReader(text))
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil
		case html.StartTagToken:
			name, _ := z.TagName()
			if htmlDepthCounts(atom.Lookup(name)) {
				depth++
				if depth > maxHTMLDepth {
					return fmt.Errorf("fetch: %s: elements nested more than %d deep: %w", orDash(cfg.source), maxHTMLDepth, ErrTooLarge)
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if htmlDepthCounts(atom.Lookup(name)) && depth > 0 {
				depth--
			}
		}
	}
}

// htmlDepthCounts reports whether a start tag of a opens an element that
// needs its end tag.
func htmlDepthCounts(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Li, atom.Dt, atom.Dd, atom.Tr, atom.Td, atom.Th, atom.Tbody, atom.Thead,
		atom.Tfoot, atom.Colgroup, atom.Caption, atom.Option, atom.Optgroup, atom.Rp, atom.Rt,
		atom.Html, atom.Head, atom.Body,
		atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr,
		atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.Nobr, atom.S,
		atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U:
		return false
	}
	return true
}
