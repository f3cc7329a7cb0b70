// Command tokencollectcli is a CLI that uses its own user's token: silent.
package main

import (
	"net/http"
	"os"

	"github.com/andygrunwald/go-jira"
)

type config struct {
	JiraURL   string
	JiraToken string `envconfig:"JIRA_API_TOKEN"`
}

func main() {
	tok := os.Getenv("JIRA_API_TOKEN")
	tp := jira.BasicAuthTransport{Username: os.Getenv("JIRA_EMAIL"), Password: tok}
	_ = tp
	cfg := config{JiraToken: os.Getenv("JIRA_API_TOKEN")}
	req, _ := http.NewRequest(http.MethodGet, cfg.JiraURL+"/rest/api/3/myself", nil)
	req.SetBasicAuth("me@example.com", cfg.JiraToken)
	_ = os.WriteFile("out.json", []byte(cfg.JiraURL), 0o600)
}
