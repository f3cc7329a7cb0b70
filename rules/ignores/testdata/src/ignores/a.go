package ignores

// fakeRule (in the test) reports ATL101 on every string that contains
// "SECRET", so these lines exercise the directive machinery.

var a = "SECRET one" //atlint:ignore ATL101 fixture value, not a credential

//atlint:ignore ATL101 the line below is a fixture
var b = "SECRET two"

var c = "SECRET three"

// want +1 `ATL001 //atlint:ignore ATL101 silences nothing: delete the stale directive`
//atlint:ignore ATL101 stale: nothing here
var d = "clean"

// want +1 `ATL001 //atlint:ignore directive has no reason`
//atlint:ignore ATL101
var e = "SECRET four"

// want +1 `ATL001 //atlint:ignore directive names no rule`
//atlint:ignore
var f = 1

// want +1 `ATL001 //atlint:ignore directive names unknown rule ATL999`
//atlint:ignore ATL999 reason
var g = 2

// want +1 `ATL001 //atlint:ignore directive names "JIRA-1", which is not a rule ID`
//atlint:ignore JIRA-1 reason
var h = 3

//atlint:ignore atl101,ATL301 lower-case IDs and a rule that did not run are fine
var i = "SECRET five"

//atlint:ignore ATL301 a directive for a rule that did not run is left alone
var j = "clean"

//atlint:ignorenot ours
var k = "SECRET six"

// want +1 `ATL001 //atlint:ignore ATL101 silences nothing`
//atlint:ignore ATL101 two lines below is too far

var l = "SECRET seven"

// want +1 `ATL001 //atlint:ignore ATL101 silences nothing`
var m = "clean" //atlint:ignore ATL101 trailing and stale
