package screen

import "sync"

// The eighth round's readers (B): threats against a group of people named
// by a noun (« tous les juifs », « ces femmes », « les profs »), incitation
// and wishes in other moods (« et si on les tuait ? », « pourquoi ne pas
// s'en débarrasser », « ce serait mieux de les noyer », « devrait être
// dépénalisé »), the outcome of a school's people told with a quantifier
// (« aucun élève ne rentrera chez lui », « vous finirez tous allongés »),
// a device whose timer stands in the next clause, and court reports.
//
// They run as one pass over a message's clauses after parseFrames has read
// them (readGroups), and only on messages with one of their cue words.

type groupLex struct {
	cue       map[string]uint16 // key → cue bits (gc*)
	riddance  map[string]bool   // verb lemmas of getting rid of people
	deathP    map[string]bool   // participles and adjectives of a group's death
	normP     map[string]bool   // dépénalisé, légal, autorisé: the act made a norm
	normNeg   map[string]bool   // illégal, interdit, puni: negated, the act made a norm
	survive   map[string]bool   // verb lemmas of coming back alive (negated, with a quantifier)
	home      map[string]bool   // lui, elle, eux, soi, maison after chez / à la
	deathOut  map[string]bool   // how the reader ends up: morts, allongés, sacs…
	endV      map[string]bool   // finir, terminer
	timerV    map[string]bool   // régler, programmer
	court     map[string]bool   // tribunal, procès, condamné…
	better    map[string]bool   // mieux, préférable, bien, génial: « ce serait mieux de »
	pathV     map[string]bool   // suivre, montrer: before a path, emulation
	petty     map[string]bool   // manger, finir, prendre…: a petty condition
	schoolPpl map[string]bool   // the people of a school: with a quantified outcome, the message is about the school
	quant     map[string]bool   // aucun, aucune, personne (keys: « personne » is folded to « persone »)
	alive     map[string]bool   // survivant, vivant…
	intentV   map[string]bool   // penser à, songer à, décider de: the speaker's intent
}

// Cue bits of a key for readGroups.
const (
	gcPeople   uint16 = 1 << iota // a noun naming a group of people
	gcQuant                       // aucun, personne, survivant: a quantifier over people
	gcModal                       // si, pourquoi, mieux, dépénalisé…: a mood of wish or call
	gcCourt                       // tribunal, procès…
	gcDetGrp                      // les, des, ces, tous, toutes, aux: a group's determiner
	gcDetOne                      // un, une, ce, cet, cette: one person of a group
	gcOutcome                     // morts, allongés, sacs: an outcome of death
	gcTimer                       // réglé, programmé
	gcRiddance                    // a form of a verb of riddance (se débarrasser, éliminer…)
	gcCreature                    // zombies, aliens, monstres: the enemies of a game
	gcOwnKin                      // frère, sœur, mère…: after mon, ma, the speaker's own kin
	gcPath                        // chemin, voie, exemple, traces: with suivre or montrer, emulation

	// gcNeedFrames: a message with one of these is parsed into clauses
	// even without an act word (needFrames).
	gcNeedFrames = gcRiddance | gcQuant | gcOutcome | gcTimer | gcPath
)

// groupCueOf returns the cue bits of a key (cached in keyInfo.g8).
func groupCueOf(key string, morph []MorphEntry) uint16 {
	gl := groupLexicon()
	c := gl.cue[key]
	for _, m := range morph {
		if m.POS == POSVerb && gl.riddance[m.Lemma] {
			c |= gcRiddance
		}
	}
	return c
}

var (
	groupOnce sync.Once
	groupL    *groupLex
)

// peopleWords name groups of people by faith, origin, sex, orientation,
// disability, or role at school or in public life.
const peopleWords = "juifs juif juive juives musulmans musulman musulmane musulmanes chrétiens chrétien chrétiennes catholiques cathos protestants fidèles croyants athées bouddhistes hindous sikhs mécréants infidèles kouffars " +
	"arabes arabe rebeus rebeu beurs noirs noires blacks black renois renoi blancs asiatiques chinois roms rom gitans gitan manouches tziganes migrants migrant migrantes réfugiés réfugié réfugiée réfugiées étrangers étrangères immigrés immigré clandestins africains maghrébins turcs kurdes " +
	"femmes femme meufs meuf filles gonzesses hommes mecs gays gay homos homo pédés pédé lesbiennes lesbienne gouines trans transgenres travelos handicapés handicapé handicapée handicapées autistes obèses " +
	"profs prof professeurs professeur profes enseignants enseignantes élèves élève collégiens lycéens terminales surveillants surveillant pions cpe flics keufs policiers juges juge racistes voleurs propriétaires riches pauvres sdf clochards gens"

