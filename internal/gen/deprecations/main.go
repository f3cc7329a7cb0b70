// Command deprecations writes atlassian/data/deprecated-replacements.tsv: for
// each deprecated operation of the REST scope table, the replacement
// operation that the spec's own description names, with the sentence that
// names it and the spec file it came from.
//
// It reads the spec files named in shared/data/README.md ("Sources"),
// checks their SHA-256 against the values recorded there, and works
// mechanically:
//
//  1. Each operation of a spec gets the documentation anchor Atlassian's
//     reference pages use for it: "api-" + its path without "/" at the
//     ends, "/" replaced by "-" and braces dropped, + "-" + the method in
//     lower case ("#api-rest-api-3-project-search-get"). Confluence v1 pages
//     also drop the "wiki/rest/api/" prefix ("#api-content-id-child-get").
//     Anchors compare case-insensitively; an anchor that names more than
//     one operation is not used.
//  2. A deprecated operation's description is split into sentences. A
//     sentence names a replacement when it links to an anchor that resolves
//     to another operation of the same spec and it says so: it contains
//     "deprecated", "instead", "removed", "replaced" or "recommend". Links to
//     groups of operations, to other APIs or to change logs name no
//     operation and are not used.
//  3. The first such sentence gives the row. Deprecated operations whose
//     description has none get no row.
//
// Usage (from the repository root, with the spec files in DIR named
// <product>.json; see atlassian/data/README.md for how they were obtained):
//
//	go run ./internal/gen/deprecations -specs DIR > atlassian/data/deprecated-replacements.tsv
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// A source is one spec file of shared/data/README.md's "Sources" table.
type source struct {
	product  string
	repo     string
	commit   string
	path     string
	sha256   string
	prefix   string // what the table puts before the spec's paths
	anchorTo string // a path prefix the reference pages drop from anchors
}

var sources = []source{
	{"jira", "NeoHsu/atla", "ee4e1c3a84bc97021d84fb74378507824cf42962", "specs/jira-v3.json", "b9e7f99b7fb1bfeab2badb10ae14670118ca70b2e02e0d73c81d94124a585f26", "", ""},
	{"confluence-v1", "NeoHsu/atla", "ee4e1c3a84bc97021d84fb74378507824cf42962", "specs/confluence-v1.json", "70088490f4069e0a5b082411ac5296b822041b2848256444f0dfca3f3d319e73", "", "wiki/rest/api/"},
	{"confluence-v2", "NeoHsu/atla", "ee4e1c3a84bc97021d84fb74378507824cf42962", "specs/confluence-v2.json", "c4bd1ed570f21cd6dee2360d9cda0d5aa09933233491c8286d60cc4fa16c5df5", "/wiki/api/v2", ""},
	{"jira-software", "SemanS/digital-spiral", "a4180b90097f7422ab6be5890596574237175e9c", "schemas/jira-software.v3.json", "8aab40487982cd1596a8c7a314427d55d8547c81a4134d944e1a089e647f7716", "", ""},
	{"jsm", "SemanS/digital-spiral", "a4180b90097f7422ab6be5890596574237175e9c", "schemas/jsm.v3.json", "6c4ac90e818c143ec31c218c5e3ec6e9fa2d0ebda6f463cdc00bc1b785ff862a", "", ""},
	{"bitbucket", "AlexSuprun/bitbucket-cli", "2c0f3ecc7be38655d5e92c03b0a4c06ca4e0d1a6", "specs/bitbucket-cloud.json", "0c3c3e9f6c0c711264573f04aa15f5f48699de2326e7363586afed76696a9141", "/2.0", ""},
	{"jira-legacy", "leanzero-srl/leanzero-forge-skills", "5b5963c12bc948d3ca2feccaa197a8a3ddc08f0e", "openapi-jira-cloud.json", "ea1383cc3beda82ffe4aa9014356268e310bfa45867d2c4f9b698e8acc3f36bc", "", ""},
	{"confluence-v1-legacy", "sschatter/confluence-cloud-rest-api-spec", "c0c48d2813dec0e5a2c1c173d0757080dee81eaa", "swagger.v3.json", "8b9559261ade49e4a11df54e3db7cfc674901b152989b8468d947841b88a1e42", "", "wiki/rest/api/"},
}

var methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

type operation struct {
	method, path string // path as in the table (prefix included)
	description  string
	deprecated   bool
}

type spec struct {
	src     source
	ops     []operation
	anchors map[string][]int // lower-case anchor → operations
}

func main() {
	dir := flag.String("specs", "", "directory holding the spec files, named <product>.json")
	table := flag.String("table", "atlassian/data/atlassian-rest-scopes.tsv", "the REST scope table")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "usage: deprecations -specs DIR [-table FILE]")
		os.Exit(2)
	}
	if err := run(*dir, *table, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "deprecations:", err)
		os.Exit(1)
	}
}

