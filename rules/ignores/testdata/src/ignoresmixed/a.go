package ignoresmixed

// A directive that names an unknown rule besides a known one is reported
// for the unknown one and still silences the known one.

// want +1 `ATL001 //atlint:ignore directive names unknown rule ATL999`
//atlint:ignore ATL101,ATL999 the second ID is a typo
var a = "SECRET one"

// want +1 `ATL001 //atlint:ignore directive names unknown rule ATL998`
//atlint:ignore ATL998,ATL101 the first ID is a typo
var b = "SECRET two"