// loadGroupLex builds the word lists on first use, after the package's
// init has built the accent folding that keys need.
func groupLexicon() *groupLex {
	groupOnce.Do(func() {
		g := &groupLex{
			cue:       map[string]uint16{},
			riddance:  keySet("débarrasser éliminer supprimer exterminer gazer liquider purger"),
			deathP:    keySet("mort morts morte mortes exterminé exterminés exterminée exterminées éliminé éliminés éliminées gazé gazés gazées pendu pendus pendues brûlé brûlés brûlées égorgé égorgés égorgées tranchée tranchées abattu abattus abattues fusillé fusillés massacré massacrés noyé noyés noyées tué tués tuées crevé crevés"),
			normP:     keySet("dépénalisé dépénalisée légal légale légalisé légalisée autorisé autorisée permis permise encouragé encouragée récompensé récompensée"),
			normNeg:   keySet("illégal illégale interdit interdite puni punie condamné condamnée"),
			survive:   keySet("rentrer sortir ressortir revenir repartir survivre rester"),
			home:      keySet("lui elle eux elles soi maison"),
			deathOut:  keySet("morts mortes allongés allongées étendus étendues sacs housses cercueils cercueil mortuaires refroidis cadavres égorgés crevés"),
			endV:      keySet("finir terminer"),
			timerV:    keySet("régler programmer"),
			court:     keySet("tribunal tribunaux procès condamné condamnée condamnés assises perpétuité réclusion juge jugé jugée verdict peine prison"),
			better:    keySet("mieux préférable bien génial cool idéal"),
			pathV:     keySet("suivre montrer ouvrir tracer prendre"),
			petty:     keySet("manger finir prendre piquer toucher emprunter lire regarder boire casser perdre oublier dire raconter spoiler spoiler"),
			schoolPpl: keySet("élèves élève profs prof professeurs professeur terminales collégiens lycéens surveillants pions"),
			quant:     keySet("aucun aucune personne"),
			alive:     keySet("survivant survivants vivant vivants vivante vivantes"),
			intentV:   keySet("penser songer décider prévoir envisager jurer promettre rêver"),
		}
		add := func(words string, bit uint16) {
			for k := range keySet(words) {
				g.cue[k] |= bit
			}
		}
		add(peopleWords, gcPeople)
		add("aucun aucune personne survivant survivants vivant vivants vivante vivantes", gcQuant)
		add("si pourquoi", gcModal)
		for k := range g.better {
			g.cue[k] |= gcModal
		}
		for k := range g.normP {
			g.cue[k] |= gcModal
		}
		for k := range g.normNeg {
			g.cue[k] |= gcModal
		}
		add("tribunal tribunaux procès condamné condamnée condamnés assises perpétuité réclusion verdict", gcCourt)
		add("les des ces tous toutes aux", gcDetGrp)
		add("un une ce cet cette", gcDetOne)
		add("morts mortes allongés allongées étendus étendues sacs housses cercueils mortuaires refroidis cadavres", gcOutcome)
		add("réglé réglée réglés programmé programmée programmés", gcTimer)
		add("chemin voie exemple traces", gcPath)
		add("zombies zombie aliens alien monstres monstre ennemis orcs gobelins boss bots pnj mobs creepers squelettes démons vampires dragons envahisseurs soldats robots", gcCreature)
		add("frère frangin sœur frangine mère père daronne daron cousin cousine oncle tante mamie papi", gcOwnKin)
		groupL = g
	})
	return groupL
}

