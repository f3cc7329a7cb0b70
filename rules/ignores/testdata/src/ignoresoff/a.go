package ignoresoff

// tokencollect (ATL401) is off by default: its directives are not stale.

type Settings struct {
	//atlint:ignore ATL401 the admin page is being migrated to OAuth
	JiraAPIToken string
}

// readonlytoken (ATL501) has no read-only token source configured.
func write() {
	//atlint:ignore ATL501 the token below is read/write
	_ = "POST"
}
