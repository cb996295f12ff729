package chart_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/datacon-mx/cifra/chart"
	"github.com/datacon-mx/cifra/internal/frame"
)

// browserDir keeps the screenshots of the browser test, to be looked at.
const browserDir = "testdata/browser"

// chromium returns the headless browser to use: $CIFRA_CHROMIUM, or under
// CI chromium on the PATH. Otherwise the test skips (it takes about 40
// seconds), and under CI a missing browser is a failure.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CIFRA_CHROMIUM"); p != "" {
		return p
	}
	if os.Getenv("CI") == "" {
		t.Skip("set CIFRA_CHROMIUM=/usr/bin/chromium (Debian package chromium) to check the embeds in a browser")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("CI is set but no Chromium was found: install Debian's chromium package or set CIFRA_CHROMIUM")
	}
	t.Skip("no Chromium found (set CIFRA_CHROMIUM=/usr/bin/chromium, or apt-get install chromium): the embeds are not checked in a browser")
	return ""
}

// harness is a page that loads an embed in an iframe of a given width, as
// a CMS does, resizes the iframe to the height the embed posts, and
// writes what a browser sees into #cifra-result for --dump-dom to read.
const harness = `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<style>html,body{margin:0;padding:0;background:#fff}iframe{border:0;display:block;width:%dpx;height:200px}#cifra-result{display:none}</style>
</head><body>
<iframe id="embed" scrolling="no" srcdoc="%s"></iframe>
<pre id="cifra-result"></pre>
<script>
var heights=[];
window.addEventListener("message",function(e){
  var d=e.data&&e.data["datawrapper-height"];if(!d){return;}
  for(var k in d){heights.push(d[k]);document.getElementById("embed").style.height=d[k]+"px";}
});
function measure(){
  var d=document.getElementById("embed").contentDocument,de=d.documentElement,w=d.defaultView;
  var r={width:de.clientWidth,scrollWidth:de.scrollWidth,heights:heights};
  var t=d.querySelector("figure table");
  r.tableRows=t?t.tBodies[0].rows.length:-1;
  r.inlineSVG=d.querySelectorAll("figure svg[viewBox]").length;
  r.minText=1e9;r.minTextWhat="";
  d.querySelectorAll("figure svg").forEach(function(s){
    if(!s.getClientRects().length){return;}
    var k=s.getBoundingClientRect().width/s.viewBox.baseVal.width;
    s.querySelectorAll("text").forEach(function(x){
      var px=parseFloat(w.getComputedStyle(x).fontSize)*k;
      if(px<r.minText){r.minText=px;r.minTextWhat=x.textContent;}
    });
  });
  d.querySelectorAll("figure h2,figure p,figure button,figure a,figure span").forEach(function(e){
    if(!e.getClientRects().length||e.closest(".cf-sr")){return;}
    var px=parseFloat(w.getComputedStyle(e).fontSize);
    if(px<r.minText){r.minText=px;r.minTextWhat=e.textContent;}
  });
  var over=[];
  d.querySelectorAll("figure *").forEach(function(e){
    if(e.closest(".cf-sr")){return;}
    var b=e.getBoundingClientRect();
    if(b.width>0&&(b.right>de.clientWidth+0.5||b.left<-0.5)){over.push(e.tagName+"."+e.getAttribute("class"));}
  });
  r.overflowing=over.slice(0,5);
  var hits=[].filter.call(d.querySelectorAll("figure .cf-hit"),function(h){return h.getClientRects().length>0;});
  r.marks=hits.length;r.tip="";
  if(hits.length){hits[0].dispatchEvent(new w.FocusEvent("focusin",{bubbles:true}));var tp=d.querySelector("figure .cf-tip");if(tp&&tp.style.display==="block"){r.tip=tp.textContent;}hits[0].dispatchEvent(new w.FocusEvent("focusout",{bubbles:true}));}
  var btn=d.querySelector("figure .cf-toggle");r.tableShown=0;r.scrollWidthOpen=0;
  if(btn&&t){btn.click();r.tableShown=Math.round(t.getBoundingClientRect().height);r.scrollWidthOpen=de.scrollWidth;btn.click();}
  document.getElementById("cifra-result").textContent=JSON.stringify(r);
}
setTimeout(measure,1500);
</script>
</body></html>
`

type seen struct {
	Width, ScrollWidth int
	Heights            []int
	TableRows          int
	InlineSVG          int
	MinText            float64
	MinTextWhat        string
	Overflowing        []string
	Marks              int
	Tip                string
	TableShown         int
	ScrollWidthOpen    int
}

