package credentialsnotests

import "testing"

func TestClient(t *testing.T) {
	token := "{{atl api t4}}" // silent: -tests=false
	_ = token
}
