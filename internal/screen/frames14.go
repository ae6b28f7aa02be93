package screen

// Fourteenth round: a game named in a message does not excuse a grave act
// on a real place of the school at a real time.
//
// « Dans Fortnite je vais faire sauter le lycée demain avec du C4 » was
// delivered: the game's name made the clause play (frame.play) and took
// the lexicon's game discount. A game's world has no « lycée demain »: an
// act of killing, shooting, blast, fire or stabbing that someone performs,
// claims or calls for (frame.agentive), aimed at the school or a place in
// it (frame.school) with a time (frame.time), is read as meant, whatever
// game is named. Two exceptions keep the play: a sporting contest, where
// the school is a team (« on va exploser le lycée Pasteur au match
// samedi »), so a clause that names one (match, tournoi, a sport, a score)
// stays a game; and an act at the reader (« jvais te fumer sur fortnite à
// la récré »), where the school is only where the game is played.

// contestWords name a sporting contest, where a school is an opponent.
var contestWords = keySet("match matchs tournoi tournois finale finales demi championnat coupe rencontre unss foot football hand handball basket rugby volley volleyball fifa futsal athle athlétisme cross relais natation tennis badminton pingpong ping judo")

// schoolGames lifts the play of a clause that announces a grave act on the
// school at a time, unless the clause names a contest. Run at the end of
// parseFrames, after pupilGames.
func schoolGames(toks []dtok, frames []frame) {
	for i := range frames {
		f := &frames[i]
		if !f.play || !f.school || !f.time || f.target2 || f.score || f.negated || !f.agentive() {
			continue
		}
		switch f.act {
		case actKill, actShoot, actExplode, actBurn, actStab, actBehead:
		default:
			continue
		}
		if f.report || f.quoted || f.drill || f.lesson || f.fiction {
			continue
		}
		contest := false
		for t := f.start; t < f.end && t < len(toks); t++ {
			if contestWords[toks[t].key] {
				contest = true
				break
			}
		}
		if contest {
			continue
		}
		f.play = false
		f.schoolTime = true
		if f.actTok >= 0 && f.actTok < len(toks) {
			toks[f.actTok].hyper = false
		}
	}
}