// TestBrowser opens the HTML embeds of a few charts in headless Chromium
// at 360, 640 and 1200 CSS pixels and checks what a reader's browser
// sees: nothing wider than the frame, no text under 11 pixels, the data
// table, and the height message a CMS resizes the iframe with. It keeps a
// screenshot of each run in testdata/browser/.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	bin := chromium(t)
	charts := map[string]func() (*chart.Chart, error){
		"bar": func() (*chart.Chart, error) {
			return chart.Bar(homicideRates(), "entidad", "tasa",
				chart.Title("Colima, la entidad con más carpetas por homicidio doloso por habitante"),
				chart.Subtitle("Carpetas de investigación por homicidio doloso por cada 100 mil habitantes, enero–marzo de 2026"),
				chart.Highlight("Colima"), chart.RefLine(nationalRate, "Nacional"),
				chart.Note("Nota: carpetas de investigación. Población a mitad de año."),
				chart.Source("SESNSP, incidencia delictiva estatal; CONAPO, proyecciones de población"), chart.Credit("cifra"))
		},
		"line": func() (*chart.Chart, error) {
			return chart.Line(rolling12(), "periodo", "valor",
				chart.Title("Las remesas a México crecieron 2.3 veces desde 2016"),
				chart.Subtitle("Ingresos por remesas de los últimos 12 meses, miles de millones de dólares"),
				chart.Source("Banco de México, ingresos por remesas. Suma móvil de 12 meses."))
		},
		"map": func() (*chart.Chart, error) {
			codes := make([]string, len(homicidios))
			for i, h := range homicidios {
				codes[i] = h.cve
			}
			df := homicideRates().Mutate(frame.Strings("cve_ent", codes, nil))
			return chart.Choropleth(df, "cve_ent", "tasa",
				chart.Title("El homicidio se concentra en el Pacífico y el norte"),
				chart.Subtitle("Carpetas por homicidio doloso por cada 100 mil habitantes, enero–marzo de 2026"),
				chart.Source("SESNSP; CONAPO; INEGI, Marco Geoestadístico"))
		},
	}
	wantRows := map[string]int{"bar": 32, "map": 32}
	if err := os.MkdirAll(browserDir, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for _, name := range []string{"bar", "line", "map"} {
		ch, err := charts[name]()
		if err != nil {
			t.Fatal(err)
		}
		var embed bytes.Buffer
		if err := ch.Render(&embed, "html"); err != nil {
			t.Fatal(err)
		}
		for _, width := range []int{360, 640, 1200} {
			t.Run(fmt.Sprintf("%s/%d", name, width), func(t *testing.T) {
				page := filepath.Join(tmp, fmt.Sprintf("%s_%d.html", name, width))
				doc := fmt.Sprintf(harness, width, html.EscapeString(embed.String()))
				if err := os.WriteFile(page, []byte(doc), 0o644); err != nil {
					t.Fatal(err)
				}
				dom := runChromium(t, bin, tmp, "--window-size="+fmt.Sprintf("%d,900", width), "--dump-dom", "file://"+page)
				m := resultRE.FindSubmatch(dom)
				if m == nil {
					t.Fatalf("the page wrote no measurements; DOM starts %.300q", dom)
				}
				var s seen
				if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &s); err != nil {
					t.Fatalf("measurements %q: %v", m[1], err)
				}
				t.Logf("%s at %d px: scroll width %d, height messages %v, table rows %d, smallest text %.1f px (%q), %d hover targets, first says %q",
					name, width, s.ScrollWidth, s.Heights, s.TableRows, s.MinText, s.MinTextWhat, s.Marks, s.Tip)
				if s.TableShown < 100 || s.ScrollWidthOpen > s.Width {
					t.Errorf("the button shows the table %d px high with scroll width %d: want it shown, inside the frame", s.TableShown, s.ScrollWidthOpen)
				}
				if s.Marks == 0 || s.Tip == "" {
					t.Errorf("%d hover targets, tooltip %q: want each value shown on hover and focus", s.Marks, s.Tip)
				}
				if s.ScrollWidth > s.Width || len(s.Overflowing) > 0 {
					t.Errorf("horizontal overflow: scroll width %d in a %d px frame; elements past the edge: %v", s.ScrollWidth, s.Width, s.Overflowing)
				}
				if s.InlineSVG == 0 {
					t.Error("no inline SVG with a viewBox")
				}
				if want, ok := wantRows[name]; ok && s.TableRows != want {
					t.Errorf("data table has %d rows, want %d", s.TableRows, want)
				} else if s.TableRows <= 0 {
					t.Errorf("no data table (%d rows)", s.TableRows)
				}
				if s.MinText < 11 {
					t.Errorf("smallest text is %.2f px (%q), want at least 11", s.MinText, s.MinTextWhat)
				}
				if len(s.Heights) == 0 || s.Heights[len(s.Heights)-1] < 200 {
					t.Errorf("height messages %v: want the embed's height posted to the parent", s.Heights)
				}
				h := 900
				if len(s.Heights) > 0 {
					h = s.Heights[len(s.Heights)-1]
				}
				shot := filepath.Join(tmp, fmt.Sprintf("%s_%d.png", name, width))
				runChromium(t, bin, tmp, fmt.Sprintf("--window-size=%d,%d", width, h), "--screenshot="+shot, "file://"+page)
				png, err := os.ReadFile(shot)
				if err != nil {
					t.Fatalf("no screenshot: %v", err)
				}
				if err := os.WriteFile(filepath.Join(browserDir, fmt.Sprintf("%s_%d.png", name, width)), png, 0o644); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

var resultRE = regexp.MustCompile(`(?s)<pre id="cifra-result">(.*?)</pre>`)

// runChromium runs headless Chromium on a page with no network, and
// returns its standard output.
func runChromium(t *testing.T, bin, dir string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	base := []string{"--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
		"--no-first-run", "--disable-extensions", "--disable-background-networking",
		"--user-data-dir=" + filepath.Join(dir, "profile"), "--proxy-server=127.0.0.1:9",
		"--force-device-scale-factor=1", "--virtual-time-budget=4000"}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s", bin, args, err, errb.String())
	}
	return out.Bytes()
}
