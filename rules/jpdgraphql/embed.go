package jpdgraphql

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer/model"
)

// Limits on what an embed pattern may make us read.
const (
	maxEmbedFiles = 1000
	maxEmbedSize  = 8 << 20
)

// readFromDisk reads an embedded file when the driver's Pass.ReadFile does
// not accept it (no driver lists embedded files among a package's files).
// Tests replace it to play a sandbox where nothing can be read.
var readFromDisk = os.ReadFile

// checkEmbeds reports operations in .graphql and .gql files embedded with
// //go:embed into a string, []byte or embed.FS variable.
func (c *checker) checkEmbeds() {
	for _, fi := range c.m.Files {
		if !hasEmbed(fi.File) {
			continue
		}
		dir := filepath.Dir(fi.Name)
		for _, decl := range fi.File.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				docs := vs.Doc
				if docs == nil && !gd.Lparen.IsValid() {
					docs = gd.Doc
				}
				if docs == nil || len(vs.Names) != 1 || !c.embeddable(vs) {
					continue
				}
				for _, cm := range docs.List {
					pats, ok := embedPatterns(cm.Text)
					if !ok {
						continue
					}
					for _, path := range resolveEmbed(dir, pats) {
						c.checkEmbeddedFile(fi, cm, vs, path)
					}
				}
			}
		}
	}
}

func hasEmbed(f *ast.File) bool {
	for _, cg := range f.Comments {
		for _, cm := range cg.List {
			if strings.HasPrefix(cm.Text, "//go:embed") {
				return true
			}
		}
	}
	return false
}

// embeddable reports whether the variable is a string, []byte or embed.FS,
// by its type when known, else by its spelling.
func (c *checker) embeddable(vs *ast.ValueSpec) bool {
	if c.pass.TypesInfo != nil {
		if obj := c.pass.TypesInfo.Defs[vs.Names[0]]; obj != nil && obj.Type() != nil && obj.Type() != types.Typ[types.Invalid] {
			t := obj.Type()
			if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "embed" && n.Obj().Name() == "FS" {
				return true
			}
			switch u := t.Underlying().(type) {
			case *types.Basic:
				return u.Kind() == types.String
			case *types.Slice:
				b, ok := u.Elem().Underlying().(*types.Basic)
				return ok && b.Kind() == types.Byte
			}
			return false
		}
	}
	switch t := vs.Type.(type) {
	case *ast.Ident:
		return t.Name == "string"
	case *ast.ArrayType:
		e, ok := t.Elt.(*ast.Ident)
		return t.Len == nil && ok && e.Name == "byte"
	case *ast.SelectorExpr:
		return t.Sel.Name == "FS"
	}
	return false
}

// embedPatterns parses a //go:embed comment: space-separated patterns,
// each bare, "quoted" or `raw`.
func embedPatterns(text string) ([]string, bool) {
	rest, ok := strings.CutPrefix(text, "//go:embed")
	if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t') {
		return nil, false
	}
	var pats []string
	for {
		rest = strings.TrimLeft(rest, " \t")
		if rest == "" {
			return pats, len(pats) > 0
		}
		switch rest[0] {
		case '"', '`':
			q := rest[0]
			i := 1
			for i < len(rest) && rest[i] != q {
				if q == '"' && rest[i] == '\\' {
					i++
				}
				i++
			}
			if i >= len(rest) {
				return nil, false
			}
			p, err := strconv.Unquote(rest[:i+1])
			if err != nil {
				return nil, false
			}
			pats = append(pats, p)
			rest = rest[i+1:]
		default:
			i := strings.IndexAny(rest, " \t")
			if i < 0 {
				i = len(rest)
			}
			pats = append(pats, rest[:i])
			rest = rest[i:]
		}
	}
}

// isGraphQLFile reports whether the file name has a GraphQL extension.
func isGraphQLFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".graphql" || ext == ".gql"
}

