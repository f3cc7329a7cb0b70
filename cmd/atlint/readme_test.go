package main_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/atlint/atlint/analyzer"
	"github.com/atlint/atlint/analyzer/model"
)

// repoFile reads a file of the repository (the tests run in cmd/atlint).
func repoFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRuleDocs checks that README.md's rules table is the one the rule
// packages' specs make (analyzer.RulesTable: refresh it with go generate
// ./analyzer), that every rule of the catalog has its page,
// docs/rules/ATLnnn.md (the address model.DocURL gives, which SARIF helpUri,
// JSON doc and atlint help print), linked from its row, and that no page
// documents a rule the catalog lacks.
func TestRuleDocs(t *testing.T) {
	readme := repoFile(t, "README.md")
	const begin, end = "<!-- rules-table -->\n", "<!-- /rules-table -->"
	start, stop := strings.Index(readme, begin), strings.Index(readme, end)
	if start < 0 || stop < start {
		t.Fatal("README.md has no <!-- rules-table --> ... <!-- /rules-table --> section")
	}
	table := readme[start+len(begin) : stop]
	if want := analyzer.RulesTable(); table != want {
		t.Errorf("README.md's rules table is not the one the rule specs make: run go generate ./analyzer\n(-want +got):\n%s", cmp.Diff(strings.Split(want, "\n"), strings.Split(table, "\n")))
	}
	rowRe := regexp.MustCompile("(?m)^\\| \\[(ATL\\d{3})\\]\\(docs/rules/(ATL\\d{3})\\.md\\) \\| `([a-z]+)` \\|")
	rows := map[string]string{}
	for _, m := range rowRe.FindAllStringSubmatch(table, -1) {
		if m[1] != m[2] {
			t.Errorf("README rules table: %s links to docs/rules/%s.md", m[1], m[2])
		}
		rows[m[1]] = m[3]
	}
	catalog := analyzer.Catalog()
	if len(catalog) < 11 {
		t.Fatalf("the catalog holds %d rules, want at least the 11 of 2026-11", len(catalog))
	}
	for _, r := range catalog {
		if an, ok := rows[r.ID]; !ok {
			t.Errorf("README rules table has no row | [%s](docs/rules/%s.md) | `%s` | ...", r.ID, r.ID, r.Analyzer)
		} else if an != r.Analyzer {
			t.Errorf("README rules table: %s is reported by analyzer %s, not %s", r.ID, r.Analyzer, an)
		}
		delete(rows, r.ID)
		url := model.DocURL(r.ID)
		if want := "https://github.com/atlint/atlint/blob/main/docs/rules/" + r.ID + ".md"; url != want {
			t.Errorf("DocURL(%s) = %s, want %s", r.ID, url, want)
		}
		b, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules", r.ID+".md"))
		if err != nil {
			t.Errorf("rule %s has no page: %v", r.ID, err)
			continue
		}
		if page := string(b); !strings.HasPrefix(page, "# "+r.ID+": ") || !strings.Contains(page, "`"+r.Analyzer+"`") {
			t.Errorf("docs/rules/%s.md does not start with \"# %s: title\" or does not name analyzer %s", r.ID, r.ID, r.Analyzer)
		}
	}
	for id := range rows {
		t.Errorf("README rules table lists %s, which is not in the catalog", id)
	}
	pages, _ := filepath.Glob(filepath.Join("..", "..", "docs", "rules", "*.md"))
	for _, p := range pages {
		id := strings.TrimSuffix(filepath.Base(p), ".md")
		if _, ok := analyzer.RuleByID(id); !ok {
			t.Errorf("docs/rules/%s.md documents a rule that is not in the catalog", id)
		}
	}
}

