package jpdgraphqlbad

import (
	"fmt"

	hasura "github.com/hasura/go-graphql-client"
)

// This file does not type-check; constant documents are still found.
var broken = undefinedFunc(`{ polarisView(id: 1) { id } }`) // want `ATL302 .* polarisView `

var alsoBroken int = "mismatch"

// A struct query on a client whose type is unknown: skipped.
func f(c *hasura.Missing) {
	var q struct {
		PolarisView struct{ ID string }
	}
	c.Query(nil, &q, nil)
}

// Odd escapes before the name: the position still points at it.
var escapes = "\x7b\t\u0070olarisInsights\x20{ id } \U0001F600 }" // want `ATL302 .* polarisInsights `

// Unterminated GraphQL strings and comments, invalid UTF-8, NUL bytes: silent.
var junk1 = "{ teams(q: \"polarisInsights { id } }"
var junk2 = "{ \xff\xfe polarisInsights { id } }"
var junk3 = "{\x00 polarisInsights }"

// Deep nesting is rejected by the parser, not by the stack.
var deep = fmt.Sprint("{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{ polarisInsights")