// resolveEmbed returns the .graphql/.gql files that the patterns embed,
// relative to dir, sorted. Patterns follow go:embed: path.Match globs,
// directories embedded recursively without files whose names begin with
// '.' or '_' unless the pattern has the all: prefix. Patterns that escape
// dir or match nothing are skipped (the compiler reports them).
func resolveEmbed(dir string, pats []string) []string {
	var out []string
	for _, pat := range pats {
		all := false
		if p, ok := strings.CutPrefix(pat, "all:"); ok {
			pat, all = p, true
		}
		if pat == "" || strings.HasPrefix(pat, "/") || slices.Contains(strings.Split(pat, "/"), "..") {
			continue
		}
		matches, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(pat)))
		if err != nil {
			continue
		}
		for _, m := range matches {
			st, err := os.Stat(m)
			if err != nil {
				continue
			}
			if !st.IsDir() {
				if isGraphQLFile(m) {
					out = append(out, m)
				}
				continue
			}
			_ = filepath.WalkDir(m, func(p string, d fs.DirEntry, err error) error {
				if err != nil || len(out) >= maxEmbedFiles {
					return filepath.SkipDir
				}
				if p != m && !all && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if !d.IsDir() && isGraphQLFile(p) {
					out = append(out, p)
				}
				return nil
			})
		}
		if len(out) >= maxEmbedFiles {
			break
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// readEmbedded returns the content of an embedded file: through the
// driver's ReadFile when it accepts the file, else from disk; nil when
// neither can read it or it is too large.
func readEmbedded(readFile func(string) ([]byte, error), path string) []byte {
	if readFile != nil {
		if b, err := readFile(path); err == nil {
			return limit(b)
		}
	}
	if st, err := os.Stat(path); err == nil && st.Size() > maxEmbedSize {
		return nil
	}
	b, err := readFromDisk(path)
	if err != nil {
		return nil
	}
	return limit(b)
}

func limit(b []byte) []byte {
	if len(b) > maxEmbedSize {
		return nil
	}
	return b
}

func (c *checker) checkEmbeddedFile(fi *model.FileInfo, cm *ast.Comment, vs *ast.ValueSpec, path string) {
	content := readEmbedded(c.pass.ReadFile, path)
	if content == nil {
		return
	}
	src := string(content)
	uses := Extract(src)
	if len(uses) == 0 {
		return
	}
	// Findings point into the .graphql file: give it a place in the file
	// set, as drivers do for assembly files.
	tf := c.pass.Fset.AddFile(path, -1, len(content))
	tf.SetLinesForContent(content)
	embedPos := c.pass.Fset.Position(cm.Pos())
	where := fmt.Sprintf("embedded at %s:%d", filepath.Base(embedPos.Filename), embedPos.Line)
	for _, u := range uses {
		if c.covered(u.Op) {
			continue
		}
		if c.uses == nil {
			id, _ := c.message(u.Op, "")
			if c.embedIgnored(fi, id, embedPos.Line, c.pass.Fset.Position(vs.Pos()).Line) {
				continue
			}
		}
		// The directive as related position: drivers that keep only
		// findings in Go files (golangci-lint) can report it there.
		c.report(u.Op, tf.Pos(u.Offset), tf.Pos(u.Offset+len(u.Op.Name)), where,
			analysis.RelatedInformation{Pos: cm.Pos(), End: cm.End(), Message: "the file is embedded here"})
	}
}

// embedIgnored reports whether an //atlint:ignore directive on (or above)
// the //go:embed line or the variable's line silences rule id, and marks
// the directive used.
func (c *checker) embedIgnored(fi *model.FileInfo, id string, lines ...int) bool {
	for _, d := range fi.Directives {
		if d.Problem != "" || !slices.Contains(d.IDs, id) {
			continue
		}
		for _, l := range lines {
			if d.Line == l || d.Line+1 == l {
				c.rep.Result().Used[d] = true
				return true
			}
		}
	}
	return false
}
