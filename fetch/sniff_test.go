package fetch

import "testing"

func TestSniffDelimiter(t *testing.T) {
	tests := []struct {
		name, in string
		want     byte
	}{
		{"comma", "a,b,c\n1,2,3\n4,5,6\n", ','},
		{"semicolon with decimal commas", "a;b\n1,5;2,5\n3,5;4,5\n", ';'},
		{"tab", "a\tb\n1\t2\n", '\t'},
		{"pipe", "a|b|c\n1|2|3\n", '|'},
		{"quoted commas in a semicolon file", "a;b\n\"x,y,z\";1\n\"p,q\";2\n", ';'},
		{"preamble lines", "Título del cuadro\n\nFecha,Valor\n01/01/2020,1\n02/01/2020,2\n03/01/2020,3\n", ','},
		{"one column", "empresa\nACME\nOMEGA\n", ','},
		{"quoted line breaks", "a,b\n\"x\ny\",1\n\"z\",2\n", ','},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniffDelimiter(tt.in); got != tt.want {
				t.Errorf("sniffDelimiter = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSepLine(t *testing.T) {
	tests := []struct {
		in   string
		d    byte
		n    int
		isOK bool
	}{
		{"sep=;\r\na;b\n", ';', 7, true},
		{"\"sep=,\"\na,b\n", ',', 8, true},
		{"SEP=\t\n", '\t', 6, true},
		{"separador\n", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, n, ok := sepLine(tt.in)
			if d != tt.d || n != tt.n || ok != tt.isOK {
				t.Errorf("sepLine = %q %d %v", d, n, ok)
			}
		})
	}
}
