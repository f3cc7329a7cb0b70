package fixture

import "testing"

func TestMyself(t *testing.T) {
	req, err := myself()
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth("me@example.com", "{{atl api golangci-test}}") // marker:test
	suppressed(req)
	fromEnv(req)
	_ = site
}
