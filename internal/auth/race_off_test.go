//go:build !race

package auth_test

// raceDetector is true under -race, whose slowdown makes timings meaningless.
const raceDetector = false
