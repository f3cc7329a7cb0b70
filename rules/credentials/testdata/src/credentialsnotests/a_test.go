package credentialsnotests

import "testing"

func TestClient(t *testing.T) {
	token := "{{atl api t4}}" // silent: -tests=false
	_ = token
	// Example: {{atl access t5}} (silent: -tests=false skips comments of test files too)
}
