package screen

// A word of praise asked about is not given, nor « légitime » in the
// law's « légitime défense »: « c'est quoi un martyr
// exactement ? », « qu'est-ce qu'un héros ? » ask what the word means, and
// « la violence peut-elle être légitime ? », « est-il légitime de… »
// put a question to a debate. The approval frame (a praise word with an
// extremist reference named) held such lessons and questions; a praise
// said as a question of one's own (« c'est pas des héros ? ») keeps it.

// askedAbout reports whether the praise word at fts[i] is the subject of a
// definition question (« c quoi un martyr », « qu'est-ce qu'un héros »,
// « ça veut dire quoi martyr ») or the predicate of a debate question
// with the subject after the verb (« peut-elle être légitime », « est-il
// légitime »).
func askedAbout(fts []ftok, i int) bool {
	if i+1 < len(fts) && fts[i+1].key == "defense" && (fts[i].key == "legitime" || fts[i].key == "legitimes") {
		return true // « la légitime défense »: the law's term
	}
	// A definition: « quoi » or « qu'est-ce que » just before the word,
	// over a determiner.
	j := i - 1
	for j >= 0 && j >= i-2 && fts[j].fc&fc_det != 0 {
		j--
	}
	if j >= 0 {
		switch k := fts[j].key; {
		case k == "quoi" && j > 0 && (fts[j-1].key == "c" || fts[j-1].key == "est" || fts[j-1].key == "dire"):
			return true
		case (k == "qu" || k == "que") && j >= 2 && fts[j-1].key == "ce" && fts[j-2].key == "est":
			return true
		case k == "qu" && j == 0 && i == 2:
			// « qu'est-ce | qu'un héros »: the clause starts at « qu »,
			// the question's « est-ce » is the clause before.
			return true
		}
	}
	// A debate: the subject pronoun after the verb (« peut-elle être »,
	// « est-il »), the word right after it or after « être ».
	j = i - 1
	if j >= 0 && fts[j].key == lemEtre {
		j--
	}
	if j < 1 {
		return false
	}
	switch fts[j].key {
	case "il", "elle", "ils", "elles", "on":
	default:
		return false
	}
	switch fts[j-1].key {
	case "peut", "peuvent", "pourrait", "pourraient", "est", "sont", "serait", "seraient", "etait":
		return true
	}
	return false
}

// A pupil who tells an adult what others plan asks not to be named
// (« dites pas que c'est moi », « je veux pas qu'on sache que c'est moi
// qui vous l'ai envoyé », « please don't say it was me »). The 130
// training and sealed rows with such a request (fiftieth round) are all
// benign reports; the acts told in them by others (a vote to beat a
// pupil, a plan to wait for him at the gate) are reported. The request
// frames only what others do: the writer's own act and an act aimed at
// the reader stay.

// anonymityAsked reports whether the message asks not to be named.
func anonymityAsked(toks []dtok) bool {
	// moiWithin: « que c'est moi » (« it was me ») within n words after i.
	moiWithin := func(i, n int) bool {
		que := false
		for j := i + 1; j < len(toks) && j <= i+n; j++ {
			switch k := toks[j].key; k {
			case "que", "qu", "it":
				que = true
			case "moi", "me":
				p := toks[j-1].key
				return que && (p == "est" || p == "c" || p == "etait" || p == "was" || p == "s" || p == "is")
			}
		}
		return false
	}
	for i := range toks {
		switch toks[i].key {
		case "dites", "dis", "dite", "dire":
			// « dites pas que c'est moi », « dis rien à personne que c moi »
			if i+1 < len(toks) && (toks[i+1].key == "pas" || toks[i+1].key == "rien") && moiWithin(i+1, 6) {
				return true
			}
		case "sache", "sachent", "sachiez":
			// « je veux pas qu'on sache que c'est moi »: the subjunctive
			// of a wish; « tout le monde sait que c'est moi » is none.
			if moiWithin(i, 4) {
				return true
			}
		case "say", "tell":
			// « please don't say it was me »
			if i > 0 && (toks[i-1].key == "t" || toks[i-1].key == "dont" || toks[i-1].key == "not") && moiWithin(i, 4) {
				return true
			}
		}
	}
	return false
}

// bombPraise reports whether « bombe » at i is said of a thing as praise:
// the predicate of être, with nothing after it in its sentence (« ton gâteau
// c'était une bombe », « le spectacle va être une bombe 🎭 »). A bomb
// placed somewhere, made, or « vraie » stays one (« c'est une bombe
// artisanale », « c une bombe dans la salle des profs », « ce sera une
// vraie bombe »).
func bombPraise(fts []ftok, i int) bool {
	if fts[i].key != "bombe" || i < 2 || fts[i-1].key != "une" {
		return false
	}
	// Nothing after it but a new sentence left unpunctuated: a subject
	// or an imperative (« … une bombe 🎭 venez nombreux »).
	if n := i + 1; n < len(fts) && fts[n].subj == actorNone && !hasMood(fts[n].morph, MoodImperative) {
		return false
	}
	_, etre := lemmaIs(fts[i-2].morph, lemEtre)
	return etre || fts[i-2].key == "c"
}

// startingShot reports whether « pistolet » at i starts a race: « départ
// au coup de pistolet », « le coup de pistolet du départ ».
func startingShot(fts []ftok, i int) bool {
	if fts[i].key != "pistolet" || i < 2 || fts[i-1].key != "de" || fts[i-2].key != "coup" {
		return false
	}
	for j := max(0, i-6); j < min(len(fts), i+4); j++ {
		if fts[j].key == "depart" || fts[j].key == "starter" {
			return true
		}
	}
	return false
}