// readGroups is the eighth round's pass over a message's clauses (called
// by parseFrames once every clause is read).
func readGroups(toks []dtok, fts []ftok, frames []frame) {
	if len(frames) == 0 {
		return
	}
	gl := groupLexicon()
	readGroupClauses(toks, fts, frames, gl)
	victimAdmired(fts, frames)
	// « ce serait bien | que quelqu'un fasse sauter … »: a wish said in a
	// clause without an act (être or valoir in the conditional, mieux,
	// bien) reaches the que clause after it.
	for fi := 1; fi < len(frames); fi++ {
		p, f := &frames[fi-1], &frames[fi]
		if p.act == actNone && f.act != actNone && f.report && f.start < len(toks) && (toks[f.start].key == "que" || toks[f.start].key == "qu") && endorses(clauseFts(fts, p)) {
			// « c'est quoi le problème de dire que les X méritent de
			// mourir ? »: the question endorses what it says, it does not
			// report it.
			f.report = false
		}
		if p.act != actNone || p.negated || f.act == actNone || f.wish || f.start >= len(toks) || toks[f.start].key != "que" && toks[f.start].key != "qu" {
			continue
		}
		cond, better, falloir := false, false, false
		for _, x := range clauseFts(fts, p) {
			cond = cond || x.lf&lfVerb != 0 && isConditional(x)
			better = better || gl.better[x.key]
			falloir = falloir || x.lf&lfFalloir != 0
		}
		switch {
		case cond && better:
			f.wish = true
		case falloir:
			f.incite = true // « il faut | que quelqu'un les égorge »
		}
	}
}

// victimAdmired clears the admiration of a clause whose subject is a
// victim or a rescuer, named before any act (« Samuel Paty a eu du
// courage », « Samuel Paty a montré la voie »); « celui qui a tué X avait
// du cran » names the victim after the act and stays.
func victimAdmired(fts []ftok, frames []frame) {
	found := false
	for fi := range frames {
		found = found || frames[fi].admire
	}
	if !found {
		return
	}
	// A victim as the subject of a clause, before any act: the message
	// praises them, and an admiration without its own attacker or
	// extremist word (« il faut suivre son exemple ») is theirs.
	victimSubj := make([]bool, len(frames))
	seen := false
	for fi := range frames {
		for _, ft := range clauseFts(fts, &frames[fi]) {
			if ft.act != actNone || ft.noun != actNone {
				break
			}
			if ft.fc&fc_victim != 0 {
				victimSubj[fi], seen = true, true
				break
			}
		}
	}
	if !seen {
		return
	}
	for fi := range frames {
		f := &frames[fi]
		if f.admire && (victimSubj[fi] || !f.attacker && !f.extremist) {
			f.admire = false
		}
	}
}

// readGroupClauses runs the readers on the clauses that have their cues.
func readGroupClauses(toks []dtok, fts []ftok, frames []frame, gl *groupLex) {
	var cues uint16
	for i := range fts {
		cues |= toks[fts[i].tok].info.g8
	}
	if cues&(gcPeople|gcQuant|gcOutcome|gcTimer|gcCourt|gcRiddance|gcCreature|gcOwnKin|gcPath) == 0 {
		return
	}
	// schoolMsg: the school, its people or a class named anywhere in the
	// message; read once, when a clause has a quantifier or an outcome.
	school := -1
	schoolMsg := func() bool {
		if school < 0 {
			school = 0
			for i := range frames {
				if frames[i].school {
					school = 1
				}
			}
			for i := 0; i < len(fts) && school == 0; i++ {
				if gl.schoolPpl[fts[i].key] || className(fts[i].key) {
					school = 1
				}
			}
		}
		return school == 1
	}
	var prev []ftok
	a := 0
	for fi := range frames {
		f := &frames[fi]
		b := a
		var cc uint16 // the clause's cues
		for b < len(fts) && fts[b].tok < f.end {
			cc |= toks[fts[b].tok].info.g8
			b++
		}
		c := fts[a:b]
		a = b
		if len(c) == 0 {
			continue
		}
		if cc&(gcPeople|gcRiddance) != 0 {
			readGroupAct(c, prev, f, gl)
		}
		if cc&gcModal != 0 && f.act == actNone {
			readBetterWithout(c, f, gl)
		}
		if cc&gcPeople != 0 && f.act == actNone {
			readSeeSuffer(c, f, gl)
		}
		if cc&gcModal != 0 && f.act != actNone && (f.people || f.targetGrp || f.target2) {
			readModality(c, prev, f, gl)
		}
		if cc&gcQuant != 0 && f.act == actHarm && !f.school && f.tense == tenseFuture && hasQuant(c, gl) && schoolMsg() {
			f.school = true // « personne de la 4e C ne reviendra vivant »
		}
		if cc&(gcQuant|gcOutcome) != 0 && f.act == actNone {
			readQuantOutcome(toks, c, f, gl, schoolMsg)
		}
		var next []ftok
		if fi+1 < len(frames) && cues&(gcTimer|gcOwnKin) != 0 {
			next = clauseFts(fts[b:], &frames[fi+1])
		}
		if cues&gcTimer != 0 && f.act == actNone && len(next) > 0 {
			readSplitTimer(c, next, f, &frames[fi+1], gl)
		}
		if cues&gcCourt != 0 && f.act != actNone {
			readCourt(c, prev, f, gl)
		}
		if cc&gcPath != 0 && !f.negated {
			readPath(c, f, gl)
		}
		if cc&gcCreature != 0 && f.act != actNone && !f.people && !f.target2 {
			readCreature(toks, c, f, gl)
		}
		if cues&gcOwnKin != 0 && f.act != actNone && f.actor == actor1 {
			readKinHyperbole(toks, c, next, f, gl)
		}
		prev = c
	}
}

