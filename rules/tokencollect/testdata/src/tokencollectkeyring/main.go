// Command tokencollectkeyring is a CLI that keeps its own user's token in
// the OS keyring: not the policy's target, silent even with the rule on.
package main

import (
	"bufio"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/zalando/go-keyring"
)

type config struct {
	JiraURL   string `json:"jira_url"`
	Email     string `json:"email"`
	JiraToken string `json:"-"`
}

func login(cfg config) error {
	fmt.Print("Jira API token: ")
	tok, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil {
		return err
	}
	return keyring.Set("jira-cli", cfg.Email, strings.TrimSpace(tok))
}

func request(cfg config) (*http.Request, error) {
	tok, err := keyring.Get("jira-cli", cfg.Email)
	if err != nil {
		return nil, err
	}
	cfg.JiraToken = tok
	req, err := http.NewRequest(http.MethodGet, cfg.JiraURL+"/rest/api/3/myself", nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(cfg.Email, cfg.JiraToken)
	return req, nil
}

func main() {
	cfg := config{JiraURL: "https://acme.atlassian.net", Email: "me@example.com"}
	if len(os.Args) > 1 && os.Args[1] == "login" {
		_ = login(cfg)
		return
	}
	req, err := request(cfg)
	if err == nil {
		_, _ = http.DefaultClient.Do(req)
	}
}
