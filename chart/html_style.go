package chart

import (
	"fmt"
	"strings"

	"gonum.org/v1/plot/vg"
)

// darkScheme holds the embed's colours when the reader's system asks for a
// dark scheme; each text colour has a contrast above 7:1 on the background.
var darkScheme = map[string]string{
	"bg": "#1B1B1B", "text": "#EDEDED", "muted": "#BDBDBD", "grid": "#3A3A3A", "axis": "#8C8C8C", "link": "#8CC8F0",
}

// embedCSS returns the figure's style sheet, every rule scoped to its id.
// The chart's text blocks are indented as much as the drawing's margin, so
// HTML title and SVG plot line up at every width; below the chart's own
// width (in CSS pixels) the phone drawing is shown.
func embedCSS(id string, th Theme, wPt, phoneW vg.Length, narrow bool) string {
	css := func(name string) string { return "--cf-" + name }
	light := map[string]string{"link": "#005A8C", "bg": "#FFFFFF", "text": "#222222", "muted": "#5C5C5C", "grid": "#E3E3E3", "axis": "#888888"}
	for name, c := range map[string]colorT{"bg": th.Background, "text": th.Text, "muted": th.Muted, "grid": th.Grid, "axis": th.Axis} {
		if c != nil {
			light[name] = hexColour(c)
		}
	}
	vars := func(m map[string]string) string {
		var parts []string
		for _, n := range []string{"bg", "text", "muted", "grid", "axis", "link"} {
			parts = append(parts, css(n)+":"+m[n])
		}
		return strings.Join(parts, ";")
	}
	pad := func(w vg.Length) string { return fmt.Sprintf("%.3f%%", float64(th.Margin/w)*100) }
	wideCSS := int(float64(wPt)*4/3 + 0.5) // CSS pixels are 3/4 of a point
	var b strings.Builder
	r := func(format string, args ...any) {
		b.WriteString(strings.ReplaceAll(fmt.Sprintf(format, args...), "#ID", "#"+id))
		b.WriteByte('\n')
	}
	r("#ID{%s;position:relative;display:flex;flex-direction:column;container-type:inline-size;margin:0;padding:0;max-width:100%%;box-sizing:border-box;font-family:'Liberation Sans',Arial,Helvetica,sans-serif;color:var(--cf-text);background:var(--cf-bg);line-height:1.35}", vars(light))
	r("@media (prefers-color-scheme: dark){#ID{%s}}", vars(darkScheme))
	r("#ID *{box-sizing:border-box}")
	textPad := pad(wPt)
	if narrow {
		textPad = pad(phoneW)
	}
	r("#ID .cf-title,#ID .cf-sub,#ID figcaption{padding-left:%s;padding-right:%s}", textPad, textPad)
	// text grows with the drawing when the container is wider than the
	// chart's own size (the SVG scales up), so title and labels keep their
	// proportions: the size in container units is the theme's point size
	// over the drawing's width.
	cq := func(px float64, pt vg.Length, w vg.Length) string {
		return fmt.Sprintf("font-size:%gpx;font-size:max(%gpx,%.3fcqw)", px, px, float64(pt/w)*100)
	}
	drawW := wPt
	if narrow {
		drawW = phoneW
	}
	r("#ID .cf-title{%s}", cq(20, th.TitleSize, drawW))
	r("#ID .cf-sub{%s}", cq(15, th.SubtitleSize, drawW))
	r("#ID figcaption{%s}", cq(12, th.NoteSize, drawW))
	if narrow {
		r("@container (min-width: %dpx){#ID .cf-title{%s}#ID .cf-sub{%s}#ID figcaption{%s}}", wideCSS, cq(20, th.TitleSize, wPt), cq(15, th.SubtitleSize, wPt), cq(12, th.NoteSize, wPt))
	}
	r("#ID .cf-title{font-weight:700;line-height:1.25;margin:0;padding-top:8px;text-wrap:balance}")
	r("#ID .cf-sub{color:var(--cf-muted);margin:4px 0 0;text-wrap:balance}")
	r("#ID .cf-svg svg{display:block;width:100%%;height:auto;max-width:100%%}")
	if narrow {
		r("#ID .cf-wide{display:none}")
		r("@container (min-width: %dpx){#ID .cf-narrow{display:none}#ID .cf-wide{display:block}#ID .cf-title,#ID .cf-sub,#ID figcaption{padding-left:%s;padding-right:%s}}", wideCSS, pad(wPt), pad(wPt))
	}
	r("#ID figcaption{color:var(--cf-muted);margin:0;padding-bottom:8px}")
	r("#ID figcaption p{margin:2px 0}")
	r("#ID .cf-tools{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;margin-top:6px}")
	r("#ID .cf-tools button,#ID .cf-tools a{font:inherit;color:var(--cf-link)}")
	r("#ID .cf-tools button{background:none;border:1px solid currentColor;border-radius:3px;padding:3px 10px;cursor:pointer}")
	r("#ID .cf-credit{margin-left:auto}")
	r("#ID .cf-data{order:1;overflow-x:auto;max-width:100%%;padding:0 %s 8px}", textPad)
	r("#ID .cf-sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);clip-path:inset(50%%);white-space:nowrap;border:0}")
	r("#ID table{border-collapse:collapse;font-size:13px;width:100%%}")
	r("#ID caption{text-align:left;font-weight:700;padding:4px 0}")
	r("#ID th,#ID td{padding:3px 6px;border-bottom:1px solid var(--cf-grid);text-align:left;font-weight:normal}")
	r("#ID thead th{font-weight:700}")
	r("#ID .cf-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}")
	r("#ID :focus-visible{outline:2px solid var(--cf-link);outline-offset:2px}")
	r("#ID .cf-hit{fill:transparent;stroke:none;pointer-events:all;outline:none}")
	r("#ID .cf-hit:hover{fill:var(--cf-text);fill-opacity:.07}")
	r("#ID .cf-hit:focus,#ID .cf-hit:focus-visible{stroke:var(--cf-link);stroke-width:1.5;outline:none}")
	r("#ID .cf-tip{position:absolute;z-index:3;pointer-events:none;display:none;max-width:260px;padding:4px 8px;background:var(--cf-bg);color:var(--cf-text);border:1px solid var(--cf-axis);border-radius:3px;box-shadow:0 1px 4px rgba(0,0,0,.25);font-size:13px;line-height:1.3}")
	return b.String()
}