// className reports whether key names a class: 6e, 5eB, 3eme, 2nde, 1re.
func className(k string) bool {
	if len(k) < 2 || len(k) > 5 || k[0] < '1' || k[0] > '6' {
		return false
	}
	r := k[1:]
	for _, p := range []string{"eme", "nde", "re", "e"} {
		if len(r) >= len(p) && r[:len(p)] == p {
			return len(r)-len(p) <= 1
		}
	}
	return false
}

// clauseFts returns the frame tokens of a clause.
func clauseFts(fts []ftok, f *frame) []ftok {
	a := 0
	for a < len(fts) && fts[a].tok < f.start {
		a++
	}
	b := a
	for b < len(fts) && fts[b].tok < f.end {
		b++
	}
	return fts[a:b]
}

// peopleAt reports whether fts[i] is a noun of people with a determiner
// before it (at most one word between: « ces sales X »), and whether that
// determiner names a group (les, des, ces, tous).
func peopleAt(fts []ftok, i int, gl *groupLex) (ok, group bool) {
	if fts[i].g8&gcPeople == 0 {
		return false, false
	}
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		c := fts[j].g8
		if c&gcDetGrp != 0 {
			return true, true
		}
		if c&gcDetOne != 0 || fts[j].key == "de" || fts[j].key == "d" {
			return true, false
		}
	}
	return false, false
}

// subjectOf returns the clause's first subject pronoun's actor.
func subjectOf(fts []ftok) uint8 {
	for _, ft := range fts {
		if ft.subj != actorNone {
			return ft.subj
		}
	}
	return actorNone
}

// readGroupAct reads an act whose object is a group of people named by a
// noun: an act verb the clause reader left without an object it knew
// (« noyer les réfugiés », « ces X vont mourir entre mes mains »), or a
// verb of riddance (« se débarrasser des X », « on devrait s'en
// débarrasser » after a clause naming them, « éliminer les X »), which
// with a thing is no act (« éliminer les erreurs »).
func readGroupAct(fts, prev []ftok, fr *frame, gl *groupLex) {
	pAt, group := -1, false
	for i := range fts {
		if ok, g := peopleAt(fts, i, gl); ok {
			if pAt < 0 || g {
				pAt, group = i, g
			}
		}
	}
	if pAt >= 0 {
		fr.people = true
	}
	if fr.act != actNone {
		if pAt >= 0 && group && fr.actTok >= 0 && fts[pAt].tok > fr.actTok {
			fr.targetGrp = true
		}
		if pAt >= 0 && fr.tense == tenseInfinitive {
			readIntent(fts, fr, gl)
		}
		if !fr.wish && fr.actor != actor1 && fr.actTok >= 0 {
			for i := range fts {
				if fts[i].tok == fr.actTok && gl.deathP[fts[i].key] {
					readDeathState(fts, prev, fr, gl, pAt, group)
					break
				}
			}
		}
		return
	}
	subject := subjectOf(fts)
	// The group named in the clause before: « les X ne changeront pas,
	// alors on devrait s'en débarrasser ».
	before := false
	for i := range prev {
		if ok, _ := peopleAt(prev, i, gl); ok {
			before = true
		}
	}
	for i, ft := range fts {
		if ft.lf&lfVerb == 0 {
			continue
		}
		for _, m := range ft.morph {
			if m.POS != POSVerb {
				continue
			}
			rid := gl.riddance[m.Lemma]
			act := actNone
			switch {
			case rid:
				act = actKill
			case ft.act != actNone && m.Lemma == ft.morph[ft.actAt].Lemma:
				act = ft.act
			default:
				continue
			}
			// The object: a group of people after the verb, or en before
			// it standing for a group named before.
			obj := pAt > i && pAt <= i+5 || rid && before && i > 0 && fts[i-1].key == "en"
			dying := (m.Lemma == lemMourir || m.Lemma == lemSouffrir) && pAt >= 0 && pAt < i && hasMyHands(fts[i:])
			if !obj && !dying {
				continue
			}
			if act == actPlant || act == actArm || m.Lemma == lemDescendre && movedTo(fts, i) {
				continue // « descendre les élèves au self » takes them there (frames39.go)
			}
			tn, actor := verbFrame(fts, i, m, subject)
			if dying {
				actor = actor1 // « ce X va mourir entre mes mains »
			}
			fr.act, fr.actTok, fr.tense, fr.actor = act, ft.tok, tn, actor
			fr.targetGrp = fr.targetGrp || group || !dying && before
			for _, x := range fts {
				if x.lf&lfFalloir != 0 {
					fr.incite = true // « il faut se débarrasser des X »
				}
			}
			if tn == tenseIntent && actor != actor1 {
				fr.wish = true
			}
			return
		}
	}
	readDeathState(fts, prev, fr, gl, pAt, group)
}

