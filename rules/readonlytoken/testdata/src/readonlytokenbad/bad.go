package readonlytokenbad

import (
	"net/http"
	"os"
)

func f() {
	req, _ := http.NewRequest(http.MethodPost, "https://jira.example.com", nil) // want `ATL501 read-only token from \$JIRA_RO_TOKEN is used for a POST request`
	req.Header.Set("Authorization", "Bearer "+os.Getenv("JIRA_RO_TOKEN"))
	bad, _ := http.NewRequest(undefinedMethod, "https://jira.example.com", nil)
	bad.Header.Set("Authorization", "Bearer "+os.Getenv("JIRA_RO_TOKEN"))
	x := undefinedFunc(os.Getenv("JIRA_RO_TOKEN"))
	odd, _ := http.NewRequest("P\x4fST", "https://jira.example.com", nil) // want `ATL501 .* is used for a POST request`
	odd.SetBasicAuth("u", os.Getenv("JIRA\x5fRO\x5fTOKEN"))
	_ = x
}