// htmlJS shows and hides the data table, shows each mark's value in a
// tooltip on hover and keyboard focus (the marks' SVG titles, which work
// without the script, are taken out so that two tooltips do not show), and posts the height of the page
// to the parent window, as Datawrapper embeds do (HTMLMessage). @ID@ is
// the figure's id; the script finds its figure as the element before it,
// so each of two figures that share an id still gets its own tooltip and
// table button.
const htmlJS = `(function(){
var s=document.currentScript,f=s&&s.previousElementSibling;
if(!f||f.id!=="@ID@"){f=document.getElementById("@ID@");}if(!f){return;}
var btn=f.querySelector(".cf-toggle"),tab=f.querySelector(".cf-data");
var last=0;
function post(){
var h=Math.ceil(document.documentElement.getBoundingClientRect().height);
if(h===last||!window.parent||window.parent===window){return;}
last=h;var m={};m["datawrapper-height"]={};m["datawrapper-height"]["@ID@"]=h;
window.parent.postMessage(m,"*");
}
if(btn&&tab){btn.addEventListener("click",function(){
var open=btn.getAttribute("aria-expanded")!=="true";
btn.setAttribute("aria-expanded",open?"true":"false");
if(open){tab.classList.remove("cf-sr");}else{tab.classList.add("cf-sr");}
btn.textContent=btn.getAttribute(open?"data-hide":"data-show");post();});}
var tip=document.createElement("div");tip.className="cf-tip";tip.setAttribute("aria-hidden","true");f.appendChild(tip);
f.querySelectorAll(".cf-hit title").forEach(function(t){t.parentNode.removeChild(t);});
function hit(e){return e.target&&e.target.classList&&e.target.classList.contains("cf-hit")?e.target:null;}
function show(e){
var t=hit(e);if(!t){return;}
tip.textContent=t.getAttribute("aria-label");tip.style.display="block";
var fr=f.getBoundingClientRect(),br=t.getBoundingClientRect();
var cx=e.clientX!==undefined&&e.type==="mouseover"?e.clientX:br.left+br.width/2;
var cy=e.clientY!==undefined&&e.type==="mouseover"?e.clientY:br.top;
var x=Math.max(0,Math.min(cx-fr.left-tip.offsetWidth/2,fr.width-tip.offsetWidth));
var y=cy-fr.top-tip.offsetHeight-10;if(y<0){y=cy-fr.top+18;}
tip.style.left=x+"px";tip.style.top=y+"px";
}
function hide(e){if(hit(e)){tip.style.display="none";}}
f.addEventListener("mouseover",show);f.addEventListener("focusin",show);
f.addEventListener("mouseout",hide);f.addEventListener("focusout",hide);
if(window.ResizeObserver){new ResizeObserver(post).observe(f);}
window.addEventListener("load",post);window.addEventListener("resize",post);post();
})();
`
