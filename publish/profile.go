package publish

import (
	"bytes"
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dlclark/regexp2"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

var english = message.NewPrinter(language.English)

// The official v2 profiles, embedded: validation never goes to the network.
//
//go:embed profiles/*.json profiles/LICENSE.md
var profiles embed.FS

// profileURLs maps the URLs the profiles are published at to their
// embedded copies.
var profileURLs = map[string]string{
	"https://datapackage.org/profiles/2.0/datapackage.json":  "profiles/datapackage.json",
	"https://datapackage.org/profiles/2.0/dataresource.json": "profiles/dataresource.json",
	"https://datapackage.org/profiles/2.0/tableschema.json":  "profiles/tableschema.json",
	"https://datapackage.org/profiles/2.0/tabledialect.json": "profiles/tabledialect.json",
}

var (
	profileOnce   sync.Once
	packageSchema *jsonschema.Schema
	profileErr    error
)

// ecmaRegexp compiles the profiles' patterns as ECMA-262 expressions: the
// path patterns use lookaheads ("(?=[^./~])", "(?!file:)") that Go's
// regexp cannot compile.
type ecmaRegexp struct{ re *regexp2.Regexp }

func (r ecmaRegexp) MatchString(s string) bool {
	ok, err := r.re.MatchString(s)
	return err == nil && ok
}

func (r ecmaRegexp) String() string { return r.re.String() }

func compileECMA(expr string) (jsonschema.Regexp, error) {
	re, err := regexp2.Compile(expr, regexp2.ECMAScript)
	if err != nil {
		return nil, err
	}
	// The profiles' patterns are linear, but a descriptor is untrusted
	// input: a match that runs this long fails (and is reported).
	re.MatchTimeout = 2 * time.Second
	return ecmaRegexp{re}, nil
}

// loadProfile compiles the embedded Data Package profile once.
func loadProfile() (*jsonschema.Schema, error) {
	profileOnce.Do(func() {
		c := jsonschema.NewCompiler()
		c.UseRegexpEngine(compileECMA)
		c.AssertFormat()
		urls := make([]string, 0, len(profileURLs))
		for u := range profileURLs {
			urls = append(urls, u)
		}
		sort.Strings(urls)
		for _, u := range urls {
			b, err := profiles.ReadFile(profileURLs[u])
			if err != nil {
				profileErr = err
				return
			}
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				profileErr = fmt.Errorf("profile %s: %w", u, err)
				return
			}
			if err := c.AddResource(u, doc); err != nil {
				profileErr = fmt.Errorf("profile %s: %w", u, err)
				return
			}
		}
		packageSchema, profileErr = c.Compile(ProfileURL)
	})
	return packageSchema, profileErr
}

// profileProblems validates the descriptor document against the v2
// profile and turns each failure into a Problem.
func profileProblems(doc any, resourceName func(int) string) ([]Problem, error) {
	s, err := loadProfile()
	if err != nil {
		return nil, fmt.Errorf("publish: embedded profile: %w", err)
	}
	err = s.Validate(doc)
	if err == nil {
		return nil, nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return []Problem{{Code: "descriptor-error", Message: err.Error()}}, nil
	}
	var out []Problem
	seen := map[string]bool{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		loc := "/" + strings.Join(e.InstanceLocation, "/")
		msg := fmt.Sprintf("descriptor %s: %s", loc, leafMessage(e))
		if seen[msg] {
			return
		}
		seen[msg] = true
		pr := Problem{Code: "descriptor-error", Message: msg}
		if len(e.InstanceLocation) >= 2 && e.InstanceLocation[0] == "resources" {
			if i, err := strconv.Atoi(e.InstanceLocation[1]); err == nil {
				pr.Resource = resourceName(i)
			}
			if len(e.InstanceLocation) >= 5 && e.InstanceLocation[2] == "schema" && e.InstanceLocation[3] == "fields" {
				pr.Field = "#" + e.InstanceLocation[4]
			}
		}
		out = append(out, pr)
	}
	walk(ve)
	return out, nil
}

// leafMessage is the error's own message, without the nested causes.
func leafMessage(e *jsonschema.ValidationError) string {
	if e.ErrorKind == nil {
		return e.Error()
	}
	return e.ErrorKind.LocalizedString(english)
}
