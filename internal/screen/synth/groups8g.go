package synth

// The eighth round's families (B): threats against a group of people in
// any mood (a call, a wish, a proposal, an intent, the act made a norm, a
// verb of riddance), the outcome of a school's people told with a
// quantifier, and their look-alikes (lessons and news about massacres,
// court reports, « il faut éliminer les erreurs », calls to go out, school
// rules with « personne ne sortira », family hyperbole). Each is one group
// in the cross-validation, held out whole.

var groupSlots = map[string][]string{
	"ppl": {"les Roms", "les migrants", "les juifs", "les musulmans", "les Arabes", "les Noirs", "les gays", "les lesbiennes",
		"les femmes voilées", "les profs", "les 5e C", "les Chinois", "les Turcs", "les cathos", "les Africains",
		"les handicapés", "les pions", "les réfugiés du centre", "les Asiatiques", "les filles de la classe", "les trans", "les chrétiens"},
	"pplThese": {"ces Roms", "ces migrants", "ces juifs", "ces musulmans", "ces Arabes", "ces Noirs", "ces gays", "ces profs",
		"ces Turcs", "ces cathos", "ces réfugiés", "ces Asiatiques", "ces meufs", "ces trans", "ces handicapés"},
	"pplOf": {"des Roms", "des migrants", "des juifs", "des musulmans", "des Arabes", "des Noirs", "des gays", "des profs",
		"des Turcs", "des réfugiés", "des trans", "des handicapés", "des chrétiens"},
	"gkill": {"tuer", "buter", "exterminer", "massacrer", "égorger", "flinguer", "brûler", "gazer", "noyer", "pendre",
		"abattre", "liquider", "éliminer", "poignarder", "descendre"},
	"gkillImpf": {"tuait", "butait", "exterminait", "massacrait", "égorgeait", "brûlait", "gazait", "noyait", "pendait", "liquidait", "éliminait"},
	"gdead":     {"morts", "exterminés", "gazés", "pendus", "brûlés", "éliminés", "égorgés"},
	"cls":       {"la 3e B", "la 4e A", "la 2nde 3", "la terminale S", "la 6e C", "la classe de M. Roux", "l'internat", "la 1re G2"},
	"pplPlace":  {"du quartier", "du bahut", "de la ville", "du collège", "de la cité", "du lycée", "de France", ""},
	"deathOut": {"dans des sacs mortuaires", "allongés par terre", "morts", "étendus dans la cour", "dans des cercueils",
		"refroidis", "allongés dans le couloir"},
	"gtime":   {"lundi", "demain", "vendredi", "jeudi matin", "à la rentrée", "après les vacances", "à 10h", "pendant la cantine"},
	"hist":    {"les nazis", "les Khmers rouges", "les milices hutues", "l'armée ottomane", "les conquistadors", "le régime stalinien"},
	"victGrp": {"les juifs d'Europe", "les Tutsis", "les Arméniens", "les Cambodgiens", "les Amérindiens", "les Roms", "les koulaks"},
	"thingsOut": {"les erreurs", "les doublons", "les bugs", "les pucerons", "les mauvaises herbes", "les fautes d'orthographe",
		"les fichiers inutiles", "les moustiques", "les virus de l'ordi", "les cafards de la cuisine"},
	"kin": {"mon frère", "ma sœur", "mon cousin", "ma petite sœur", "mon père", "ma mère"},
}