// readDeathState reads a group's death as a state, wished: « tous ces X
// seraient morts », « si seulement les X avaient la gorge tranchée », « ça
// irait mieux si ces X étaient exterminés ». Also when the clause reader
// has read the participle as an act already (it then lacked the wish);
// « sans les secours, tous ces élèves seraient morts » is no wish.
func readDeathState(fts, prev []ftok, fr *frame, gl *groupLex, pAt int, group bool) {
	if pAt < 0 || hasKeyIn(fts, "sans") || hasKeyIn(prev, "sans") {
		return
	}
	for i := pAt + 1; i < len(fts); i++ {
		if !gl.deathP[fts[i].key] {
			continue
		}
		cond, hypo := false, false
		for j := 0; j < i; j++ {
			for _, m := range fts[j].morph {
				if m.POS == POSVerb && (m.Lemma == lemEtre || m.Lemma == lemAvoir) {
					cond = cond || m.Moods&MoodConditional != 0
					hypo = hypo || m.Moods&MoodImperfect != 0
				}
			}
		}
		if cond || hypo && hasKeyIn(fts, "si") && (hasKeyIn(fts, "seulement") || hasKeyIn(prev, "mieux")) {
			fr.act, fr.actTok, fr.tense, fr.actor = actKill, fts[i].tok, tenseConditional, actor3
			fr.wish, fr.targetGrp = true, fr.targetGrp || group
			fr.report = false // the imperfect after si is a wish, not a past told
			return
		}
	}
}

// readIntent reads the speaker's intent before an act in the infinitive
// on people: « je pense sérieusement à étrangler ce X », « j'ai décidé de
// buter les X ».
func readIntent(fts []ftok, fr *frame, gl *groupLex) {
	if subjectOf(fts) != actor1 {
		return
	}
	for i := range fts {
		if fts[i].tok >= fr.actTok {
			return
		}
		if fts[i].lf&lfVerb == 0 {
			continue
		}
		for _, m := range fts[i].morph {
			if m.POS == POSVerb && gl.intentV[m.Lemma] && m.Moods&(MoodImperfect|MoodSimplePast) == 0 {
				fr.tense, fr.actor = tenseIntent, actor1
				return
			}
		}
	}
}

func hasMyHands(fts []ftok) bool {
	for i := 1; i < len(fts); i++ {
		if fts[i].key == "mains" && (fts[i-1].key == "mes" || fts[i-1].key == "nos") {
			return true
		}
	}
	return false
}

