package driver

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"hash"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Early cutoff. A package's findings depend on its own files and on what
// its imports export: analyzers see only the syntax of their own package,
// dependencies are type-checked without function bodies, and no analyzer
// uses facts. So in a key, a package of a main module that a root imports
// stands for what its bodiless check is made of (its API), not for all
// of its files: an edit that keeps every declaration and its position (a
// comment's text, a function body changed in place, without adding
// lines) keeps the keys of its importers, as the go command's export data
// keeps go vet's.
//
// The API is the package's name, Go version and compiled files' names,
// and every token of those files outside function bodies, with its
// position (file, line and column, //line directives applied): the
// bodiless check reads nothing else of the package, so its types, their
// constant values, struct tags and positions are a function of it and of
// its imports' APIs (which depKey adds). Comments are left out but for
// directives (//go:..., //line), which can change the check or the
// positions. A file that does not parse gives no API (its importers are
// not cached). The API is remembered in the result cache's directory under
// the hash of the package's files (contents), so that an unchanged package
// is not parsed again.
//
// Type errors in a function body do not change the API, nor what the
// importers' analysis sees (every analyzer runs despite errors, and the
// errors are the package's own, reported when it is analysed or checked
// as a dependency), so its importers' entries are served.

// apiMemoFormat changes whenever the API or its memo's format does.
const apiMemoFormat = "atlint-api-2"

// cutoff reports whether a package's API stands for it in its importers'
// keys: a package of a main module checked from source, not a test
// variant, whose compiled files are its Go files (no cgo: the files cgo
// makes depend on comments, and on the C toolchain).
func cutoff(p *packages.Package) bool {
	return p.Module != nil && p.Module.Main && !strings.Contains(p.ID, " [") && p.PkgPath != "unsafe" &&
		slices.Equal(slices.Sorted(slices.Values(p.GoFiles)), slices.Sorted(slices.Values(p.CompiledGoFiles)))
}

// apiSum returns the hash of a package's API, or "" when it has none
// (errors, unreadable or unparsable files).
func (k *keyer) apiSum(p *packages.Package) string {
	if s, ok := k.apis[p]; ok {
		return s
	}
	k.apis[p] = ""
	if len(p.Errors) > 0 {
		return ""
	}
	files, ok := k.c.files[p.ID]
	if !ok {
		if files, ok = filesDigest(p); !ok {
			return ""
		}
		k.c.files[p.ID] = files
	}
	goVersion := ""
	if p.Module != nil {
		goVersion = p.Module.GoVersion
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00pkg %q %q %q go %q\x00files %s\x00%q\x00", apiMemoFormat, k.c.settings, p.ID, p.PkgPath, p.Name, goVersion, files, p.CompiledGoFiles)
	memoKey := hex.EncodeToString(h.Sum(nil))
	if s := k.c.readAPI(memoKey); s != "" {
		k.apis[p] = s
		return s
	}
	s := apiOf(p.Name, goVersion, p.CompiledGoFiles)
	if s != "" {
		k.c.writeAPI(memoKey, s)
	}
	k.apis[p] = s
	return s
}

// apiOf hashes the API of a package's files, or returns "" when one cannot
// be read or parsed.
func apiOf(name, goVersion string, files []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00package %q go %q\x00", apiMemoFormat, name, goVersion)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil || !apiTokens(h, f, src) {
			return ""
		}
	}
	return "api:" + hex.EncodeToString(h.Sum(nil))
}

// apiTokens writes the tokens of a file outside function bodies, with
// their positions, and reports whether the file parses.
func apiTokens(h hash.Hash, name string, src []byte) bool {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return false
	}
	// The offsets inside the braces of each function declaration's body.
	type span struct{ from, to int }
	var bodies []span
	base := fset.File(f.Pos()).Base()
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			bodies = append(bodies, span{int(fd.Body.Lbrace) - base + 1, int(fd.Body.Rbrace) - base})
		}
	}
	fmt.Fprintf(h, "file %q\x00", name)
	sfset := token.NewFileSet()
	file := sfset.AddFile(name, -1, len(src))
	var s scanner.Scanner
	var errs bool
	s.Init(file, src, func(token.Position, string) { errs = true }, scanner.ScanComments)
	i := 0
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		off := file.Offset(pos)
		for i < len(bodies) && off >= bodies[i].to {
			i++
		}
		if i < len(bodies) && off >= bodies[i].from {
			continue // inside a body
		}
		if tok == token.COMMENT && !strings.HasPrefix(lit, "//go:") && !strings.HasPrefix(lit, "//line ") && !strings.HasPrefix(lit, "/*line ") {
			continue
		}
		p := sfset.Position(pos)
		fmt.Fprintf(h, "%d:%d %q %d %q\x00", p.Line, p.Column, p.Filename, tok, lit)
	}
	return !errs
}

func (c *resultCache) apiPath(key string) string {
	return filepath.Join(c.dir, key[:2], key+"-a")
}

// readAPI returns the API hash remembered under key, or "".
func (c *resultCache) readAPI(key string) string {
	b, err := os.ReadFile(c.apiPath(key))
	if err != nil {
		return ""
	}
	lines := strings.Split(string(b), "\n")
	if len(lines) != 4 || lines[0] != apiMemoFormat || lines[1] != key || !strings.HasPrefix(lines[2], "api:") || len(lines[2]) != 4+64 || !isHex(lines[2][4:]) {
		return ""
	}
	return lines[2]
}

func (c *resultCache) writeAPI(key, sum string) {
	writeAtomic(c.apiPath(key), []byte(fmt.Sprintf("%s\n%s\n%s\n", apiMemoFormat, key, sum)))
}
