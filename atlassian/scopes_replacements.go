package atlassian

import (
	_ "embed"
	"strings"
)

// data/deprecated-replacements.tsv names, for deprecated operations of the
// REST scope table, the replacement that the spec's own description names,
// with the sentence quoted and the spec file it came from. It is generated
// by internal/gen/deprecations (see data/README.md); never edit a row by
// hand.
//
//go:embed data/deprecated-replacements.tsv
var deprecatedReplacementsTSV string

const replacementsHeader = "product\tmethod\tpath\treplacement_method\treplacement_path\tquote\tspec\tcommit"

// parseReplacements maps "product METHOD /path" to "METHOD /replacement".
func parseReplacements(tsv string) map[string]string {
	lines := strings.Split(strings.TrimSuffix(tsv, "\n"), "\n")
	if len(lines) == 0 || lines[0] != replacementsHeader {
		panic("atlassian: unexpected header in data/deprecated-replacements.tsv")
	}
	out := make(map[string]string, len(lines)-1)
	for _, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) != 8 {
			panic("atlassian: malformed row in data/deprecated-replacements.tsv: " + line)
		}
		out[f[0]+" "+f[1]+" "+f[2]] = f[3] + " " + f[4]
	}
	return out
}