// TestDocLinks checks that every relative link of the README and the docs
// pages points at a file of the repository.
func TestDocLinks(t *testing.T) {
	files := []string{"README.md"}
	more, _ := filepath.Glob(filepath.Join("..", "..", "docs", "*.md"))
	rules, _ := filepath.Glob(filepath.Join("..", "..", "docs", "rules", "*.md"))
	for _, f := range append(more, rules...) {
		rel, _ := filepath.Rel(filepath.Join("..", ".."), f)
		files = append(files, filepath.ToSlash(rel))
	}
	linkRe := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	n := 0
	for _, f := range files {
		for _, m := range linkRe.FindAllStringSubmatch(repoFile(t, f), -1) {
			target, anchor, _ := strings.Cut(m[1], "#")
			if strings.Contains(target, "://") {
				continue
			}
			n++
			p := filepath.Join("..", "..", filepath.FromSlash(filepath.Dir(f)), filepath.FromSlash(target))
			if target == "" {
				p = filepath.Join("..", "..", filepath.FromSlash(f))
			}
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s links to %s, which does not exist", f, m[1])
				continue
			}
			if anchor != "" && strings.HasSuffix(p, ".md") && !anchors(t, p)[anchor] {
				t.Errorf("%s links to %s: no heading makes the anchor #%s", f, m[1], anchor)
			}
		}
	}
	if n < 10 {
		t.Errorf("found only %d relative links in %v", n, files)
	}
}

// TestSafeSnippets checks the integration snippets against the ways they
// once leaked secrets or named things that do not exist yet: every
// golangci-lint configuration turns off the printing of source lines (an
// ATL101 line holds the token), go fix is never shown with -diff (it
// prints removed lines, token and all), and nothing installs @latest of
// an unpublished module or pins a tag that does not exist.
func TestSafeSnippets(t *testing.T) {
	readme := repoFile(t, "README.md")
	blockRe := regexp.MustCompile("(?s)```yaml\n(.*?)```")
	configs := 0
	for _, m := range blockRe.FindAllStringSubmatch(readme, -1) {
		if strings.Contains(m[1], "linters:") {
			configs++
			if !strings.Contains(m[1], "print-issued-lines: false") {
				t.Errorf("README: a golangci-lint configuration without print-issued-lines: false:\n%s", m[1])
			}
		}
	}
	if configs == 0 {
		t.Error("README shows no golangci-lint configuration")
	}
	example := repoFile(t, ".golangci.example.yml")
	if !regexp.MustCompile(`(?m)^output:\n  formats:\n    text:\n      print-issued-lines: false$`).MatchString(example) {
		t.Error(".golangci.example.yml does not set output.formats.text.print-issued-lines: false")
	}
	for _, f := range []string{"README.md", ".golangci.example.yml", ".custom-gcl.yml", ".pre-commit-hooks.yaml", "docs/rules/ATL101.md"} {
		inCode := !strings.HasSuffix(f, ".md") // prose may warn against it
		for i, line := range strings.Split(repoFile(t, f), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "```") {
				inCode = !inCode
			}
			if inCode && strings.Contains(line, "go fix") && strings.Contains(line, "-diff") {
				t.Errorf("%s:%d shows go fix -diff, which prints whole secrets: %s", f, i+1, line)
			}
			if strings.Contains(line, "@latest") || regexp.MustCompile(`rev: v\d`).MatchString(line) || strings.Contains(line, "version: latest") {
				t.Errorf("%s:%d names a release that does not exist: %s", f, i+1, line)
			}
		}
	}
}

// anchors returns the anchors GitHub makes of the headings of a Markdown
// file: lower case, punctuation other than - and _ dropped, spaces as -.
func anchors(t *testing.T, path string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	inCode := false
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "```") {
			inCode = !inCode
		}
		if inCode || !strings.HasPrefix(line, "#") {
			continue
		}
		title := strings.ToLower(strings.TrimSpace(strings.TrimLeft(line, "#")))
		var slug strings.Builder
		for _, r := range title {
			switch {
			case r == ' ':
				slug.WriteByte('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				slug.WriteRune(r)
			}
		}
		set[slug.String()] = true
	}
	return set
}
