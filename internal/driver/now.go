package driver

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/atlint/atlint/analyzer"
)

// nowFlag is the name of the analyzer flags that set the date findings are
// written for (jpdgraphql's -now).
const nowFlag = "now"

// resolveNow fixes the date of the run in every analyzer flag named "now":
// the value given (configuration file, then command line), as a UTC day,
// else today's UTC date. The analyzers then depend on their flags only,
// and the date is part of the result cache's key: a result computed before
// a deadline is not served after it, and "2026-10-31T23:00:00-05:00" and
// "2026-10-31" are different days.
func resolveNow(suite []*analysis.Analyzer, given []analyzer.Setting, today time.Time) error {
	raw := map[string]string{} // analyzer → last value given
	for _, s := range given {
		if s.Flag == nowFlag {
			raw[s.Analyzer] = s.Value
		}
	}
	for _, a := range suite {
		f := a.Flags.Lookup(nowFlag)
		if f == nil {
			continue
		}
		day, err := utcDay(raw[a.Name], today)
		if err != nil {
			return fmt.Errorf("-%s.%s: %v", a.Name, nowFlag, err)
		}
		if err := f.Value.Set(day); err != nil {
			return err
		}
	}
	return nil
}

// utcDay returns the UTC date (YYYY-MM-DD) of a -now value: a date, or an
// RFC 3339 time converted to UTC; today's UTC date when v is empty.
func utcDay(v string, today time.Time) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return today.UTC().Format(time.DateOnly), nil
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t.Format(time.DateOnly), nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC().Format(time.DateOnly), nil
	}
	return "", fmt.Errorf("bad date %q: want YYYY-MM-DD or RFC 3339", v)
}
