package jpdgraphqljson

// Malformed JSON never crashes the pass nor produces a false report.
var (
	badEscape     = `{"query": "{ \x polarisView { id } }"}`
	rawNewline    = "{\"query\": \"{ polarisView\n { id } }\"}"
	singleQuotes  = `{'query': '{ polarisView { id } }'}`
	cutInEscape   = `{"query": "{ polarisView(id: \u00`
	cutAfterKey   = `{"query": `
	verbFirst     = `{"variables": %s, "query": "{ polarisView { id } }"}`
	invalidUTF8   = "{\"query\": \"{ teams(q: \\\"\xff\xfe\\\") { id } }\"}"
	loneSurrogate = `{"query": "{ teams(q: \"\udc00\") { id } }"}`
	deepArrays    = `[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{"query": "{ polarisView { id } }"}`
)

// Malformed JSON whose query member was whole before the error: reported.
var unclosed = `{"query": "{ polarisView { id } }"` // want `ATL302 .* polarisView `

// This file does not type-check; the bodies are still read.
var broken = undefinedFunc(`{"query": "{ polarisProject { id } }"}`) // want `ATL302 .* polarisProject `