// readModality reads the mood of a call or a wish around an act on people:
// a proposal (« et si on tuait tous les X ? »), a wish (« si seulement
// quelqu'un pouvait … »), « pourquoi ne pas … », « ce serait mieux de … »,
// and the act made a norm (« … devrait être dépénalisé », « … ne devrait
// pas être illégal »).
func readModality(fts, prev []ftok, fr *frame, gl *groupLex) {
	if fr.incite || fr.tense == tenseFuture && fr.actor == actor1 {
		return
	}
	at := -1
	for i := range fts {
		if fts[i].tok == fr.actTok {
			at = i
		}
	}
	if at < 0 {
		return
	}
	for i := at + 1; i < len(fts); i++ {
		k := fts[i].key
		if gl.normP[k] && !fr.negated || gl.normNeg[k] && fr.negated {
			// « assassiner un X devrait être dépénalisé »
			fr.incite, fr.negated = true, false
			return
		}
	}
	first := fts[0].key
	switch {
	case first == "si" && (len(prev) > 0 && prev[len(prev)-1].key == "et" || len(fts) > 1 && fts[1].key == "seulement"):
		// A proposal or a wish, not a past told: the imperfect after si.
		fr.incite, fr.report, fr.tense = true, false, tenseConditional
	case fr.wish:
		// a wish read already (« devrait », « mériter »)
	case first == "pourquoi" && fr.negated && fr.tense == tenseInfinitive:
		fr.incite, fr.negated = true, false
	default:
		for i := 0; i < at; i++ {
			// « ce serait mieux de noyer », « il serait préférable de »
			if gl.better[fts[i].key] && i > 0 && isConditional(fts[i-1]) {
				fr.wish = true
				return
			}
		}
	}
}

func isConditional(ft ftok) bool {
	for _, m := range ft.morph {
		if m.POS == POSVerb && m.Moods&MoodConditional != 0 {
			return true
		}
	}
	return false
}

// readQuantOutcome reads the outcome of a school's people told with a
// quantifier or said to the reader, in a message about the school:
// « aucun élève ne rentrera chez lui », « personne n'en ressortira »,
// « il ne restera pas un seul survivant », « y aura plus personne de
// vivant », « vous finirez tous allongés dans la cour ».
func readQuantOutcome(toks []dtok, fts []ftok, fr *frame, gl *groupLex, schoolMsg func() bool) {
	quant, neg, outcomeW, tous, home, surv := false, false, false, false, false, false
	for i, ft := range fts {
		c := ft.g8
		switch {
		case gl.quant[ft.key]:
			quant = true
		case ft.key == "ne" || ft.key == "n" || ft.key == "plus" || ft.key == "pas":
			neg = true
		case ft.key == "tous" || ft.key == "toutes":
			tous = true
		case gl.alive[ft.key]:
			surv = true
		case (ft.key == "chez" || ft.key == "a") && i+1 < len(fts) && gl.home[fts[i+1].key],
			ft.key == "la" && i+1 < len(fts) && fts[i+1].key == "maison":
			home = true
		case ft.key == "avant" || ft.key == "tant" || ft.key == "sans" || ft.key == "jusqu":
			// « personne ne sortira avant la sonnerie », « tant que »: a
			// rule, not an outcome; the lexicon's patterns over its verb go.
			if quant || hasQuant(fts, gl) {
				for _, x := range fts {
					if x.lf&lfVerb != 0 && survivesVerb(x.morph, gl) && x.tok < len(toks) {
						toks[x.tok].hyper = true
					}
				}
			}
			return
		}
		if c&gcOutcome != 0 {
			outcomeW = true
		}
	}
	if !schoolMsg() || degreeHyperbole(toks) {
		// a degree hyperbole: « y aura plus personne de vivant
		// tellement c'est mauvais » speaks of a dish or a film
		return
	}
	subject := subjectOf(fts)
	for i, ft := range fts {
		if ft.lf&lfVerb == 0 {
			continue
		}
		for _, m := range ft.morph {
			if m.POS != POSVerb {
				continue
			}
			tn, actor := verbFrame(fts, i, m, subject)
			if tn != tenseFuture {
				continue
			}
			switch {
			case quant && neg && (gl.survive[m.Lemma] && (home || surv || m.Lemma == "survivre") || m.Lemma == lemAvoir && surv):
				// « aucun élève ne rentrera chez lui », « y aura plus
				// personne de vivant »
			case surv && neg && (m.Lemma == lemRester || m.Lemma == lemAvoir):
				// « il ne restera pas un seul survivant »
			case outcomeW && gl.endV[m.Lemma] && (actor == actor2 || tous && hasKeyIn(fts, "vous")):
				// « vous allez tous finir allongés »
				actor = actor2
				fr.outcome = true
			default:
				continue
			}
			fr.negated = false
			fr.act, fr.actTok, fr.tense, fr.actor, fr.school = actHarm, ft.tok, tenseFuture, actor, true
			if actor == actorNone {
				fr.actor = actor3
			}
			return
		}
	}
}

