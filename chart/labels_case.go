package chart

import (
	"strings"
	"unicode"
)

// SentenceCase rewrites labels written all in capitals, as government
// catalogues write them, in sentence case: "DREDGING INTERNATIONAL MEXICO
// SA DE CV" is drawn "Dredging international mexico SA de CV". Category,
// series and point labels with any lower-case letter are left as they
// are; legal forms, Roman numerals and words without vowels stay in
// capitals (SA, CV, SAPI, RL, II, IMSS). Highlight still matches the
// original text (matching ignores case).
func SentenceCase() Option { return func(c *config) { c.sentenceCase = true } }

// keepCaps are words that stay in capitals inside a sentence-cased label.
var keepCaps = map[string]bool{
	"SA": true, "CV": true, "SAPI": true, "SAB": true, "RL": true, "SC": true, "AC": true, "IAP": true,
	"II": true, "III": true, "IV": true, "VI": true, "VII": true, "VIII": true, "IX": true, "XI": true, "XII": true,
	"IMSS": true, "ISSSTE": true, "CFE": true, "PEMEX": true, "SEP": true, "SAT": true, "INEGI": true,
	"UNAM": true, "IPN": true, "CDMX": true, "SHCP": true, "CONAGUA": true, "SCT": true, "SEDENA": true,
	"DIF": true, "IMSS-BIENESTAR": true, "SNTE": true, "TV": true, "MX": true, "USA": true, "EUA": true,
}

// caseLabels applies SentenceCase when the chart asks for it.
func (c *config) caseLabels(labels []string) []string {
	if !c.sentenceCase {
		return labels
	}
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = sentenceCase(l)
	}
	return out
}

// sentenceCase writes an all-capitals label in sentence case.
func sentenceCase(s string) string {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return s
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 2 {
		return s
	}
	words := strings.Split(s, " ")
	first := true
	for i, w := range words {
		core := strings.Trim(w, ".,;:()\"'")
		if core == "" {
			continue
		}
		if keepCaps[strings.ReplaceAll(core, ".", "")] || !hasVowel(core) {
			first = false
			continue
		}
		lw := []rune(strings.ToLower(w))
		if first {
			for k, r := range lw {
				if unicode.IsLetter(r) {
					lw[k] = unicode.ToUpper(r)
					break
				}
			}
			first = false
		}
		words[i] = string(lw)
	}
	return strings.Join(words, " ")
}

func hasVowel(s string) bool {
	return strings.ContainsAny(strings.ToUpper(s), "AEIOUÁÉÍÓÚÜY")
}
