package screen

import (
	"strings"
	"sync"
)

// slangVerbs are regular verbs of the first group that pupils write and
// the morphology table (a dictionary) does not hold: « on va les
// rafaler » (to spray with bullets), « je vais te schlasser » (to knife).
// Their forms are made by rule and given to morphLookup when the table
// has nothing for a key, so the frames read them as verbs with a mood and
// a person like any other.
const slangVerbs = "rafaler schlasser chlasser"

var (
	slangMorphOnce sync.Once
	slangMorph     map[string]MorphEntry
)

// firstGroupEndings are the endings of a regular -er verb with their
// moods and persons (the simple past, which pupils do not write, is left
// out).
var firstGroupEndings = []struct {
	end   string
	mood  Mood
	perso Person
}{
	{"er", MoodInfinitive, 0},
	{"e", MoodPresent | MoodImperative | MoodSubjunctive, Person1Sg | Person2Sg | Person3Sg},
	{"es", MoodPresent | MoodSubjunctive, Person2Sg},
	{"ons", MoodPresent | MoodImperative, Person1Pl},
	{"ez", MoodPresent | MoodImperative, Person2Pl},
	{"ent", MoodPresent | MoodSubjunctive, Person3Pl},
	{"é", MoodPastParticiple, 0}, {"ée", MoodPastParticiple, 0}, {"és", MoodPastParticiple, 0}, {"ées", MoodPastParticiple, 0},
	{"ant", MoodPresentParticiple, 0},
	{"ais", MoodImperfect, Person1Sg | Person2Sg}, {"ait", MoodImperfect, Person3Sg},
	{"ions", MoodImperfect | MoodSubjunctive, Person1Pl}, {"iez", MoodImperfect | MoodSubjunctive, Person2Pl},
	{"aient", MoodImperfect, Person3Pl},
	{"erai", MoodFuture, Person1Sg}, {"eras", MoodFuture, Person2Sg}, {"era", MoodFuture, Person3Sg},
	{"erons", MoodFuture, Person1Pl}, {"erez", MoodFuture, Person2Pl}, {"eront", MoodFuture, Person3Pl},
	{"erais", MoodConditional, Person1Sg | Person2Sg}, {"erait", MoodConditional, Person3Sg},
	{"erions", MoodConditional, Person1Pl}, {"eriez", MoodConditional, Person2Pl}, {"eraient", MoodConditional, Person3Pl},
}

// slangForms returns the made forms of slangVerbs, by key, built once.
func slangForms() map[string]MorphEntry {
	slangMorphOnce.Do(func() {
		slangMorph = map[string]MorphEntry{}
		for _, v := range strings.Fields(slangVerbs) {
			stem, lemma := strings.TrimSuffix(v, "er"), keyOf(v)
			for _, e := range firstGroupEndings {
				k := keyOf(stem + e.end)
				m := slangMorph[k]
				m.Lemma, m.POS = lemma, POSVerb
				m.Moods |= e.mood
				m.Persons |= e.perso
				slangMorph[k] = m
			}
		}
	})
	return slangMorph
}

// slangMorphLookup returns the made forms of a key (unknown keys: nil).
func slangMorphLookup(key string) []MorphEntry {
	if m, ok := slangForms()[key]; ok {
		return []MorphEntry{m}
	}
	return nil
}