// readSplitTimer reads a device whose timer is told in the next clause:
// « un engin est dans le gymnase, | réglé pour 10h15 ».
func readSplitTimer(fts, next []ftok, fr, nf *frame, gl *groupLex) {
	if !nf.time || len(next) == 0 || next[0].g8&gcTimer == 0 || !(fr.school || fr.place) {
		return
	}
	rl := ruinLexicon()
	for i, ft := range fts {
		if rl.device[ft.key] && !(i > 0 && knownDet[fts[i-1].key]) {
			fr.act, fr.actTok, fr.tense, fr.actor, fr.device, fr.time = actPlant, ft.tok, tensePresent, actor3, true, true
			return
		}
	}
}

// readCourt makes a court report of an act told of someone else in a
// clause naming a court, a trial or a sentence, or in the relative clause
// after one (« l'homme qui avait menacé de tuer … a été condamné »).
func readCourt(fts, prev []ftok, fr *frame, gl *groupLex) {
	if fr.actor == actor1 || fr.target2 || fr.actor == actor2 || fr.tense == tenseImperative {
		return
	}
	in := func(c []ftok) bool {
		for _, ft := range c {
			if gl.court[ft.key] {
				return true
			}
		}
		return false
	}
	rel := len(fts) > 0 && (fts[0].key == "qui" || fts[0].key == "que" || fts[0].key == "qu" || fts[0].key == "dont")
	if in(fts) || rel && in(prev) {
		fr.report = true
	}
}

func hasQuant(fts []ftok, gl *groupLex) bool {
	for _, ft := range fts {
		if gl.quant[ft.key] {
			return true
		}
	}
	return false
}

func survivesVerb(ms []MorphEntry, gl *groupLex) bool {
	for _, m := range ms {
		if m.POS == POSVerb && gl.survive[m.Lemma] {
			return true
		}
	}
	return false
}

// readCreature makes play of an act whose object is a game's enemy
// (« dans le niveau 12 il faut tuer tous les zombies »): the object after
// the act verb, within four words.
func readCreature(toks []dtok, fts []ftok, fr *frame, gl *groupLex) {
	for i := range fts {
		if fts[i].tok <= fr.actTok {
			continue
		}
		if fts[i].tok > fr.actTok+5 {
			return
		}
		if fts[i].g8&gcCreature != 0 {
			fr.play = true
			if fr.actTok < len(toks) {
				toks[fr.actTok].hyper = true
			}
			return
		}
	}
}

// readKinHyperbole reads the speaker's act on their own kin followed by a
// petty condition as a hyperbole: « je vais tuer mon frère s'il mange
// mes céréales », « je vais massacrer ma sœur si elle prend ma place ».
func readKinHyperbole(toks []dtok, fts, next []ftok, fr *frame, gl *groupLex) {
	own, cond := -1, false
	for i := 1; i < len(fts); i++ {
		if own < 0 && fts[i].g8&gcOwnKin != 0 && (fts[i-1].key == "mon" || fts[i-1].key == "ma") && fts[i].tok > fr.actTok {
			own = i
		}
	}
	if own < 0 {
		return
	}
	// The condition: in the clause (« s'il » does not open one) or the next.
	rest := append(append([]ftok(nil), fts[own+1:]...), next...)
	for _, ft := range rest {
		if ft.key == "si" || ft.key == "s" {
			cond = true
			continue
		}
		if !cond || ft.lf&lfVerb == 0 {
			continue
		}
		for _, m := range ft.morph {
			if m.POS == POSVerb && gl.petty[m.Lemma] {
				fr.play = true
				if fr.actTok < len(toks) {
					toks[fr.actTok].hyper = true
				}
				return
			}
		}
	}
}

