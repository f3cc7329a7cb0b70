package driver

import (
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
)

// noteModules records the directories of the main modules of the loaded
// packages: -fix edits files in them only.
func (r *run) noteModules(pkgs []*packages.Package) {
	if r.mainModules == nil {
		r.mainModules = map[string]bool{}
	}
	for _, p := range pkgs {
		if m := p.Module; m != nil && m.Main && m.Dir != "" {
			r.mainModules[canonical(m.Dir)] = true
		}
	}
}

// canonical returns the absolute, symlink-free form of a path (the path
// cleaned when it cannot be resolved).
func canonical(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return filepath.Clean(path)
}

// within reports whether path is dir or below it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// notEditable says why -fix must leave a file alone, or returns "": only
// regular files of the main module(s) being analysed are edited; not the
// module cache, not vendor/, not another module reached through a replace
// directive or nested in a subdirectory, not a symlink, whose target may
// be anywhere.
func (x *fixer) notEditable(file string) string {
	rel := x.wd.rel(file)
	st, err := os.Lstat(file)
	if err != nil {
		return err.Error()
	}
	if st.Mode()&os.ModeSymlink != 0 {
		return rel + " is a symbolic link; fix the file it points to"
	}
	if !st.Mode().IsRegular() {
		return rel + " is not a regular file"
	}
	real := canonical(file)
	roots := x.modules
	if len(roots) == 0 { // GOPATH mode: the working directory
		roots = map[string]bool{canonical(x.wd.dir): true}
	}
	root := ""
	for dir := range roots {
		if within(real, dir) && len(dir) > len(root) {
			root = dir
		}
	}
	if root == "" {
		return rel + " is outside the main module"
	}
	sub, _ := filepath.Rel(root, filepath.Dir(real))
	parts := strings.Split(filepath.ToSlash(sub), "/")
	if parts[0] == "vendor" {
		return rel + " is vendored code"
	}
	// A go.mod between the file and the main module's root: another module.
	for i := len(parts); i > 0; i-- {
		if parts[0] == "." {
			break
		}
		if _, err := os.Stat(filepath.Join(root, filepath.Join(parts[:i]...), "go.mod")); err == nil {
			return rel + " belongs to another module"
		}
	}
	return ""
}
