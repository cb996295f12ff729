//go:build tools

package deps

import (
	_ "codeberg.org/go-fonts/liberation"
	_ "github.com/PuerkitoBio/goquery"
	_ "github.com/go-gota/gota/dataframe"
	_ "github.com/go-gota/gota/series"
	_ "github.com/schollz/progressbar/v3"
	_ "github.com/xuri/excelize/v2"
	_ "golang.org/x/net/html/charset"
	_ "golang.org/x/term"
	_ "golang.org/x/text/cases"
	_ "golang.org/x/text/encoding/charmap"
	_ "golang.org/x/text/encoding/htmlindex"
	_ "golang.org/x/text/encoding/unicode"
	_ "golang.org/x/text/language"
	_ "golang.org/x/text/message"
	_ "golang.org/x/text/transform"
	_ "golang.org/x/text/unicode/norm"
	_ "gonum.org/v1/plot"
	_ "gonum.org/v1/plot/cmpimg"
	_ "gonum.org/v1/plot/font"
	_ "gonum.org/v1/plot/plotter"
	_ "gonum.org/v1/plot/vg"
	_ "gonum.org/v1/plot/vg/draw"
	_ "gonum.org/v1/plot/vg/vgimg"
	_ "gonum.org/v1/plot/vg/vgpdf"
	_ "gonum.org/v1/plot/vg/vgsvg"
	_ "modernc.org/sqlite"
)
