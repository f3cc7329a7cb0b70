// Command rulestable prints the README's rules table, made of the rule
// packages' specs (analyzer.RulesTable), or with -w FILE replaces the table
// between FILE's <!-- rules-table --> and <!-- /rules-table --> markers.
//
//	go generate ./analyzer
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/atlint/atlint/analyzer"
)

const begin, end = "<!-- rules-table -->\n", "<!-- /rules-table -->"

func main() {
	w := flag.String("w", "", "rewrite the rules table of this Markdown file")
	flag.Parse()
	table := analyzer.RulesTable()
	if *w == "" {
		fmt.Print(table)
		return
	}
	if err := rewrite(*w, table); err != nil {
		fmt.Fprintln(os.Stderr, "rulestable:", err)
		os.Exit(1)
	}
}

func rewrite(name, table string) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	s := string(b)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		return fmt.Errorf("%s has no %q ... %q section", name, strings.TrimSpace(begin), end)
	}
	out := s[:i+len(begin)] + table + s[j:]
	if out == s {
		return nil
	}
	return os.WriteFile(name, []byte(out), 0o644)
}
