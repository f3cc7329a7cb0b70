//go:build ignore

// Genmodule writes a synthetic Go module for measuring atlint's time and
// memory as a module grows:
//
//	go run scripts/genmodule.go -dir /tmp/gen1 -scale 1
//
// The module has a widely imported package (base: every other package
// imports it, directly or not), then layers of packages that import base,
// two packages of the layer below and some of the standard library. Each
// package has files of ordinary code (structs, methods, closures, loops,
// generics), a test file, and every tenth package calls an Atlassian REST
// API, so that atlint has findings to report. -scale N multiplies the
// number of packages (120 at scale 1, about 150k lines).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir := flag.String("dir", "", "output directory (created)")
	scale := flag.Int("scale", 1, "size multiplier")
	files := flag.Int("files", 6, "files per package")
	funcs := flag.Int("funcs", 6, "functions per file")
	flag.Parse()
	if *dir == "" {
		log.Fatal("-dir is required")
	}
	const perLayer = 12
	n := 120 * *scale
	write(filepath.Join(*dir, "go.mod"), "module example.com/gen\n\ngo 1.22\n")
	write(filepath.Join(*dir, "base", "base.go"), baseSrc)
	write(filepath.Join(*dir, "base", "base_test.go"), "package base\n\nimport \"testing\"\n\nfunc TestNorm(t *testing.T) {\n\tif Norm(\" A \") != \"a\" {\n\t\tt.Fatal(\"norm\")\n\t}\n}\n")
	for i := 0; i < n; i++ {
		layer := i / perLayer
		name := fmt.Sprintf("p%03d", i)
		pkgDir := filepath.Join(*dir, fmt.Sprintf("l%02d", layer), name)
		var imports []string
		if layer > 0 {
			for _, j := range []int{(layer-1)*perLayer + i%perLayer, (layer-1)*perLayer + (i+5)%perLayer} {
				imports = append(imports, fmt.Sprintf("example.com/gen/l%02d/p%03d", layer-1, j))
			}
		}
		for f := 0; f < *files; f++ {
			write(filepath.Join(pkgDir, fmt.Sprintf("f%d.go", f)), fileSrc(name, i, f, *funcs, imports))
		}
		write(filepath.Join(pkgDir, name+"_test.go"), fmt.Sprintf("package %s\n\nimport \"testing\"\n\nfunc TestF0(t *testing.T) {\n\tif _, err := F0_0(nil, 1); err != nil {\n\t\tt.Skip(err)\n\t}\n}\n", name))
	}
}

func write(name, src string) {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		log.Fatal(err)
	}
}

const baseSrc = `// Package base is imported by every package of the module.
package base

import (
	"strings"
	"sync"
)

// Site is the Jira site the generated packages call.
const Site = "https://example.atlassian.net"

// Item is a record.
type Item struct {
	ID    int
	Name  string
	Tags  []string
	Attrs map[string]string
}

// Store keeps items.
type Store[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

// Put stores v under k.
func (s *Store[K, V]) Put(k K, v V) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[K]V{}
	}
	s.m[k] = v
}

// Get returns the value under k.
func (s *Store[K, V]) Get(k K) (V, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[k]
	return v, ok
}

// Norm normalises a name.
func Norm(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Map applies f to each element.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}
`

func fileSrc(pkg string, i, f, funcs int, imports []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"context\"\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"net/http\"\n\t\"sort\"\n\t\"strings\"\n\n\t\"example.com/gen/base\"\n", pkg)
	for k, imp := range imports {
		fmt.Fprintf(&b, "\tdep%d %q\n", k, imp)
	}
	b.WriteString(")\n\n")
	fmt.Fprintf(&b, "// T%d is a record of file %d.\ntype T%d struct {\n\tItem  base.Item\n\tCount int\n\tLabel string `json:\"label\"`\n\tsub   []*T%d\n}\n\n", f, f, f, f)
	fmt.Fprintf(&b, "// Len returns the number of sub-records.\nfunc (t *T%d) Len() int { return len(t.sub) }\n\n", f)
	fmt.Fprintf(&b, "// Walk visits t and its sub-records.\nfunc (t *T%d) Walk(fn func(*T%d) bool) bool {\n\tif !fn(t) {\n\t\treturn false\n\t}\n\tfor _, s := range t.sub {\n\t\tif !s.Walk(fn) {\n\t\t\treturn false\n\t\t}\n\t}\n\treturn true\n}\n\n", f, f)
	for k := 0; k < funcs; k++ {
		fmt.Fprintf(&b, "// F%d_%d transforms items.\nfunc F%d_%d(ctx context.Context, n int) ([]string, error) {\n", f, k, f, k)
		b.WriteString("\tvar st base.Store[string, int]\n\titems := make([]base.Item, 0, n)\n")
		b.WriteString("\tfor j := 0; j < n; j++ {\n\t\tit := base.Item{ID: j, Name: fmt.Sprintf(\"item-%d\", j), Attrs: map[string]string{\"k\": \"v\"}}\n\t\tif j%3 == 0 {\n\t\t\tit.Tags = append(it.Tags, \"three\")\n\t\t}\n\t\titems = append(items, it)\n\t\tst.Put(it.Name, j)\n\t}\n")
		b.WriteString("\tsort.Slice(items, func(a, b int) bool { return items[a].Name < items[b].Name })\n")
		b.WriteString("\tnames := base.Map(items, func(it base.Item) string { return base.Norm(it.Name) })\n")
		b.WriteString("\tif _, err := json.Marshal(items); err != nil {\n\t\treturn nil, fmt.Errorf(\"marshal: %w\", err)\n\t}\n")
		b.WriteString("\tswitch {\n\tcase len(names) > 10:\n\t\tnames = names[:10]\n\tcase len(names) == 0:\n\t\treturn nil, nil\n\t}\n")
		if k == 0 {
			for d := range imports {
				fmt.Fprintf(&b, "\tif more, err := dep%d.F0_0(ctx, 1); err == nil {\n\t\tnames = append(names, more...)\n\t}\n", d)
			}
		}
		b.WriteString("\tvar sb strings.Builder\n\tfor _, s := range names {\n\t\tsb.WriteString(s)\n\t}\n\t_ = sb.String()\n\treturn names, ctx.Err()\n}\n\n")
	}
	if i%10 == 0 && f == 0 {
		// Half of them take the site from base's constant, so that a
		// finding depends on another package's types.
		site := `"https://example.atlassian.net"`
		if i%20 == 0 {
			site = "base.Site"
		}
		fmt.Fprintf(&b, "// Myself searches Jira (a deprecated endpoint: atlint reports it).\nfunc Myself(ctx context.Context) (*http.Response, error) {\n\treq, err := http.NewRequestWithContext(ctx, http.MethodGet, %s+\"/rest/api/3/search?jql=project%%3DX\", nil)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn http.DefaultClient.Do(req)\n}\n", site)
	} else {
		b.WriteString("var _ = http.MethodGet\n")
	}
	return b.String()
}
