package tableschema

import (
	"fmt"
	"strings"
)

// strptimeCodes maps the Python/C strptime directives a Table Schema date
// "format" uses to Go layout elements.
var strptimeCodes = map[byte]string{
	'Y': "2006", 'y': "06", 'm': "01", 'd': "02", 'H': "15", 'I': "03", 'M': "04", 'S': "05",
	'p': "PM", 'b': "Jan", 'B': "January", 'a': "Mon", 'A': "Monday", 'z': "-0700", 'Z': "MST",
	'f': "000000", 'j': "002", '%': "%",
}

// Strptime turns a strptime pattern such as "%d/%m/%Y" into a Go time
// layout ("02/01/2006"). An unknown directive is an error.
func Strptime(pattern string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(pattern) {
			return "", fmt.Errorf("format %q ends with %%", pattern)
		}
		i++
		d := pattern[i]
		if d == '-' && i+1 < len(pattern) { // %-d, %-m: no padding
			i++
			switch pattern[i] {
			case 'd':
				b.WriteString("2")
				continue
			case 'm':
				b.WriteString("1")
				continue
			}
			return "", fmt.Errorf("format %q: unknown directive %%-%c", pattern, pattern[i])
		}
		g, ok := strptimeCodes[d]
		if !ok {
			return "", fmt.Errorf("format %q: unknown directive %%%c", pattern, d)
		}
		if d == 'f' {
			// Go reads fractional seconds after a '.'; "%S.%f" → "05.000000".
			s := b.String()
			if strings.HasSuffix(s, ".") {
				b.WriteString("000000")
				continue
			}
		}
		b.WriteString(g)
	}
	return b.String(), nil
}
