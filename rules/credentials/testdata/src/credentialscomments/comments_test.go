package credentialscomments

// In test code too: {{atl api t1}} // want `Atlassian API token "[^"]*" in a comment in test code`
