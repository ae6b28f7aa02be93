package synth

// The thirty-third round's family: a school closed for an ordinary reason.
// A head's notice that the school is shut tomorrow, that no pupil will be
// taken in and that families should pass the word on shares the shape of
// the quiet hoax (« n'envoyez pas vos enfants demain, prévenez les
// autres »), and the models trained without it held some of them (a red
// weather alert at p 0.64–0.68, a water cut at 0.72). The reason is what
// tells them apart, so the family names many; a few reasons (a water cut,
// a gas leak, a polling station, bedbugs) are left out of it on purpose,
// so that TestClosureNotices in internal/screen measures the mechanism on
// reasons the model never saw, not the templates.
func init() {
	slots["closeReason"] = []string{
		"de l'alerte météo rouge", "de la vigilance orange neige", "de la tempête annoncée", "de l'épisode de verglas",
		"de la canicule", "des inondations", "de l'alerte cyclonique", "de la crue de la rivière", "des fortes chutes de neige",
		"de la grève des agents territoriaux", "de la grève des enseignants", "de la grève des transports scolaires",
		"d'une panne de chauffage", "d'une panne d'électricité", "d'une panne générale du réseau électrique",
		"de travaux de désamiantage", "de travaux sur la toiture", "de la désinfection des locaux après des cas de gastro-entérite",
		"de l'épidémie de grippe", "d'un avis défavorable de la commission de sécurité", "de la rupture d'une canalisation de chauffage",
		"de l'effondrement d'un faux plafond", "de la suspension des cars scolaires par la préfecture",
	}
	slots["closeHeader"] = []string{"Alerte météo rouge", "Vigilance rouge inondations", "Alerte canicule", "Grève",
		"Panne de chauffage", "Alerte neige", "Tempête", "Vigilance orange verglas", "Épidémie de grippe", "Alerte cyclonique"}
	slots["closeWhen"] = []string{"demain", "{day}", "lundi et mardi", "jusqu'à nouvel ordre", "cet après-midi",
		"à partir de 13h", "toute la journée de {day}", "demain matin", "jusqu'à la fin de la semaine", "ce jeudi"}
	slots["closeSchool"] = []string{"collège", "lycée", "groupe scolaire", "lycée professionnel", "établissement"}
	families = append(families, family{"closure_notice", "benign", []string{
		"[Alerte météo rouge|Vigilance orange|Information importante|Fermeture exceptionnelle|URGENT|Message de la direction][ :|.] [en raison|à cause|à la suite] {closeReason}, le {closeSchool} [sera fermé|restera fermé|n'accueillera aucun élève|sera fermé aux élèves] {closeWhen}[, aucun élève ne sera accueilli|. Aucun élève ne sera accueilli|. Les cours sont annulés|. La cantine et l'internat sont fermés|]. [Prévenez les autres familles de la classe qui n'auraient pas reçu ce message.|Merci de faire passer l'information aux familles sans ENT.|Inutile d'appeler le secrétariat.|Les transports scolaires ne circuleront pas.|Le travail à faire sera déposé sur l'ENT.|]",
		"{closeHeader} : le {closeSchool} [sera fermé|restera fermé] {closeWhen}[, aucun élève ne sera accueilli|, les élèves restent à la maison|]. [Prévenez les autres familles qui n'auraient pas reçu ce message.|Inutile d'appeler le secrétariat.|Suivez les consignes de la préfecture.|]",
		"Madame, Monsieur, [en raison|à la suite] {closeReason}, [le {closeSchool} sera fermé|les élèves ne seront pas accueillis|aucun cours n'aura lieu] {closeWhen}. [La réouverture est prévue {day}.|Nous vous tiendrons informés de la réouverture par l'ENT.|Un accueil minimum est prévu pour les enfants des personnels soignants.|] [Merci de prévenir les familles qui n'ont pas accès à l'ENT.|Ne vous déplacez pas.|]",
		"[Pas de cours|Pas cours|Le collège est fermé|Le lycée est fermé] {closeWhen} à cause {closeReason}[, c'est officiel|, la principale vient de l'annoncer|, regardez l'ENT|, faites tourner|]{pupilEnd}",
		"[Info|Rappel] de la vie scolaire : [en raison|à cause] {closeReason}, fermeture du {closeSchool} {closeWhen}. [Les parents doivent venir chercher leurs enfants avant 16h.|Aucun élève ne doit se présenter.|Les examens blancs sont reportés.]",
	}, 0.05, false})
}