func run(dir, tablePath string, stdout, stderr io.Writer) error {
	deprecated, err := readDeprecated(tablePath)
	if err != nil {
		return err
	}
	specs := map[string]*spec{}
	for _, src := range sources {
		if deprecated[src.product] == nil {
			continue
		}
		s, err := loadSpec(filepath.Join(dir, src.product+".json"), src)
		if err != nil {
			return err
		}
		specs[src.product] = s
	}
	w := bufio.NewWriter(stdout)
	fmt.Fprintln(w, "product\tmethod\tpath\treplacement_method\treplacement_path\tquote\tspec\tcommit")
	products := make([]string, 0, len(deprecated))
	for p := range deprecated {
		products = append(products, p)
	}
	sort.Slice(products, func(i, j int) bool { return order(products[i]) < order(products[j]) })
	rows, none := 0, 0
	for _, product := range products {
		s := specs[product]
		for _, key := range deprecated[product] {
			op := s.find(key)
			if op == nil {
				return fmt.Errorf("%s %s: not in %s", product, key, s.src.path)
			}
			repl, quote := s.replacement(op)
			if repl == nil {
				none++
				fmt.Fprintf(stderr, "no replacement named: %s %s %s\n", product, op.method, op.path)
				continue
			}
			rows++
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", product, op.method, op.path, repl.method, repl.path, quote, s.src.repo+" "+s.src.path, s.src.commit)
		}
	}
	fmt.Fprintf(stderr, "%d deprecated operations name a replacement, %d do not\n", rows, none)
	return w.Flush()
}

func order(product string) int {
	for i, s := range sources {
		if s.product == product {
			return i
		}
	}
	return len(sources)
}

// readDeprecated returns, per product, the "METHOD /path" of the table's
// deprecated rows, in the table's order.
func readDeprecated(path string) (map[string][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("%s:%d: want 7 fields", path, i+1)
		}
		if f[6] == "true" {
			out[f[0]] = append(out[f[0]], f[1]+" "+f[2])
		}
	}
	return out, nil
}

func loadSpec(file string, src source) (*spec, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != src.sha256 {
		return nil, fmt.Errorf("%s: SHA-256 %s, want %s (%s %s at %s)", file, got, src.sha256, src.repo, src.path, src.commit)
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	s := &spec{src: src, anchors: map[string][]int{}}
	paths := make([]string, 0, len(doc.Paths))
	for p := range doc.Paths {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		for _, m := range methods {
			raw, ok := doc.Paths[p][m]
			if !ok {
				continue
			}
			var op struct {
				Description string `json:"description"`
				Deprecated  bool   `json:"deprecated"`
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				return nil, fmt.Errorf("%s: %s %s: %v", file, m, p, err)
			}
			i := len(s.ops)
			s.ops = append(s.ops, operation{method: strings.ToUpper(m), path: src.prefix + p, description: op.Description, deprecated: op.Deprecated})
			for _, a := range anchorsOf(m, p, src.anchorTo) {
				s.anchors[a] = append(s.anchors[a], i)
			}
		}
	}
	return s, nil
}

// anchorsOf returns the lower-case documentation anchors of an operation.
func anchorsOf(method, path, drop string) []string {
	p := strings.Trim(path, "/")
	out := []string{anchor(method, p)}
	if drop != "" {
		if rest, ok := strings.CutPrefix(p, drop); ok {
			out = append(out, anchor(method, rest))
		}
	}
	return out
}

func anchor(method, p string) string {
	p = strings.NewReplacer("{", "", "}", "", "/", "-").Replace(p)
	return strings.ToLower("api-" + p + "-" + method)
}

func (s *spec) find(key string) *operation {
	for i := range s.ops {
		if s.ops[i].method+" "+s.ops[i].path == key {
			return &s.ops[i]
		}
	}
	return nil
}

var (
	linkRE = regexp.MustCompile(`\]\(([^)\s]*)\)`)
	cueRE  = regexp.MustCompile(`(?i)\b(deprecated|instead|removed|replaced|recommend)\b`)
)

// replacement returns the operation a sentence of op's description names
// as its replacement, with that sentence.
func (s *spec) replacement(op *operation) (*operation, string) {
	for _, sentence := range sentences(op.description) {
		if !cueRE.MatchString(sentence) {
			continue
		}
		for _, m := range linkRE.FindAllStringSubmatch(sentence, -1) {
			_, frag, ok := strings.Cut(m[1], "#")
			if !ok {
				continue
			}
			ops := s.anchors[strings.ToLower(frag)]
			if len(ops) != 1 {
				continue
			}
			r := &s.ops[ops[0]]
			if r == op {
				continue
			}
			return r, sentence
		}
	}
	return nil, ""
}

// sentences splits a description into sentences: at blank lines, list
// items, and ". " outside link targets. Line breaks inside a sentence
// become spaces.
func sentences(text string) []string {
	var out []string
	for _, para := range regexp.MustCompile(`\n\s*\n|\n\s*[*-]\s`).Split(text, -1) {
		para = strings.Join(strings.Fields(para), " ")
		start, depth := 0, 0
		for i := 0; i < len(para); i++ {
			switch para[i] {
			case '(', '[':
				depth++
			case ')', ']':
				if depth > 0 {
					depth--
				}
			case '.':
				if depth == 0 && (i+1 == len(para) || para[i+1] == ' ') {
					if s := strings.TrimSpace(para[start : i+1]); s != "" {
						out = append(out, s)
					}
					start = i + 1
				}
			}
		}
		if s := strings.TrimSpace(para[start:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}
