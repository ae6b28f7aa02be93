package synth

// The twelfth round's families: what the attackers of March 2024 and their
// copycats send to a whole school when they name no weapon outright (an
// outcome, a euphemism, the school's end, poison or gas, devices counted,
// a split announcement), terror apology that names the attack only
// indirectly, a one-time code or a disguised file asked for without a
// link, and the hard negatives that share their words. Written from the
// mechanisms (lexicon.go, « The twelfth round »), not from any test set.
//
// They are optional (screentrain -with): trained on, the four raised the
// cross-validated benign hold rate from 0.7 % to 1.6 % (the model learnt
// that a laugh, a place and a time go with a threat, and held the jokes',
// kin and outcome hard negatives), over the 1 % the production model keeps;
// see docs/screen/NOTES.md, twelfth round.
func init() {
	optional = append(optional,
		family{"school_oblique", "threat", []string{
			"{greet}Un [cadeau|petit cadeau|colis spécial] vous attend {placeIn} {time}[, réservez des lits à l'hôpital|, commandez les cercueils|, appelez les pompes funèbres|, prévoyez les sacs mortuaires].",
			"[Grand spectacle|Feu d'artifice|Gros boum|Jolie explosion] {placeIn} {time}. [Installez-vous près des vitres|Ne ratez pas ça|Venez nombreux, personne ne repartira|Les secours arriveront trop tard].",
			"{time}[ :|,] {place} [partira en fumée|sera réduit en cendres|sera rayé de la carte|va partir en flammes].[ Vous êtes prévenus.|]",
			"{place} [n'existera plus|ne sera plus debout|ne sera plus là] {time}[. Gardez vos enfants chez vous.|, n'envoyez pas vos enfants.|.]",
			"[N'envoyez pas vos enfants|Gardez vos enfants à la maison] {time}, [il ne restera rien du {school}|le {school} ne sera plus là|il y aura des morts au {school}].",
			"[Du gaz|Un produit toxique|Du poison|Du chlore] [sera diffusé|sera répandu|sera versé|va être libéré] [dans {place}|dans les repas du self|dans la ventilation du bâtiment C|dans l'eau des fontaines] {time}.",
			"[On va|Je vais|J'vais] empoisonner [les repas de la cantine|l'eau du {school}|le self] {time}[, bon appétit|, vous êtes prévenus|].",
			"[J'ai|On a] tout [préparé|installé|posé], [deux|trois|quatre|cinq] [sacs|colis|valises|bidons] {placeIn} [pour|à] {hour}.",
			"[On ramène|J'apporte|Je ramène] de quoi [faire un carnage|tout faire sauter|faire une boucherie] {placeIn} {time}[ 😂| mdr| lol|].",
			"[the school|the {school}|{place}] [is gonna blow up|will explode|goes boom] {time}, [ne venez pas|bye|good luck les nuls].",
		}, 0.3, false},
		family{"apology_oblique", "terror_apology", []string{
			"[Celui|Le gars|Le type|Le frère] qui a [tué|égorgé|poignardé|décapité|attaqué] [le prof|l'enseignant|la prof] [d'Arras|de Conflans|en 2020|en 2023] [a fait ce qu'il fallait|a fait son devoir|est un exemple|est un héros][, faites pareil|, on devrait tous faire comme lui|].",
			"[J'espère que|Je souhaite que|Inchallah] {adult} [finira comme Samuel Paty|finira comme Dominique Bernard|aura le même sort que Samuel Paty|subira la même chose qu'à Paty].",
			"Il [faudrait|faut] que quelqu'un [punisse|fasse payer|règle son compte à] [ceux qui montrent les caricatures|ceux qui se moquent du prophète|les profs qui montrent ces dessins|ceux qui insultent le prophète][, comme en 2020|, comme à Conflans|].",
			"[{event}|Le 13 novembre|Le 7 janvier], [quelle belle journée|une belle soirée|un beau jour] pour [les vrais croyants|les frères|l'oumma][ 😂| mdr|].",
			"[{attacker}|Le frère de Nice|Le frère d'Arras], [qu'Allah l'accepte|que Dieu l'accepte|qu'Allah le récompense], [il a fait ce qu'il fallait|il a montré la voie|faites comme lui].",
		}, 0.25, false},
		family{"phish_code_file", "phishing", []string{
			"{greet}[Vous allez recevoir|Tu vas recevoir|Un code va vous parvenir :] [un code|un code à 6 chiffres|un code de vérification] [par SMS|sur votre téléphone|sur ton portable], [merci de nous le transmettre|renvoie-le-moi|communiquez-le-nous en réponse|donne-le-moi vite|envoyez-le-nous par retour].",
			"[Les résultats|Ton bulletin|La convocation|Les photos de classe|Le sujet du contrôle] [est|sont] dans le fichier [resultats.pdf.exe|bulletin_T1.docx.scr|convocation.pdf.js|photos_classe.jpg.exe|sujet.pdf.bat], [ouvre-le vite|à ouvrir avant demain|télécharge-le ici]",
			"[Service informatique|Support ENT|Équipe Pronote] : [installez|lancez|exécutez] [maj_pronote.exe|EduConnect_Update.msi|ent-securite.exe] pour [garder l'accès|mettre à jour votre compte|éviter la suppression de votre compte].",
		}, 0.2, false},
		family{"school_oblique_benign", "benign", []string{
			"[Surprise|Petite fête|Pot de départ] pour {adult} {time} [au foyer|en salle des profs|au CDI], [ne dites rien|apportez un gâteau|chut]!",
			"[Feu d'artifice|Spectacle pyrotechnique] du 14 juillet : rendez-vous {time} [sur le port|au stade|devant la mairie] avec [la chorale|l'orchestre] du collège.",
			"{place} ne sera plus [accessible|ouvert|disponible] {time} [pour cause de travaux|à cause de la grève|en raison des travaux de rénovation].",
			"Le vieux {school} [n'existera plus|sera démoli] après les travaux, [un bâtiment neuf le remplacera|le nouveau ouvrira en septembre].",
			"En raison de la grève, [gardez vos enfants à la maison|nous vous conseillons de garder vos enfants chez vous] {time}.",
			"[On fera sauter des crêpes|Faites sauter les légumes dans la poêle|On fait sauter des châtaignes] [à la fête du collège|en atelier cuisine|à la veillée].",
			"[Le chauffe-eau|Le disjoncteur|Un fusible] a sauté [à la cantine|au gymnase|à l'internat], [pas d'eau chaude aujourd'hui|les cours continuent normalement].",
			"[Vous allez recevoir un code par SMS|Un code vous sera envoyé] : saisissez-le vous-même sur [educonnect.education.gouv.fr|l'ENT habituel], ne le communiquez à personne.",
			"Le cours d'histoire portera sur [l'attentat de Sarajevo|les attentats de 2015|le 11 septembre 2001|l'assassinat de Samuel Paty] : [lisez le chapitre|préparez un exposé|débat en classe].",
			"[Mon fils|Ma fille] a peur depuis [l'alerte à la bombe|les menaces] {time}, [pouvez-vous nous rassurer|faut-il venir le chercher|que fait l'établissement] ?",
			"Le [TP|cours] de chimie {time} : le [sodium|magnésium] [réagit violemment|brûle en produisant une lumière vive], [manipulation par le professeur|lunettes obligatoires].",
			"[Le fichier|La version de test] [du club info|du jeu du club] est sur l'ENT, rubrique [Club informatique|Documents], [essayez-la|dites-nous ce que vous en pensez].",
		}, 0.15, false},
	)
	slots["school"] = []string{"collège", "lycée", "bahut", "gymnase", "self", "CDI"}
}
