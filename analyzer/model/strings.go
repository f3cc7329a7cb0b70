package model

import (
	"go/ast"
	"go/constant"
	"go/token"
	"slices"
	"strconv"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// A StringConst is a maximal constant string expression: a string literal,
// or a concatenation of literals and named constants that the type checker
// folds to one value ("ATATT3xFfGF0" + rest). Named constants used elsewhere
// are not repeated: a constant is reported where its literal is written.
type StringConst struct {
	Expr   ast.Expr         // the whole expression
	Value  string           // its folded value
	File   *FileInfo        // the file it is in
	Cursor inspector.Cursor // cursor of Expr

	parts []part // leaves in value order; nil when Expr is one literal
}

// A part is a leaf of a concatenation and the value offset it starts at.
type part struct {
	off  int
	node ast.Expr // *ast.BasicLit, or any other constant leaf (identifier, call)
}

// Lit returns the expression as a single string literal, or nil when it is a
// concatenation or wrapped in parentheses.
func (s *StringConst) Lit() *ast.BasicLit {
	lit, _ := s.Expr.(*ast.BasicLit)
	return lit
}

// Pos maps a byte offset in Value to the position in the source of the
// byte that produced it, through escapes and across concatenated pieces.
// Bytes that come from a named constant map to the constant's identifier.
func (s *StringConst) Pos(off int) token.Pos {
	if off < 0 {
		off = 0
	}
	if s.parts == nil {
		if lit := s.Lit(); lit != nil {
			return lit.ValuePos + token.Pos(LitOffset(lit.Value, off))
		}
		return s.Expr.Pos()
	}
	i, found := slices.BinarySearchFunc(s.parts, off, func(p part, off int) int { return p.off - off })
	if !found {
		i--
	}
	if i < 0 {
		i = 0
	}
	p := s.parts[i]
	if lit, ok := p.node.(*ast.BasicLit); ok {
		return lit.ValuePos + token.Pos(LitOffset(lit.Value, off-p.off))
	}
	return p.node.Pos()
}

// End returns the position just after the byte at Value[off-1]:
// Pos(off-1)+1, the end of a range that ends at off.
func (s *StringConst) End(off int) token.Pos {
	if off <= 0 {
		return s.Pos(0)
	}
	return s.Pos(off-1) + 1
}

// LitOffset maps a byte offset in the value of a Go string literal (raw
// text with quotes, as in ast.BasicLit.Value) to the byte offset in that
// raw text. It accounts for escapes (\n, \x41, \u00e9, \101, \=...) and for
// carriage returns dropped from raw strings. Offsets past the end map to
// the closing quote.
func LitOffset(raw string, off int) int {
	if len(raw) < 2 {
		return 0
	}
	rawStr := raw[0] == '`'
	i, v := 1, 0 // i: index in raw, v: index in value
	for i < len(raw)-1 {
		if v >= off {
			return i
		}
		c := raw[i]
		switch {
		case rawStr && c == '\r':
			i++
			continue
		case rawStr || c != '\\':
			i++
			v++
			continue
		}
		// Escape sequence in an interpreted literal.
		if i+1 >= len(raw)-1 {
			i++
			v++
			continue
		}
		switch e := raw[i+1]; e {
		case 'x':
			i, v = i+4, v+1
		case 'u', 'U':
			n := 6
			if e == 'U' {
				n = 10
			}
			r := rune(0)
			if i+n <= len(raw)-1 {
				if x, err := strconv.ParseUint(raw[i+2:i+n], 16, 32); err == nil {
					r = rune(x)
				}
			}
			w := utf8.RuneLen(r)
			if w < 0 {
				w = 3 // U+FFFD
			}
			// Offsets inside a multi-byte rune map to the escape's start.
			if off < v+w {
				return i
			}
			i, v = i+n, v+w
		case '0', '1', '2', '3', '4', '5', '6', '7':
			i, v = i+4, v+1
		default:
			i, v = i+2, v+1
		}
	}
	return min(i, len(raw)-1)
}

// collectStrings finds the maximal constant string expressions.
func collectStrings(pass *analysis.Pass, in *inspector.Inspector, res *Result) []*StringConst {
	var out []*StringConst
	seen := make(map[ast.Expr]bool)
	// The top of every parenthesis or concatenation climbed through, so that
	// the literals of a long concatenation (a+b+c+..., a tree as deep as it
	// has terms) climb only to the first node already climbed: linear, not
	// quadratic, in the number of terms.
	type topOf struct {
		expr ast.Expr
		cur  inspector.Cursor
	}
	tops := make(map[ast.Expr]topOf)
	var path []ast.Expr
	for c := range in.Root().Preorder((*ast.BasicLit)(nil)) {
		lit := c.Node().(*ast.BasicLit)
		if lit.Kind != token.STRING {
			continue
		}
		// Climb through parentheses and constant concatenations.
		top, topCur := ast.Expr(lit), c
		path = path[:0]
		for p := c.Parent(); p.Valid(); p = p.Parent() {
			e, ok := p.Node().(ast.Expr)
			if !ok {
				break
			}
			if t, ok := tops[e]; ok {
				top, topCur = t.expr, t.cur
				break
			}
			switch e := e.(type) {
			case *ast.ParenExpr:
			case *ast.BinaryExpr:
				if e.Op != token.ADD || stringValue(pass, e) == nil {
					goto done
				}
			default:
				goto done
			}
			top, topCur = e, p
			path = append(path, e)
		}
	done:
		for _, e := range path {
			tops[e] = topOf{top, topCur}
		}
		if seen[top] {
			continue
		}
		seen[top] = true
		sc := &StringConst{Expr: top, Cursor: topCur, File: res.FileOf(top.Pos())}
		if top == ast.Expr(lit) {
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				continue
			}
			sc.Value = s
		} else {
			v := stringValue(pass, top)
			if v == nil {
				continue
			}
			sc.Value = constant.StringVal(v)
			if !flatten(pass, top, sc) {
				sc.parts = []part{{0, top}}
			}
		}
		out = append(out, sc)
	}
	return out
}

// flatten records the leaves of a concatenation with their value offsets.
func flatten(pass *analysis.Pass, e ast.Expr, sc *StringConst) bool {
	off := 0
	var walk func(e ast.Expr) bool
	walk = func(e ast.Expr) bool {
		switch x := e.(type) {
		case *ast.ParenExpr:
			return walk(x.X)
		case *ast.BinaryExpr:
			if x.Op == token.ADD {
				return walk(x.X) && walk(x.Y)
			}
		}
		v := stringValue(pass, e)
		if v == nil {
			if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					sc.parts = append(sc.parts, part{off, e})
					off += len(s)
					return true
				}
			}
			return false
		}
		sc.parts = append(sc.parts, part{off, e})
		off += len(constant.StringVal(v))
		return true
	}
	ok := walk(e) && off == len(sc.Value)
	if !ok {
		sc.parts = nil
	}
	return ok
}

func stringValue(pass *analysis.Pass, e ast.Expr) constant.Value {
	if pass.TypesInfo == nil {
		return nil
	}
	tv, ok := pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return nil
	}
	return tv.Value
}
