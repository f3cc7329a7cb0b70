package credentials

import (
	"fmt"
	"testing"
)

// BenchmarkCommentMatches measures the comment scan alone on the comments
// that genPackage writes into one file (a two-line doc comment and five
// block comments), plus comments of real code: a license header, a doc
// comment with a URL and a key, a commented-out call.
func BenchmarkCommentMatches(b *testing.B) {
	comments := []string{
		"// f7 returns the strings of case 7.",
		"// See https://acme.atlassian.net/browse/PROJ-7; set JIRA_API_TOKEN=<your-token>.",
		"// Licensed under the Apache License, Version 2.0 (the \"License\");",
		"// NewClient returns a client for baseURL: https://<your-domain>.atlassian.net.",
		"//\treq.SetBasicAuth(os.Getenv(\"JIRA_EMAIL\"), os.Getenv(\"JIRA_API_TOKEN\"))",
	}
	for i := 0; i < 5; i++ {
		comments = append(comments, fmt.Sprintf("/* group %d: ATATT3xFfGF0-not-a-token, account 5b10ac8d82e05b22cc7d4ef5 */", i*10))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range comments {
			if len(commentMatches(c)) != 0 {
				b.Fatal("a finding in a comment without a token")
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(comments)), "ns/comment")
}
