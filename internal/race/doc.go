// Package race tells whether the binary was built with the race detector,
// for the tests that are heavy and sequential: under -race they only
// grow twenty to forty times slower (SQLite, which modernc.org/sqlite
// compiles to Go, is instrumented too) and can find nothing, so they skip
// and scripts/test runs them in its second pass, without the detector.
package race
