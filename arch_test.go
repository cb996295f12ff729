package cifra_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestArchitecture guards the pipeline's rooms: the four stage packages do
// not import one another, only chart draws with gonum/plot, and only fetch
// talks to the network or parses HTML. The floor packages above the stages
// (ledger, publish, engine, table) may import the stages; no stage imports
// them.
func TestArchitecture(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps=false", "-f", "{{.ImportPath}} {{join .Imports \",\"}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const mod = "github.com/datacon-mx/cifra/"
	stages := []string{"fetch", "clean", "analyze", "chart"}
	stageOf := func(pkg string) string {
		rest, ok := strings.CutPrefix(pkg, mod)
		if !ok {
			return ""
		}
		for _, s := range stages {
			if rest == s || strings.HasPrefix(rest, s+"/") {
				return s
			}
		}
		return ""
	}
	floors := []string{"ledger", "publish", "engine", "table"}
	floorOf := func(pkg string) string {
		rest, ok := strings.CutPrefix(pkg, mod)
		if !ok {
			return ""
		}
		for _, f := range floors {
			if rest == f || strings.HasPrefix(rest, f+"/") {
				return f
			}
		}
		return ""
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, " ")
		from := stageOf(pkg)
		if from == "" {
			continue
		}
		checked++
		for _, imp := range strings.Split(imports, ",") {
			if imp == "" {
				continue
			}
			if to := stageOf(imp); to != "" && to != from {
				t.Errorf("%s imports %s: stage %q must not import stage %q", pkg, imp, from, to)
			}
			if to := floorOf(imp); to != "" {
				t.Errorf("%s imports %s: stage %q must not import %q, which sits above the stages", pkg, imp, from, to)
			}
			if strings.HasPrefix(imp, "gonum.org/v1/plot") && from != "chart" {
				t.Errorf("%s imports %s: only chart may import gonum/plot", pkg, imp)
			}
			if (strings.HasPrefix(imp, "net/http") || strings.HasPrefix(imp, "github.com/PuerkitoBio/goquery")) && from != "fetch" {
				t.Errorf("%s imports %s: only fetch may import net/http and goquery", pkg, imp)
			}
		}
	}
	if checked < 5 {
		t.Errorf("checked only %d stage packages; go list output:\n%s", checked, out)
	}
}
