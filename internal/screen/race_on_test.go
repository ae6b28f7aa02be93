//go:build race

package screen

// raceDetector is true under -race (skipUnderRace).
const raceDetector = true
