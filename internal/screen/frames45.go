package screen

import "sync"

// A mishap wished on someone: « ce serait dommage qu'il arrive quelque
// chose au car de la classe de neige », « il pourrait t'arriver un
// malheur ». The words are those of a school's safety notice too (« s'il
// arrive quelque chose à votre enfant, appelez le 15 »), and the model
// weighed the pair « arrive quelque » against the harm (−0.53) while 62
// of the 63 outsider-written training rows that hold it are threats or
// intimidation. mishapOf reads the frame: a form of arriver, not in the
// past, with a mishap after it (quelque chose, un malheur, un accident, un
// truc, un drame) and someone it befalls (a clitic before it, à or au
// after it); and whether a condition (si, en cas) opens it. The model
// gets one feature for each reading, so that it may weigh the notice's
// apart.

var (
	mishapOnce                         sync.Once
	mishapWords, mishapPast, mishapObj map[string]bool
	lemArriver                         string
)

func mishapSets() {
	mishapOnce.Do(func() {
		mishapWords = keySet("malheur accident truc drame")
		mishapPast = keySet("est sont était étaient a ont avait")
		mishapObj = keySet("te t vous lui leur me m nous")
		lemArriver = keyOf("arriver")
	})
}

// mishapOf reports whether toks hold a mishap wished on someone, and
// whether a condition opens it.
func mishapOf(toks []dtok) (found, cond bool) {
	mishapSets()
	for i := range toks {
		if toks[i].info == nil || toks[i].info.lemma != lemArriver && toks[i].key != lemArriver {
			continue
		}
		if i > 0 && mishapPast[toks[i-1].key] || i > 1 && mishapPast[toks[i-2].key] && toks[i-1].key == "il" {
			continue // « il est arrivé quelque chose à mon fils »: a report
		}
		// « un accident arrive vite »: the mishap as the subject, in the
		// verb's sentence
		what := i > 0 && mishapWords[toks[i-1].key] && toks[i].flags&tSentence == 0
		for j := i + 1; j < len(toks) && j <= i+3 && toks[j].flags&tSentence == 0; j++ {
			if mishapWords[toks[j].key] || toks[j].key == "quelque" && j+1 < len(toks) && toks[j+1].key == "chose" {
				what = true
				break
			}
		}
		if !what {
			continue
		}
		whom := i > 0 && mishapObj[toks[i-1].key]
		for j := i + 1; !whom && j < len(toks) && j <= i+5 && toks[j].flags&tSentence == 0; j++ {
			whom = toks[j].key == "a" || toks[j].key == "au" || toks[j].key == "aux"
		}
		if !whom {
			continue
		}
		found = true
		// a condition in the verb's sentence, within four words before it
		for j := i - 1; j >= 0 && j >= i-4 && toks[j+1].flags&tSentence == 0; j-- {
			if toks[j].key == "si" || toks[j].key == "s" && toks[j+1].key == "il" || toks[j].key == "cas" {
				cond = true
			}
		}
	}
	return found, cond
}
