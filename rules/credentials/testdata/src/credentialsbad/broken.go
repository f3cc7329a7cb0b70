// Fixture of ATL101 on bad input: code that does not type-check, odd escapes.
package credentialsbad

var typed undefinedType = "{{atl api b1}}" // want `hard-coded Atlassian API token`

var called = undefinedFunc("{{atl access b2}}") // want `hard-coded Bitbucket Cloud access token`

var mismatched int = "{{atl apppw b3}}" // want `hard-coded Bitbucket app password`

func f() {
	jiraToken := "{{atl legacy b4}}" + undefinedVar // want `hard-coded legacy Atlassian API token`
	_ = jiraToken
}

// Escapes: \u, octal and \x spellings of token bytes, a \x3D '='.
var unicodeA = "\u0041{{atl api b5 slice=1:}}" // want `hard-coded Atlassian API token`

var octalA = "\101{{atl api b6 slice=1:}}" // want `hard-coded Atlassian API token`

var hexEq = "{{atl api b7 slice=0:183}}\x3D{{atl api b7 slice=184:}}" // want `hard-coded Atlassian API token`

var newlines = "line one\n\t{{atl apppw b8}}\r\n" // want `hard-coded Bitbucket app password`

var invalidUTF8 = "\xff\xfe{{atl api b9}}\xff" // want `hard-coded Atlassian API token`

var nulBytes = "\x00{{atl access b10}}\x00" // want `hard-coded Bitbucket Cloud access token`

var rawCR = `{{atl api b11}}` // want `hard-coded Atlassian API token`
