// Package output turns atlint's findings into text, JSON and SARIF 2.1.0,
// and computes the fingerprints that baselines and code scanning use.
//
// A Finding is driver-neutral: the command fills it from the analysis
// results; the writers never see analysis types. The rules never put a
// whole secret in a message; the writers check again (Scrub) and redact
// any credential that reaches them, so no output holds a whole secret.
//
// # Fingerprints
//
// A finding's fingerprint (Fingerprint, SetFingerprints) is a hash of the
// rule ID, the file path (slash-separated, as given: relative to the
// directory atlint ran in), the text of the finding's line with runs of
// white space collapsed and anything that looks like a secret replaced by
// a fixed marker, and the finding's occurrence index among findings with
// the same rule, file and line text. Line and column numbers are not part
// of it, so inserting or deleting lines elsewhere in the file keeps it; a
// second identical line gets a new fingerprint. Run atlint from the same
// directory (the module root) when comparing fingerprints across runs.
//
// # JSON output
//
// WriteJSON writes one JSON object, schema version 1. Fields are only ever
// added within a version; a change that removes or changes the meaning of
// a field increments "version".
//
//	{
//	  "version": 1,                     // schema version
//	  "tool": {"name": "atlint", "version": "v0.3.0"},
//	  "findings": [                     // sorted by file, line, column, rule; [] when none
//	    {
//	      "rule": "ATL101",             // stable rule ID
//	      "analyzer": "credentials",    // analyzer (vet flag) name
//	      "severity": "error",          // error, warning or note (after configuration)
//	      "message": "ATL101 hard-coded Atlassian API token \"ATATT3xF…2E6A\": ...",
//	      "pos": {"file": "jira/client.go", "line": 12, "column": 9, "offset": 301},
//	      "end": {"file": "jira/client.go", "line": 12, "column": 205, "offset": 497},
//	      "fingerprint": "9f2c…",       // 32 hex digits, see Fingerprints
//	      "doc": "https://github.com/atlint/atlint/blob/main/docs/rules/ATL101.md",
//	      "fixes": [                    // omitted when there is none
//	        {
//	          "message": "Read the token from ATLASSIAN_API_TOKEN",
//	          "edits": [
//	            {"pos": {...}, "end": {...}, "new_text": "os.Getenv(\"ATLASSIAN_API_TOKEN\")"}
//	          ]
//	        }
//	      ]
//	    }
//	  ],
//	  "errors": [                       // packages that failed to load or type-check; omitted when none
//	    {"package": "example.com/m/broken", "message": "broken/a.go:3:1: expected declaration"}
//	  ]
//	}
//
// Positions: "file" is relative to the working directory when the file is
// below it, otherwise absolute; "line" and "column" are 1-based, and
// "column" counts bytes (Go's convention, unlike SARIF's UTF-16 columns);
// "offset" is the 0-based byte offset. An edit replaces the bytes
// [pos.offset, end.offset) with new_text.
//
// # SARIF
//
// WriteSARIF writes SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure
// DevOps): every rule in tool.driver.rules (with its documentation and
// default level; rules off by default have defaultConfiguration.enabled
// false), one result per finding with columns in UTF-16 code units,
// artifact URIs relative to %SRCROOT%, partialFingerprints and fixes.
// The output is validated against the OASIS schema in the tests
// (testdata/sarif-schema-2.1.0.json, from github.com/oasis-tcs/sarif-spec,
// sarif-2.1/schema/sarif-schema-2.1.0.json).
package output
