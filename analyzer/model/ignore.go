package model

import (
	"go/ast"
	"go/token"
	"regexp"
	"strings"
)

// A Directive is an //atlint:ignore comment:
//
//	//atlint:ignore ATL101 fixture token, revoked 2026-11-01
//	//atlint:ignore ATL301,ATL302 migrating to OAuth in PROJ-12
//
// It silences the named rules on its own line and on the line below.
// A reason is required.
type Directive struct {
	Pos    token.Pos
	End    token.Pos
	Line   int
	IDs    []string // upper-case rule IDs
	Reason string

	// Problem is why the directive is malformed ("" when well formed).
	// A malformed directive silences nothing.
	Problem string
}

const directivePrefix = "//atlint:ignore"

var ruleIDRe = regexp.MustCompile(`^ATL[0-9]{3}$`)

func parseDirectives(fset *token.FileSet, f *ast.File) []*Directive {
	var ds []*Directive
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if !strings.HasPrefix(c.Text, directivePrefix) {
				continue
			}
			rest := c.Text[len(directivePrefix):]
			if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				continue // //atlint:ignorefoo is not ours
			}
			ds = append(ds, parseDirective(fset, c, rest))
		}
	}
	return ds
}

func parseDirective(fset *token.FileSet, c *ast.Comment, rest string) *Directive {
	d := &Directive{Pos: c.Pos(), End: c.End(), Line: fset.Position(c.Pos()).Line}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		d.Problem = "names no rule: write //atlint:ignore ATLnnn reason"
		return d
	}
	for _, id := range strings.Split(fields[0], ",") {
		if id == "" {
			continue
		}
		id = strings.ToUpper(id)
		if !ruleIDRe.MatchString(id) {
			d.Problem = "names " + quoteID(id) + ", which is not a rule ID: write //atlint:ignore ATLnnn reason"
			return d
		}
		d.IDs = append(d.IDs, id)
	}
	d.Reason = strings.Join(fields[1:], " ")
	if d.Reason == "" {
		d.Problem = "has no reason: write why the finding is acceptable after the rule ID"
	}
	return d
}

func quoteID(s string) string {
	if len(s) > 20 {
		s = s[:20] + "…"
	}
	return `"` + s + `"`
}

// covers reports whether the well-formed directive silences rule id at line.
func (d *Directive) covers(id string, line int) bool {
	if d.Problem != "" || (line != d.Line && line != d.Line+1) {
		return false
	}
	for _, x := range d.IDs {
		if x == id {
			return true
		}
	}
	return false
}
