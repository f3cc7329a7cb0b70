package pluginfilter

// Excluded by the pattern "*_gen.go": nothing is reported here.
var f = "ATL101"