var groupFamilies = []family{
	{"group_threat", "threat", []string{
		"[Il faudrait|Il faut|Faudrait|On devrait|Quelqu'un devrait] [{gkill}] {ppl} {pplPlace}[, une bonne fois pour toutes|, personne ne les regrettera|].",
		"[Et si on|Et si un jour on] [{gkillImpf}] {ppl} {pplPlace} ?",
		"[Je vais|Je compte|J'ai décidé de|Je pense sérieusement à] [{gkill}] {ppl} {pplPlace} {gtime}.",
		"[Débarrassons-nous|On devrait se débarrasser|Il faut se débarrasser|Pourquoi ne pas se débarrasser] {pplOf} {pplPlace}[ une fois pour toutes|, ça suffit|].",
		"{ppl} ne changeront jamais, [alors il faut s'en débarrasser|on devrait s'en débarrasser|faut les {gkill}].",
		"[Ce serait mieux de|Il serait préférable de|Le mieux serait de] [{gkill}] {ppl} {pplPlace}.",
		"[Si seulement quelqu'un pouvait|J'espère que quelqu'un va|Vivement que quelqu'un vienne] [{gkill}] {pplThese}.",
		"[Dans un monde juste|Franchement|Pour moi] {pplThese} seraient tous {gdead}.",
		"[{gkill}] {pplOf} [devrait être autorisé|devrait être légal|ne devrait pas être interdit|ne devrait pas être puni].",
		"[Qui est chaud pour|Qui vient pour|Qui me suit pour] [{gkill}|tabasser|cramer] {ppl} {pplPlace} {gtime} ?",
		"{pplThese} [vont crever|vont tous mourir|vont y passer] {gtime}, [je m'en occupe|c'est moi qui le ferai|de mes mains].",
	}, 0.25, false},
	{"school_quant", "threat", []string{
		"[Aucun élève de|Personne de|Pas un élève de] {cls} ne [rentrera chez lui|ressortira vivant|reviendra à la maison|survivra] {gtime}.",
		"[Personne ne|Aucun prof ne|Aucun de vous ne] [sortira|ressortira|repartira] [vivant|debout|entier] [du collège|du lycée|de la salle 112|du gymnase] {gtime}.",
		"[Vous finirez tous|Vous allez tous finir|Vous terminerez tous] {deathOut}[, les élèves de {cls}|, la classe de {cls}|].",
		"[Il ne restera pas un seul survivant|Il n'y aura plus personne de vivant|Y aura plus personne de vivant] [au CDI|dans la salle 204|à la cantine|au gymnase|dans {cls}] {gtime}.",
		"[Un engin|Un colis|Un dispositif|Un sac] est [dans le gymnase|sous le préau|au CDI|dans les vestiaires], [réglé|programmé] pour {hour}.",
	}, 0.25, false},
	{"group_benign", "benign", []string{
		"En cours d'histoire on a étudié comment {hist} ont [exterminé|massacré|tué|déporté] {victGrp}.",
		"[Pour l'exposé|Dans le manuel|Au musée], on explique pourquoi {hist} voulaient [exterminer|éliminer|détruire] {victGrp}.",
		"[Il faut|Il faudrait|On devrait|Pense à] [éliminer|supprimer|virer] [tous |]{thingsOut} avant [lundi|de rendre le devoir|la mise en ligne].",
		"[Qui est chaud pour|Qui vient pour|Qui est partant pour] [aller au ciné|un foot|réviser] avec {ppl} {gtime} ?",
		"Le tribunal a condamné [l'homme|le jeune|l'auteur] qui avait menacé de [tuer|brûler|égorger] {ppl} {pplPlace}.",
		"Selon la police, [l'assaillant|le suspect|l'agresseur] a [poignardé|frappé|blessé] [deux|trois|plusieurs] personnes avant d'être interpellé.",
		"[Je vais tuer|Je vais massacrer|Je vais étrangler] {kin} s'il [finit encore le chocolat|prend encore ma place|mange mes céréales] mdr.",
		"Dans [le jeu|la mission 4|le niveau 12] il faut [éliminer|tuer|abattre] tous les [zombies|aliens|ennemis|gardes] avant la fin du chrono.",
		"La CPE rappelle que les insultes contre {ppl} sont punies par la loi.",
		"Le documentaire raconte comment {hist} ont [persécuté|massacré] {victGrp}, c'est glaçant.",
	}, 0.2, false},
	{"quant_benign", "benign", []string{
		"[Personne ne|Aucun élève ne] [sortira|rentrera chez lui|quittera la salle] avant [la sonnerie|17h|la fin de l'épreuve|la fin du contrôle]{gEnd}",
		"[Aucun élève de|Personne de] {cls} ne [rentrera chez lui|sortira] avant [18h|la fin de la réunion] {gtime}, les bus sont en grève.",
		"Vous finirez tous [par comprendre|avec une bonne note|en vacances|le chapitre] si vous [révisez|travaillez|écoutez].",
		"Il ne restera [plus de place|plus rien|pas une seule part] [à la cantine|au self|de gâteau] après midi{gEnd}",
		"Y aura plus personne [au CDI|au gymnase|en salle 204] après [18h|la sonnerie], pensez à tout ranger{gEnd}",
		"[L'appareil photo|Le vidéoprojecteur|Le minuteur] est dans [le gymnase|la salle 12], réglé pour {hour}.",
	}, 0.2, false},
}

// The four families are optional: trained on, they raised the model's line
// and its benign hold rate and cost real threats (docs/screen/NOTES.md,
// eighth round B), so the production model is trained without them and
// `screentrain -with` adds them for a measurement.
func init() {
	for k, v := range groupSlots {
		slots[k] = v
	}
	slots["gEnd"] = []string{".", " !", "", " merci."}
	optional = append(optional, groupFamilies...)
}
