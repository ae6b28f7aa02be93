package screen

import (
	"testing"
)

// TestSealedSets holds the sets kept out of training at the counts they
// were measured at. Each was written by a helper who had read neither the
// screen nor the other sets, is named so that cmd/screentrain does not
// train on it (*_sealed.jsonl, not *_heldout.jsonl), and was read as
// counts only: it is the measure of a change on authors the model never
// saw. Harmful labels must stay held at least, benign at most; a change
// that moves them says so here, by counts and not texts.
//
// blind21 (a hijacked account's wave and a school's ordinary week) was
// read while blind18–20 and 22–25 became training rows: harmful stopped
// 113/145 on main before them, 115 with blind18, 120 with blind19 and 20,
// 120 with blind22 and 23, 124 with blind24 and 25; benign 7/115
// throughout. blind26 (violent-heavy: real school conflicts, heated but
// harmless complaints), blind27 (phishing-heavy, 2025–2026 lures, genuine
// IT notices and parents asking whether a mail is genuine) and blind28
// (the days after a wave: copycats, replies to the head's letter) were
// measured on the model of blind18–25 (on main before them: harmful
// 110/160, 94/150 and 109/160; after: 115, 107 and 117). Training on them
// too raised the calibrated line from 0.925 to 0.950 and gave blind21
// 123/145: not adopted, they stay measures.
//
// The nineteenth round (the rules' hold confirmed by the model, the line
// calibrated on outsider-written benign messages, blind29–34 as training
// rows) moved the four sets together from 463/615 harmful and 15/425
// benign held to 542/615 and 8/425 (the line alone, before blind29–34:
// 493 and 5). blind35 (a rural collège and a vocational lycée: farm,
// workshop and hunting words), blind36 (the school year's moments: exams,
// Parcoursup, the gala) and blind37 (an attacker who knows there is a
// filter: euphemisms, split words, homoglyphs, emoji) were written after
// that model and run once on it: harmful 342/390 and benign 7/390 held,
// against 292 and 14 on main before the round.
//
// That model could be got past by padding: a threat the rules held and
// the model confirmed alone was delivered once ordinary text surrounded
// it, the whole text no longer confirming (blind39, long messages: terror
// apology held 18/25 before the round, 9/25 with it). The model now
// confirms on the text or any of its segments (Segments), blind38–41 are
// training rows, and the space has 18 bits (screen18): the line rose to
// 0.855, as segments confirm some benign holds too, and the seven sealed
// sets give harmful 854/1005 and benign 15/815 held (884 and 15 with the
// padding-prone model; 755 and 29 on main before the round). blind42–46
// (primary schools, school-work formats, 2026 lures, terror apology and
// threats in many shapes), run once on that model (harmful 612/740,
// benign 9/560; 542 and 23 on main before the round), then became
// training rows: line 0.767, and the seven sets 900/1005 and 15/815,
// the floors below. blind47 (violent-heavy, heated but harmless
// messages), blind48 (senders outside the school), blind49 (an attacker
// who knows how filters work), blind50 (lycée pupils) and blind51 (the
// overseas and regional académies) were written after that model and run
// once on it: harmful 620/730 and benign 16/570 held (main before the
// round: 506 and 23). Training on them too gave the first seven sets
// 901/1005 and 17/815 (line 0.809): not adopted, they stay measures.
//
// blind52–57 (a realistic wave and its aftermath, threats with no
// alarming word, terror apology and its look-alikes, long and mixed
// messages, pupils' writing, adults outside and inside the school) were
// run once on that model: harmful 746/870 and benign 11/690 held.
// blind52–54 and 56 became training rows (line 0.761); blind55 and 57
// stay measures. The fourteen sealed sets went from 1,782/2,025 harmful
// and 32/1,615 benign held to 1,805 and 30. blind58–61 (threats said
// without the words, terror apology in the forms screens miss, a
// collège's ordinary week, violence between pupils) were run once on that
// model (harmful 493/580, benign 7/460) and became training rows too:
// line 0.713, the fourteen sets 1,842/2,025 and 36/1,615, the floors
// below (at the line of 0.761 this model holds 1,824 and 33: most of the
// gain is the lower line, about ten harmful messages the data).
//
// Counting each model feature once in a text (not once per occurrence;
// docs/screen/NOTES.md « Twenty-first round ») and retraining (line
// 0.703) left the fourteen sets at 1,842/2,025 harmful held (13 gained,
// 13 lost) and 40/1,615 benign (5 more held, 1 fewer).
//
// blind62–65 (threats that never name the act, terror apology after an
// attack, an attacker who knows there is a filter, adults at the school's
// edge and the phishing of 2026) were run once on main before that model
// (harmful 491/580, benign 10/460 held) and on it (491 and 9). blind62
// and 63 became training rows (line 0.670); blind64 and 65 are sealed
// measures. The sixteen sealed sets went from 2,089/2,315 harmful and
// 44/1,845 benign held to 2,105 and 41. A framing word (school work,
// drill, report, game) then came to frame the act only from within its
// phrase (round22_test.go; a threat padded with « exposé vendredi
// parents » was delivered), and the model retrained with it (line 0.700)
// holds 2,098 and 38.
//
// blind66–69 (threats that name no act, terror apology in the forms
// people use, one académie's messages on a wave day, disguised spelling)
// were run once on that model: harmful 486/580 (blind66 99/145, blind67
// 119/145, blind68 132/135, blind69 136/145), benign 7/470. blind66 and
// 67 became training rows (line 0.725); blind68 and 69 are sealed
// measures. The eighteen sealed sets went from 2,366/2,595 harmful and
// 43/2,085 benign held to 2,363 and 45: the floors below (no gain on
// these authors; the leave-one-set-out figures are unchanged too). A
// caption after an act anchored here then stopped framing it
// (frames26.go), and the model retrained with it (line 0.725) holds
// 2,364 and 45.
//
// blind70–73 (the March 2024 wave and its copycats, pupils of ten to
// thirteen, a vocational lycée and apprentices, one harmful sentence
// buried in a long ordinary message) were run once on that model:
// harmful 521/590 (blind70 139/145, blind71 129/150, blind72 138/150,
// blind73 115/145), benign 8/450. As with every batch, the first two
// became training rows and the last two are sealed measures. The model
// retrained with blind70 and 71 (line 0.695) holds, of the twenty sealed
// sets, 2,637/2,890 harmful and 48/2,310 benign (2,617 and 50 before):
// the floors below. Leave one set out is unchanged (threat 0.889 →
// 0.890, terror apology 0.903 → 0.901, benign 1.9 → 1.8 %).
//
// A text the rules flag (≥ 0.3) but do not hold is then held when the
// model reads one of its segments at 0.97 (segment.go): on the same
// model, 2,637 → 2,642 harmful and 48 → 49 benign held (blind73 118 →
// 122, blind55 132 → 133, blind49 one more benign): the floors below.
//
// blind74–89, sixteen more authors in four batches (parents writing
// French as a second language, pupils' gaming culture, the school
// calendar, very short messages; religion and politics argued, relayed
// speech, staff accounts, group chats; mail with a subject line, family
// conflicts, clubs and sport, polished writers; PE and sport, eloquent
// adults, a lycée's week, humour and irony), were run once on that model:
// harmful 2,008/2,300 and benign 34/1,860 held. The first two of each
// batch became training rows, the last two are sealed. The model
// retrained with them, the segment hold opened by the model's one-pass
// reading of each sentence (segscore.go) and a quotation read as a clause
// whatever its marks (line 0.698), holds of the twenty older sealed sets
// 2,678/2,890 harmful and 52/2,310 benign (2,642 and 49 before), and of
// the eight new ones 1,025/1,130 and 18/950 (1,000 and 19 on the model
// they were first run on): the floors below.
//
// blind90–93 (staff among themselves, the boarding school, outside the
// gates, the days after an incident) were run once on that model:
// harmful 529/570 and benign 6/470 held. blind90 and 91 then became
// training rows (line 0.702): the thirty sealed sets 3,965 → 3,966 harmful
// and 73 → 75 benign (blind92–93 262 → 261 and 3 → 3), leave one set out
// threat 0.893 → 0.897, terror apology 0.902 → 0.907, violent 0.898 →
// 0.898, phishing 0.964 → 0.967, benign 1.9 → 2.0 %: the floors below.
//
// blind94–108 (5 December, afternoon) were each run once on that model
// (docs/screen/NOTES.md, « Thirty-second round »). A model trained on
// blind94, 95, 98, 99 and 102–104 (three sets in other languages) with
// features for the share of a text the lexicon cannot read held a head's
// weather closure notice (p 0.68, line 0.648) and was not kept; trained on
// the same rows without those features (line 0.642): the thirty older
// sets 3,966 → 4,023 of 4,305 harmful and 75 → 76 of 3,495 benign, the
// eight sealed new ones (96, 97, 100, 101, 105–108) 974 → 1,004 of 1,140
// and 9 → 10 of 940 (blind100, other languages, 59 → 75 of 145).
//
// blind109–122 (5 December, evening; « Thirty-third round »): each run
// once when written, on the model then in place. The model retrained
// with a closure-notice family, the language and cross-language features,
// violent media and blackmail by exposure read and generated, glued words
// cut, and blind109, 110, 113, 114, 117 and 118 as training rows (line
// 0.647), with the unread policy (unread.go): the thirty older sets 4,023
// → 4,025 harmful and 76 → 78 benign; blind111, 112, 115, 116, 119–122
// sealed at their counts on it. blind123–126 (South Asian, East African
// and East Asian languages; school trips; Eastern Europe and the
// Caucasus; adults in conflict) were run once on that model; retrained
// with blind123 and 124 as rows (line 0.658), the thirty older sets hold
// 4,025 harmful (unchanged) and 73 benign (78 before), and blind125 and
// 126 are sealed at their counts on it: the floors below.
//
// blind127–176 (5 December, night; « Thirty-fourth round ») were each run
// once on that model. Twenty-nine became training rows; the model
// retrained with them and the round's readings (line 0.764) holds the
// nineteen new sealed sets in French at 2,434 of 2,755 harmful and 43 of
// 2,185 benign (2,352 and 60 on the model they were first run on), the two
// in other languages (134, 150) at 135 of 291 and 12 of 229 (162 and 17),
// and the forty-eight older sealed sets at 6,046 of 6,891 and 115 of 5,589
// (6,075 and 155): the floors below.
//
// blind177–202 (5 December, late night; « Thirty-fifth round ») were each
// run once on that model. Fifteen became training rows; the model
// retrained with them and the round's readings (line 0.791) holds the ten
// new sealed sets in French at 1,348 of 1,471 harmful and 16 of 1,129
// benign (1,328 and 15 on the model they were first run on), blind182
// (half English) at 118 of 145 and 7 of 115 (120 and 9), and the
// sixty-nine older sealed sets at 8,641 of 9,937 and 163 of 8,003 (8,615
// and 170): the floors below.
func TestSealedSets(t *testing.T) {
	skipUnderRace(t)
	e := New(DefaultConfig())
	for _, c := range []struct {
		file string
		want map[string]int // held: at least for harmful labels, at most for benign
	}{
		{"testdata/blind21_sealed.jsonl", map[string]int{"threat": 60, "terror_apology": 23, "violent": 30, "phishing": 30, "benign": 2}},
		{"testdata/blind26_sealed.jsonl", map[string]int{"threat": 29, "terror_apology": 20, "violent": 85, "phishing": 20, "benign": 3}},
		{"testdata/blind27_sealed.jsonl", map[string]int{"threat": 40, "terror_apology": 20, "violent": 20, "phishing": 69, "benign": 1}},
		{"testdata/blind28_sealed.jsonl", map[string]int{"threat": 56, "terror_apology": 38, "violent": 29, "phishing": 30, "benign": 1}},
		{"testdata/blind35_sealed.jsonl", map[string]int{"threat": 40, "terror_apology": 20, "violent": 19, "phishing": 20, "benign": 1}},
		{"testdata/blind36_sealed.jsonl", map[string]int{"threat": 59, "terror_apology": 25, "violent": 30, "phishing": 30, "benign": 1}},
		{"testdata/blind37_sealed.jsonl", map[string]int{"threat": 60, "terror_apology": 24, "violent": 30, "phishing": 30, "benign": 0}},
		{"testdata/blind47_sealed.jsonl", map[string]int{"threat": 28, "terror_apology": 15, "violent": 87, "phishing": 15, "benign": 5}},
		{"testdata/blind48_sealed.jsonl", map[string]int{"threat": 58, "terror_apology": 25, "violent": 29, "phishing": 30, "benign": 0}},
		{"testdata/blind49_sealed.jsonl", map[string]int{"threat": 56, "terror_apology": 25, "violent": 27, "phishing": 27, "benign": 8}},
		{"testdata/blind50_sealed.jsonl", map[string]int{"threat": 58, "terror_apology": 24, "violent": 29, "phishing": 30, "benign": 1}},
		{"testdata/blind51_sealed.jsonl", map[string]int{"threat": 60, "terror_apology": 25, "violent": 28, "phishing": 30, "benign": 2}},
		{"testdata/blind55_sealed.jsonl", map[string]int{"threat": 59, "terror_apology": 25, "violent": 30, "phishing": 30, "benign": 0}},
		{"testdata/blind57_sealed.jsonl", map[string]int{"threat": 58, "terror_apology": 25, "violent": 29, "phishing": 30, "benign": 0}},
		{"testdata/blind64_sealed.jsonl", map[string]int{"threat": 52, "terror_apology": 20, "violent": 41, "phishing": 25, "benign": 2}},
		{"testdata/blind65_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 15, "violent": 48, "phishing": 35, "benign": 0}},
		{"testdata/blind68_sealed.jsonl", map[string]int{"threat": 49, "terror_apology": 20, "violent": 30, "phishing": 34, "benign": 0}},
		{"testdata/blind69_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 45, "phishing": 30, "benign": 1}},
		{"testdata/blind72_sealed.jsonl", map[string]int{"threat": 48, "terror_apology": 22, "violent": 49, "phishing": 25, "benign": 3}},
		{"testdata/blind73_sealed.jsonl", map[string]int{"threat": 42, "terror_apology": 23, "violent": 41, "phishing": 30, "benign": 1}},
		{"testdata/blind76_sealed.jsonl", map[string]int{"threat": 53, "terror_apology": 19, "violent": 44, "phishing": 25, "benign": 3}},
		{"testdata/blind77_sealed.jsonl", map[string]int{"threat": 46, "terror_apology": 24, "violent": 48, "phishing": 24, "benign": 0}},
		{"testdata/blind80_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 19, "violent": 40, "phishing": 40, "benign": 0}},
		{"testdata/blind81_sealed.jsonl", map[string]int{"threat": 47, "terror_apology": 20, "violent": 46, "phishing": 25, "benign": 3}},
		{"testdata/blind84_sealed.jsonl", map[string]int{"threat": 38, "terror_apology": 15, "violent": 55, "phishing": 29, "benign": 3}},
		{"testdata/blind85_sealed.jsonl", map[string]int{"threat": 42, "terror_apology": 25, "violent": 42, "phishing": 25, "benign": 1}},
		{"testdata/blind88_sealed.jsonl", map[string]int{"threat": 39, "terror_apology": 15, "violent": 40, "phishing": 25, "benign": 1}},
		{"testdata/blind89_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 20, "violent": 44, "phishing": 24, "benign": 0}},
		{"testdata/blind92_sealed.jsonl", map[string]int{"threat": 48, "terror_apology": 15, "violent": 52, "phishing": 25, "benign": 1}},
		{"testdata/blind93_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 14, "violent": 53, "phishing": 25, "benign": 0}},
		{"testdata/blind96_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 29, "violent": 44, "phishing": 20, "benign": 1}},
		{"testdata/blind97_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 24, "violent": 54, "phishing": 15, "benign": 0}},
		{"testdata/blind100_sealed.jsonl", map[string]int{"threat": 47, "terror_apology": 19, "violent": 48, "phishing": 22, "benign": 6}},
		{"testdata/blind101_sealed.jsonl", map[string]int{"threat": 49, "terror_apology": 15, "violent": 55, "phishing": 20, "benign": 0}},
		{"testdata/blind105_sealed.jsonl", map[string]int{"threat": 39, "terror_apology": 15, "violent": 64, "phishing": 25, "benign": 2}},
		{"testdata/blind106_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 19, "violent": 48, "phishing": 20, "benign": 2}},
		{"testdata/blind107_sealed.jsonl", map[string]int{"threat": 41, "terror_apology": 15, "violent": 43, "phishing": 39, "benign": 0}},
		{"testdata/blind108_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 15, "violent": 53, "phishing": 24, "benign": 0}},
		{"testdata/blind111_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 19, "violent": 51, "phishing": 24, "benign": 1}},
		{"testdata/blind112_sealed.jsonl", map[string]int{"threat": 26, "terror_apology": 14, "violent": 29, "phishing": 25, "benign": 6}},
		{"testdata/blind115_sealed.jsonl", map[string]int{"threat": 42, "terror_apology": 20, "violent": 47, "phishing": 24, "benign": 5}},
		{"testdata/blind116_sealed.jsonl", map[string]int{"threat": 42, "terror_apology": 20, "violent": 49, "phishing": 25, "benign": 1}},
		{"testdata/blind119_sealed.jsonl", map[string]int{"threat": 30, "terror_apology": 15, "violent": 37, "phishing": 55, "benign": 2}},
		{"testdata/blind120_sealed.jsonl", map[string]int{"threat": 30, "terror_apology": 10, "violent": 72, "phishing": 19, "benign": 1}},
		{"testdata/blind121_sealed.jsonl", map[string]int{"threat": 35, "terror_apology": 17, "violent": 46, "phishing": 26, "benign": 6}},
		{"testdata/blind122_sealed.jsonl", map[string]int{"threat": 41, "terror_apology": 19, "violent": 50, "phishing": 25, "benign": 4}},
		{"testdata/blind125_sealed.jsonl", map[string]int{"threat": 28, "terror_apology": 10, "violent": 40, "phishing": 23, "benign": 10}},
		{"testdata/blind126_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 51, "phishing": 25, "benign": 2}},
		{"testdata/blind129_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 20, "violent": 52, "phishing": 25, "benign": 1}},
		{"testdata/blind130_sealed.jsonl", map[string]int{"threat": 41, "terror_apology": 20, "violent": 54, "phishing": 25, "benign": 1}},
		{"testdata/blind133_sealed.jsonl", map[string]int{"threat": 42, "terror_apology": 20, "violent": 51, "phishing": 24, "benign": 3}},
		{"testdata/blind134_sealed.jsonl", map[string]int{"threat": 37, "terror_apology": 16, "violent": 49, "phishing": 25, "benign": 7}},
		{"testdata/blind137_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 19, "violent": 50, "phishing": 24, "benign": 1}},
		{"testdata/blind138_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 18, "violent": 51, "phishing": 25, "benign": 3}},
		{"testdata/blind141_sealed.jsonl", map[string]int{"threat": 41, "terror_apology": 20, "violent": 54, "phishing": 24, "benign": 5}},
		{"testdata/blind142_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 19, "violent": 54, "phishing": 24, "benign": 3}},
		{"testdata/blind145_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 46, "phishing": 25, "benign": 0}},
		{"testdata/blind146_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 53, "phishing": 24, "benign": 0}},
		{"testdata/blind149_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 52, "phishing": 25, "benign": 2}},
		{"testdata/blind150_sealed.jsonl", map[string]int{"threat": 34, "terror_apology": 16, "violent": 45, "phishing": 23, "benign": 2}},
		{"testdata/blind153_sealed.jsonl", map[string]int{"threat": 42, "terror_apology": 18, "violent": 48, "phishing": 25, "benign": 4}},
		{"testdata/blind154_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 19, "violent": 52, "phishing": 25, "benign": 3}},
		{"testdata/blind157_sealed.jsonl", map[string]int{"threat": 41, "terror_apology": 19, "violent": 53, "phishing": 25, "benign": 1}},
		{"testdata/blind158_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 19, "violent": 54, "phishing": 24, "benign": 1}},
		{"testdata/blind161_sealed.jsonl", map[string]int{"threat": 40, "terror_apology": 20, "violent": 45, "phishing": 25, "benign": 2}},
		{"testdata/blind167_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 53, "phishing": 25, "benign": 0}},
		{"testdata/blind168_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 54, "phishing": 25, "benign": 2}},
		{"testdata/blind175_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 54, "phishing": 25, "benign": 0}},
		{"testdata/blind176_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 51, "phishing": 25, "benign": 0}},
		{"testdata/blind181_sealed.jsonl", map[string]int{"threat": 40, "terror_apology": 20, "violent": 52, "phishing": 25, "benign": 0}},
		{"testdata/blind182_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 20, "violent": 54, "phishing": 24, "benign": 4}},
		{"testdata/blind184_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 50, "phishing": 25, "benign": 1}},
		{"testdata/blind186_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 53, "phishing": 24, "benign": 1}},
		{"testdata/blind188_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 20, "violent": 50, "phishing": 24, "benign": 1}},
		{"testdata/blind190_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 55, "phishing": 25, "benign": 2}},
		{"testdata/blind194_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 54, "phishing": 24, "benign": 0}},
		{"testdata/blind195_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 20, "violent": 54, "phishing": 25, "benign": 2}},
		{"testdata/blind200_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 54, "phishing": 25, "benign": 0}},
		{"testdata/blind201_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 55, "phishing": 25, "benign": 4}},
		{"testdata/blind202_sealed.jsonl", map[string]int{"threat": 68, "terror_apology": 24, "violent": 44, "phishing": 25, "benign": 0}},
		{"testdata/blind205_sealed.jsonl", map[string]int{"threat": 42, "terror_apology": 19, "violent": 51, "phishing": 25, "benign": 3}},
		{"testdata/blind208_sealed.jsonl", map[string]int{"threat": 42, "terror_apology": 20, "violent": 53, "phishing": 24, "benign": 1}},
		{"testdata/blind210_sealed.jsonl", map[string]int{"threat": 71, "terror_apology": 22, "violent": 41, "phishing": 18, "benign": 4}},
		{"testdata/blind214_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 51, "phishing": 25, "benign": 0}},
		{"testdata/blind215_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 19, "violent": 55, "phishing": 25, "benign": 1}},
		{"testdata/blind218_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 20, "violent": 53, "phishing": 25, "benign": 1}},
		{"testdata/blind220_sealed.jsonl", map[string]int{"threat": 75, "terror_apology": 20, "violent": 49, "phishing": 15, "benign": 3}},
		{"testdata/blind221_sealed.jsonl", map[string]int{"threat": 69, "terror_apology": 19, "violent": 48, "phishing": 20, "benign": 1}},
		{"testdata/blind222_sealed.jsonl", map[string]int{"threat": 68, "terror_apology": 20, "violent": 40, "phishing": 20, "benign": 4}},
		{"testdata/blind223_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 19, "violent": 53, "phishing": 25, "benign": 3}},
		{"testdata/blind224_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 21, "violent": 54, "phishing": 26, "benign": 2}},
		{"testdata/blind228_sealed.jsonl", map[string]int{"threat": 46, "terror_apology": 20, "violent": 53, "phishing": 25, "benign": 1}},
		{"testdata/blind232_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 53, "phishing": 25, "benign": 0}},
		{"testdata/blind236_sealed.jsonl", map[string]int{"threat": 67, "terror_apology": 20, "violent": 44, "phishing": 20, "benign": 0}},
		{"testdata/blind237_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 19, "violent": 53, "phishing": 25, "benign": 1}},
		{"testdata/blind239_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 53, "phishing": 25, "benign": 2}},
		{"testdata/blind241_sealed.jsonl", map[string]int{"threat": 39, "terror_apology": 48, "violent": 44, "phishing": 20, "benign": 1}},
		{"testdata/blind250_sealed.jsonl", map[string]int{"threat": 20, "terror_apology": 10, "violent": 20, "phishing": 10, "benign": 6}},
		{"testdata/blind254_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 55, "phishing": 25, "benign": 3}},
		{"testdata/blind256_sealed.jsonl", map[string]int{"threat": 39, "terror_apology": 19, "violent": 50, "phishing": 25, "benign": 2}},
		{"testdata/blind257_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 53, "phishing": 25, "benign": 4}},
		{"testdata/blind260_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 20, "violent": 54, "phishing": 24, "benign": 1}},
		{"testdata/blind264_sealed.jsonl", map[string]int{"threat": 81, "terror_apology": 17, "violent": 43, "phishing": 10, "benign": 3}},
		{"testdata/blind265_sealed.jsonl", map[string]int{"threat": 41, "terror_apology": 18, "violent": 51, "phishing": 25, "benign": 3}},
		{"testdata/blind267_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 55, "phishing": 25, "benign": 0}},
		{"testdata/blind269_sealed.jsonl", map[string]int{"threat": 42, "terror_apology": 20, "violent": 54, "phishing": 25, "benign": 0}},
		{"testdata/blind274_sealed.jsonl", map[string]int{"threat": 69, "terror_apology": 20, "violent": 48, "phishing": 15, "benign": 2}},
		{"testdata/blind275_sealed.jsonl", map[string]int{"threat": 28, "terror_apology": 66, "violent": 32, "phishing": 10, "benign": 6}},
		{"testdata/blind276_sealed.jsonl", map[string]int{"threat": 39, "terror_apology": 15, "violent": 79, "phishing": 10, "benign": 2}},
		{"testdata/blind277_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 54, "phishing": 25, "benign": 1}},
		{"testdata/blind284_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 54, "phishing": 25, "benign": 2}},
		{"testdata/blind286_sealed.jsonl", map[string]int{"threat": 76, "terror_apology": 20, "violent": 42, "phishing": 10, "benign": 8}},
		{"testdata/blind287_sealed.jsonl", map[string]int{"threat": 40, "terror_apology": 15, "violent": 73, "phishing": 10, "benign": 1}},
		{"testdata/blind288_sealed.jsonl", map[string]int{"threat": 36, "terror_apology": 9, "violent": 45, "phishing": 23, "benign": 12}},
		{"testdata/blind291_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 53, "phishing": 25, "benign": 1}},
		{"testdata/blind292_sealed.jsonl", map[string]int{"threat": 75, "terror_apology": 18, "violent": 47, "phishing": 10, "benign": 1}},
		{"testdata/blind293_sealed.jsonl", map[string]int{"threat": 20, "terror_apology": 9, "violent": 20, "phishing": 10, "benign": 1}},
		{"testdata/blind297_sealed.jsonl", map[string]int{"threat": 38, "terror_apology": 17, "violent": 52, "phishing": 24, "benign": 5}},
		{"testdata/blind299_sealed.jsonl", map[string]int{"threat": 28, "terror_apology": 59, "violent": 28, "phishing": 10, "benign": 3}},
		{"testdata/blind301_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 53, "phishing": 25, "benign": 1}},
		{"testdata/blind309_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 19, "violent": 55, "phishing": 25, "benign": 0}},
		{"testdata/blind317_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 19, "violent": 53, "phishing": 25, "benign": 1}},
		{"testdata/blind323_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 19, "violent": 53, "phishing": 24, "benign": 1}},
		{"testdata/blind325_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 21, "violent": 54, "phishing": 25, "benign": 0}},
		{"testdata/blind334_sealed.jsonl", map[string]int{"threat": 84, "terror_apology": 10, "violent": 24, "phishing": 10, "benign": 9}},
		{"testdata/blind335_sealed.jsonl", map[string]int{"threat": 24, "terror_apology": 72, "violent": 23, "phishing": 10, "benign": 4}},
		{"testdata/blind336_sealed.jsonl", map[string]int{"threat": 41, "terror_apology": 19, "violent": 51, "phishing": 25, "benign": 4}},
		{"testdata/blind337_sealed.jsonl", map[string]int{"threat": 42, "terror_apology": 16, "violent": 48, "phishing": 24, "benign": 10}},
		{"testdata/blind338_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 53, "phishing": 25, "benign": 3}},
		{"testdata/blind339_sealed.jsonl", map[string]int{"threat": 25, "terror_apology": 10, "violent": 76, "phishing": 10, "benign": 1}},
		{"testdata/blind340_sealed.jsonl", map[string]int{"threat": 78, "terror_apology": 9, "violent": 45, "phishing": 10, "benign": 5}},
		{"testdata/blind341_sealed.jsonl", map[string]int{"threat": 30, "terror_apology": 16, "violent": 29, "phishing": 10, "benign": 4}},
		{"testdata/blind350_sealed.jsonl", map[string]int{"threat": 87, "terror_apology": 15, "violent": 30, "phishing": 10, "benign": 1}},
		{"testdata/blind351_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 9, "violent": 28, "phishing": 5, "benign": 1}},
		{"testdata/blind352_sealed.jsonl", map[string]int{"threat": 28, "terror_apology": 10, "violent": 73, "phishing": 5, "benign": 1}},
		{"testdata/blind353_sealed.jsonl", map[string]int{"threat": 25, "terror_apology": 73, "violent": 25, "phishing": 10, "benign": 4}},
		{"testdata/blind354_sealed.jsonl", map[string]int{"threat": 25, "terror_apology": 10, "violent": 25, "phishing": 76, "benign": 1}},
		{"testdata/blind355_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 53, "phishing": 25, "benign": 0}},
		{"testdata/blind356_sealed.jsonl", map[string]int{"threat": 80, "terror_apology": 20, "violent": 28, "phishing": 10, "benign": 0}},
		{"testdata/blind357_sealed.jsonl", map[string]int{"threat": 38, "terror_apology": 15, "violent": 46, "phishing": 22, "benign": 6}},
		{"testdata/blind366_sealed.jsonl", map[string]int{"threat": 39, "terror_apology": 19, "violent": 47, "phishing": 23, "benign": 3}},
		{"testdata/blind367_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 19, "violent": 54, "phishing": 25, "benign": 2}},
		{"testdata/blind370_sealed.jsonl", map[string]int{"threat": 75, "terror_apology": 15, "violent": 35, "phishing": 10, "benign": 2}},
		{"testdata/blind371_sealed.jsonl", map[string]int{"threat": 38, "terror_apology": 19, "violent": 69, "phishing": 10, "benign": 1}},
		{"testdata/blind374_sealed.jsonl", map[string]int{"threat": 38, "terror_apology": 19, "violent": 49, "phishing": 24, "benign": 1}},
		{"testdata/blind375_sealed.jsonl", map[string]int{"threat": 29, "terror_apology": 62, "violent": 24, "phishing": 10, "benign": 1}},
		{"testdata/blind378_sealed.jsonl", map[string]int{"threat": 39, "terror_apology": 14, "violent": 29, "phishing": 15, "benign": 2}},
		{"testdata/blind379_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 58, "phishing": 20, "benign": 1}},
		{"testdata/blind389_sealed.jsonl", map[string]int{"threat": 27, "terror_apology": 15, "violent": 39, "phishing": 21, "benign": 9}},
		{"testdata/blind390_sealed.jsonl", map[string]int{"threat": 33, "terror_apology": 14, "violent": 45, "phishing": 23, "benign": 7}},
		{"testdata/blind393_sealed.jsonl", map[string]int{"threat": 28, "terror_apology": 67, "violent": 20, "phishing": 10, "benign": 4}},
		{"testdata/blind395_sealed.jsonl", map[string]int{"threat": 28, "terror_apology": 19, "violent": 53, "phishing": 25, "benign": 1}},
		{"testdata/blind399_sealed.jsonl", map[string]int{"threat": 15, "terror_apology": 10, "violent": 19, "phishing": 75, "benign": 2}},
		{"testdata/blind403_sealed.jsonl", map[string]int{"threat": 30, "terror_apology": 20, "violent": 32, "phishing": 15, "benign": 1}},
		{"testdata/blind405_sealed.jsonl", map[string]int{"threat": 41, "terror_apology": 18, "violent": 45, "phishing": 23, "benign": 7}},
		{"testdata/blind407_sealed.jsonl", map[string]int{"threat": 24, "terror_apology": 10, "violent": 83, "phishing": 15, "benign": 2}},
		{"testdata/blind409_sealed.jsonl", map[string]int{"threat": 15, "terror_apology": 10, "violent": 20, "phishing": 78, "benign": 2}},
		{"testdata/blind410_sealed.jsonl", map[string]int{"threat": 24, "terror_apology": 10, "violent": 48, "phishing": 15, "benign": 9}},
		{"testdata/blind412_sealed.jsonl", map[string]int{"threat": 42, "terror_apology": 35, "violent": 49, "phishing": 10, "benign": 0}},
		{"testdata/blind415_sealed.jsonl", map[string]int{"threat": 95, "terror_apology": 14, "violent": 23, "phishing": 10, "benign": 0}},
		{"testdata/blind416_sealed.jsonl", map[string]int{"threat": 25, "terror_apology": 15, "violent": 30, "phishing": 79, "benign": 0}},
		{"testdata/blind418_sealed.jsonl", map[string]int{"threat": 24, "terror_apology": 87, "violent": 28, "phishing": 10, "benign": 5}},
		{"testdata/blind420_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 21, "violent": 55, "phishing": 25, "benign": 2}},
		{"testdata/blind421_sealed.jsonl", map[string]int{"threat": 96, "terror_apology": 25, "violent": 19, "phishing": 15, "benign": 1}},
		{"testdata/blind422_sealed.jsonl", map[string]int{"threat": 30, "terror_apology": 10, "violent": 88, "phishing": 15, "benign": 3}},
		{"testdata/blind427_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 54, "phishing": 25, "benign": 1}},
		{"testdata/blind428_sealed.jsonl", map[string]int{"threat": 46, "terror_apology": 15, "violent": 58, "phishing": 15, "benign": 4}},
		{"testdata/blind431_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 20, "violent": 55, "phishing": 25, "benign": 1}},
		{"testdata/blind432_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 19, "violent": 54, "phishing": 25, "benign": 1}},
		{"testdata/blind434_sealed.jsonl", map[string]int{"threat": 51, "terror_apology": 25, "violent": 65, "phishing": 10, "benign": 1}},
		{"testdata/blind436_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 53, "phishing": 23, "benign": 0}},
		{"testdata/blind439_sealed.jsonl", map[string]int{"threat": 54, "terror_apology": 10, "violent": 47, "phishing": 10, "benign": 3}},
		{"testdata/blind441_sealed.jsonl", map[string]int{"threat": 20, "terror_apology": 10, "violent": 20, "phishing": 94, "benign": 2}},
		{"testdata/blind443_sealed.jsonl", map[string]int{"threat": 28, "terror_apology": 33, "violent": 77, "phishing": 10, "benign": 1}},
		{"testdata/blind445_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 55, "phishing": 24, "benign": 0}},
		{"testdata/blind448_sealed.jsonl", map[string]int{"threat": 55, "terror_apology": 10, "violent": 72, "phishing": 10, "benign": 2}},
		{"testdata/blind450_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 19, "violent": 50, "phishing": 23, "benign": 0}},
		{"testdata/blind451_sealed.jsonl", map[string]int{"threat": 69, "terror_apology": 10, "violent": 25, "phishing": 55, "benign": 0}},
		{"testdata/blind452_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 55, "phishing": 25, "benign": 0}},
		{"testdata/blind454_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 19, "violent": 54, "phishing": 24, "benign": 1}},
		{"testdata/blind456_sealed.jsonl", map[string]int{"threat": 45, "terror_apology": 20, "violent": 52, "phishing": 25, "benign": 2}},
		{"testdata/blind458_sealed.jsonl", map[string]int{"threat": 42, "terror_apology": 19, "violent": 37, "phishing": 25, "benign": 2}},
		{"testdata/blind460_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 20, "violent": 53, "phishing": 25, "benign": 0}},
		{"testdata/blind461_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 20, "violent": 52, "phishing": 25, "benign": 3}},
		{"testdata/blind463_sealed.jsonl", map[string]int{"threat": 30, "terror_apology": 10, "violent": 29, "phishing": 71, "benign": 0}},
		{"testdata/blind464_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 52, "phishing": 25, "benign": 0}},
		{"testdata/blind469_sealed.jsonl", map[string]int{"threat": 41, "terror_apology": 20, "violent": 51, "phishing": 25, "benign": 1}},
		{"testdata/blind470_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 53, "phishing": 24, "benign": 1}},
		{"testdata/blind472_sealed.jsonl", map[string]int{"threat": 43, "terror_apology": 20, "violent": 43, "phishing": 63, "benign": 2}},
		{"testdata/blind474_sealed.jsonl", map[string]int{"threat": 44, "terror_apology": 20, "violent": 53, "phishing": 25, "benign": 0}},
	} {
		held, total := map[string]int{}, map[string]int{}
		for _, m := range readCorpus(t, c.file) {
			total[m.Label]++
			if e.Check(Input{Subject: m.Subject, Text: m.Text}).Verdict != Deliver {
				held[m.Label]++
			}
		}
		for label, w := range c.want {
			t.Logf("%s %s held %d/%d", c.file, label, held[label], total[label])
			if label == "benign" && held[label] > w || label != "benign" && held[label] < w {
				t.Errorf("%s %s held %d/%d, measured %d", c.file, label, held[label], total[label], w)
			}
		}
	}
}