// readPath reads emulation told as a path: « suivre le chemin des X »,
// « suivez l'exemple de X », « prendre la voie de X » (the speaker or a
// call), « X a montré / ouvert la voie » (praise of who went first). The
// admiration frame (frameScores) holds it only with an attacker, an
// attack or an extremist word named, and not in a lesson, tribute or
// fiction.
func readPath(fts []ftok, fr *frame, gl *groupLex) {
	for _, ft := range fts {
		if ft.fc&fc_victim != 0 {
			return // « Samuel Paty a montré la voie du courage »
		}
	}
	for i, ft := range fts {
		if ft.lf&lfVerb == 0 {
			continue
		}
		for _, m := range ft.morph {
			if m.POS != POSVerb || !gl.pathV[m.Lemma] {
				continue
			}
			for j := i + 1; j < len(fts) && j <= i+3; j++ {
				if fts[j].g8&gcPath != 0 {
					fr.admire = true
					return
				}
			}
		}
	}
}

// readBetterWithout reads a death wished by absence: « le monde se
// porterait mieux sans les X », « ce serait mieux sans toi », « on serait
// mieux sans des gens comme vous »: mieux after a conditional, then sans
// and a group of people or the reader. « on serait mieux sans les
// devoirs » names no person.
func readBetterWithout(fts []ftok, fr *frame, gl *groupLex) {
	for i := 1; i < len(fts); i++ {
		if fts[i].key != "mieux" {
			continue
		}
		cond := false
		for j := 0; j < i; j++ {
			cond = cond || fts[j].lf&lfVerb != 0 && isConditional(fts[j])
		}
		if !cond {
			return
		}
		for j := i + 1; j < len(fts) && j <= i+3; j++ {
			if fts[j].key != "sans" {
				continue
			}
			reader, grp := false, false
			for k := j + 1; k < len(fts) && k <= j+4; k++ {
				switch fts[k].key {
				case "toi", "vous":
					reader = true
				}
				if ok, _ := peopleAt(fts, k, gl); ok || fts[k].g8&gcPeople != 0 {
					grp = true
				}
			}
			if !reader && !grp {
				return
			}
			fr.act, fr.actTok, fr.tense, fr.actor = actKill, fts[i].tok, tenseConditional, actor3
			fr.wish, fr.people = true, true
			fr.targetGrp = fr.targetGrp || grp
			fr.target2 = fr.target2 || reader
			return
		}
	}
}

// readSeeSuffer reads a wish to see a group suffer or die: « j'adorerais
// voir ces X souffrir », « je veux voir tous les X crever »: a verb of
// wish, voir, a group of people, then an act verb in the infinitive
// (« j'aimerais voir les profs danser » names no act).
func readSeeSuffer(fts []ftok, fr *frame, gl *groupLex) {
	for i := range fts {
		if _, ok := lemmaIs(fts[i].morph, lemVoir); !ok || i == 0 {
			continue
		}
		wish := false
		for j := 0; j < i; j++ {
			for _, m := range fts[j].morph {
				if m.POS == POSVerb && seeWishLemmas[m.Lemma] {
					wish = true
				}
			}
		}
		if !wish {
			return
		}
		pAt, group := -1, false
		for k := i + 1; k < len(fts) && k <= i+4; k++ {
			if ok, g := peopleAt(fts, k, gl); ok && pAt < 0 {
				pAt, group = k, g
			}
		}
		if pAt < 0 {
			return
		}
		for k := pAt + 1; k < len(fts) && k <= pAt+2; k++ {
			if fts[k].act == actNone || fts[k].act == actPlant || fts[k].act == actArm {
				continue
			}
			for _, m := range fts[k].morph {
				if m.POS == POSVerb && m.Moods&MoodInfinitive != 0 {
					fr.act, fr.actTok, fr.tense, fr.actor = fts[k].act, fts[k].tok, tenseConditional, actor3
					fr.wish, fr.people, fr.targetGrp = true, true, fr.targetGrp || group
					return
				}
			}
		}
		return
	}
}

var seeWishLemmas = map[string]bool{"adorer": true, "aimer": true, "vouloir": true, "rever": true, "kiffer": true}

// endorses reports whether a clause asks what is wrong with saying
// something: « c'est quoi le problème de dire », « quel mal y a-t-il à
// dire », « où est le problème si on dit ».
func endorses(fts []ftok) bool {
	q, wrong, say := false, false, false
	for _, x := range fts {
		switch x.key {
		case "quoi", "quel", "quelle", "ou":
			q = true
		case "probleme", "mal", "souci":
			wrong = true
		}
		if _, ok := lemmaIs(x.morph, keyDire); ok {
			say = true
		}
	}
	return q && wrong && say
}

var keyDire = "dire" // a plain ASCII word: its key is itself
