package credentialstests

import "testing"

func TestClient(t *testing.T) {
	token := "{{atl api t2}}" // want `hard-coded Atlassian API token "[^"]+" in test code: revoke it`
	_ = token
}
