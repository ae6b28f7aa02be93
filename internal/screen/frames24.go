package screen

// Twenty-fourth round: an excuse word or a framed clause (a film, a
// recipe, a lesson, a drill, a tribute) excuses the component frames
// (arson, poison, vehicle, fatal outcome, care, announcement) only when it
// is part of what the message is about, not when it stands in a short
// sentence appended after the act: « … et je craque une allumette. Bon
// film à tous » is an arson plan. An excuse is appended when its sentence
// comes after the last sentence holding a component of the act, has no
// subject pronoun nor opening imperative (a wish, a caption: « Bon film à
// tous », « Hommage aux victimes », « Pour l'exposé ») and is short. A topic named first
// (« Pour le barbecue de samedi : … »), in the act's own sentence, or in
// a sentence of its own with a subject (« c'est pour la recette »,
// « on regarde un film ») still excuses; so does one in a sentence that
// names a component itself (« Le feu du barbecue » names a fire).
//
// Binding the excuse to the sentence of the act was measured and dropped
// (docs/screen/NOTES.md, twenty-third round): an excuse word is often the
// message's topic, told in a sentence of its own.

// componentBits24 are the classes that carry the act of a component frame.
const componentBits24 = c15Fuel | c15Ignite | c15FireAct | c15Outcome | c15Poison | c15Vehicle | c15Ram | c15AttackRef | c15Care | c16Away | c16Reveal | c16Grave

// appendedMax24 is the longest appended sentence, in tokens, read as a
// caption or a wish rather than as the message's topic.
const appendedMax24 = 6

// appendedFrom returns the index of the first token of the run of short,
// subjectless sentences that ends the message after the last sentence
// holding the act: a component's word, an act's token, or a clause of
// praise, admiration or allusion. len(toks) when there is none.
func appendedFrom(toks []dtok, frames []frame) int {
	lastTok := -1
	for i := range toks {
		if ki := toks[i].info; ki != nil && ki.c15&componentBits24 != 0 || i >= 2 && toks[i].key == "rats" && toks[i-1].key == "aux" && toks[i-2].key == "mort" {
			lastTok = i
		}
	}
	for i := range frames {
		f := &frames[i]
		if f.actTok > lastTok && f.act != actNone {
			lastTok = f.actTok
		}
		if (f.praisePred || f.admire || f.allusion) && f.start > lastTok {
			lastTok = min(f.start, len(toks)-1)
		}
	}
	if lastTok < 0 {
		return len(toks)
	}
	// The first sentence after the act's last one.
	from := len(toks)
	for i := lastTok + 1; i < len(toks); i++ {
		if toks[i].flags&tSentence != 0 {
			from = i
			break
		}
	}
	// Every sentence from there on must be short, with no subject and not
	// open on an imperative (an instruction says what the message is).
	// After an act anchored here (frames26.go) an instruction is a
	// caption too: « … je craque une allumette. Expliquez pour l'exposé ».
	n, orders := 0, from < len(toks) && !anchoredBefore(toks, frames, from)
	for i := from; i < len(toks); i++ {
		if toks[i].flags&tSentence != 0 {
			n = 0
		}
		n++
		if n > appendedMax24 {
			return len(toks)
		}
		if ki := toks[i].info; ki != nil && (ki.subj != actorNone || toks[i].key == "vous" || n == 1 && orders && imperativeForm(ki)) {
			return len(toks) // « c'est pour l'exposé », « expliquez pourquoi »: a sentence of the topic
		}
	}
	return from
}

// c15Scoped returns the union of the tokens' key classes (keyInfo.c15),
// without the excuse words of the appended sentences (from from on,
// appendedFrom): the fifteenth and sixteenth rounds' frames return at
// once when it holds none of theirs.
func c15Scoped(toks []dtok, from int) uint32 {
	var any uint32
	for i := range toks {
		if ki := toks[i].info; ki != nil {
			c := ki.c15
			if i >= from {
				c &^= c15Excuse
			}
			any |= c
		}
	}
	return any
}

// framedBefore is framedMessage for the frames that begin before the
// appended sentences (from, appendedFrom).
func framedBefore(toks []dtok, frames []frame, from int) bool {
	for i := range frames {
		if frames[i].start < from && framedMessage(toks, frames[i:i+1]) {
			return true
		}
	}
	return false
}

// imperativeForm reports whether a key can be read as an imperative.
func imperativeForm(ki *keyInfo) bool {
	for _, m := range ki.morph {
		if m.POS == POSVerb && m.Moods&MoodImperative != 0 {
			return true
		}
	}
	return false
}
