package driver

import (
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"time"
)

// Profiles for measuring the loader, set by environment variables (not
// flags: they are for atlint's developers):
//
//	ATLINT_CPUPROFILE=file   CPU profile of the run, up to the end of the analysis
//	ATLINT_HEAPPROFILE=file  heap profile taken when the live heap is at its largest
//
// Read them with go tool pprof -top.

var cpuProfile struct {
	sync.Once
	f *os.File
}

func init() {
	if name := os.Getenv("ATLINT_CPUPROFILE"); name != "" {
		if f, err := os.Create(name); err == nil && pprof.StartCPUProfile(f) == nil {
			cpuProfile.f = f
		}
	}
	if name := os.Getenv("ATLINT_HEAPPROFILE"); name != "" {
		go heapAtPeak(name)
	}
}

// stopProfiles ends the CPU profile (called when the analysis is done).
func stopProfiles() {
	cpuProfile.Do(func() {
		if cpuProfile.f != nil {
			pprof.StopCPUProfile()
			cpuProfile.f.Close()
		}
	})
}

// heapAtPeak samples the live heap every 20ms and writes a heap profile
// whenever it has grown by a tenth since the last one.
func heapAtPeak(name string) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var last uint64
	for {
		time.Sleep(20 * time.Millisecond)
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		if live := sample[0].Value.Uint64(); live > last+last/10 {
			last = live
			runtime.GC()
			if f, err := os.Create(name); err == nil {
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
	}
}
