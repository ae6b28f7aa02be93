package synth

// The thirty-third round's other families: violent media sent to shock
// and blackmail by exposure, the two kinds of the `violent` label that no
// family generated (the model learnt them only from the sets' few rows),
// and their hard negatives: warnings about a circulating video, parents
// reporting what their child received, lessons with hard images, the
// match video; class photos on sale, prevention advice. Written from the
// mechanisms (frames38.go, frames10.go), not from any test set.
func init() {
	slots["vmTo"] = []string{"toute la classe", "tous vos contacts", "tout le collège", "tous les parents", "{name}",
		"tes potes", "le groupe de la 4e B", "tout le monde"}
	slots["vmHarm"] = []string{"se faire égorger", "se faire décapiter", "se faire tabasser", "se faire poignarder",
		"se faire exécuter", "se faire lyncher", "se faire frapper à terre", "se faire taillader"}
	slots["vmWhat"] = []string{"de la décapitation", "de l'égorgement", "de l'exécution", "du lynchage",
		"où {name} se fait frapper", "où {name} se fait tabasser dans les toilettes", "de l'otage exécuté"}
	slots["amount"] = []string{"50 €", "100 euros", "20 balles", "200 €", "500 euros", "80 €", "30 euros"}
	slots["payment"] = []string{"sur mon Lydia", "sur mon PayPal", "en carte PCS", "en bitcoin", "en recharge Paysafecard", "par virement"}
	slots["deadline"] = []string{"ce soir", "vendredi", "demain midi", "dimanche", "48 h", "minuit"}
	slots["sxThing"] = []string{"tes photos", "ta vidéo", "tes nudes", "les captures de ton appel vidéo", "des vidéos de vous devant votre webcam",
		"les photos que tu m'as envoyées", "tes photos en soutif"}
	slots["sxTo"] = []string{"chez tes parents", "sur le groupe de la classe", "à tous tes contacts", "à vos collègues", "sur insta",
		"à tout le lycée", "à ta mère"}
	families = append(families,
		family{"media_shock", "violent", []string{
			"[Regardez|Regarde|Regardez bien] [la vidéo|cette vidéo|le clip] [jusqu'au bout|jusqu'à la fin|] : on voit [un mec|un otage|le gars|une meuf|un surveillant] {vmHarm}[ 😂| mdr| 😈|]. [Envoyez-la à|Partagez à|Faites tourner à|Balancez-la à] {vmTo}.",
			"[Je vous envoie|Je vous balance|J'envoie à {vmTo}] la vidéo {vmWhat}[, âmes sensibles s'abstenir|, regardez jusqu'au bout| 😂| mdr|].",
			"[VIDÉO CHOC|Vidéo non floutée|⚠️ Vidéo] : [exécution d'un otage|une décapitation|un égorgement en direct|un homme qui se fait poignarder]. [Partagez à {vmTo}|Envoyez à {vmTo}|Faites tourner].",
			"la vidéo où {name} se fait [frapper|gifler|tabasser|humilier] [dans les toilettes|à la sortie|au gymnase], je l'ai [mise|postée|balancée] sur [le groupe de la classe|snap|insta][ mdr| 😂|]",
		}, 0.2, true},
		family{"media_benign", "benign", []string{
			"[Une vidéo violente|Une vidéo d'une agression|Une vidéo choquante] circule [sur les réseaux|sur Snapchat|dans les groupes de classe] : [ne la partagez pas|ne la regardez pas], [signalez-la sur Pharos|parlez-en à un adulte|prévenez la vie scolaire].",
			"[Madame|Monsieur], [on a envoyé à mon fils|ma fille a reçu] une vidéo [d'une décapitation|très violente|d'une bagarre]. [Que faire ?|Pouvez-vous intervenir ?|Nous avons porté plainte.]",
			"La vidéo [du match|du spectacle|de la sortie|du cross] est sur le groupe, [regardez jusqu'au bout|partagez-la à vos familles|envoyez-la à vos grands-parents][ 😂|, on les a défoncés 4-0|].",
			"En [histoire|EMC], nous [regarderons|analyserons] un extrait [du film|du documentaire] sur [la guerre d'Algérie|la Première Guerre mondiale|la décapitation de Louis XVI|la propagande de Daech]. Certaines images sont dures.",
			"Le prof a montré une vidéo de prévention sur le harcèlement : on voit un élève se faire frapper, c'était dur à regarder.",
		}, 0.05, false},
		family{"sextortion", "violent", []string{
			"J'ai {sxThing}. [{amount} {payment} avant {deadline}|Envoie-m'en d'autres {deadline}|Tu m'envoies {amount} d'ici {deadline}] [sinon|ou] [elles partent|tout le monde les voit|je les envoie|je les poste] {sxTo}.",
			"[Si tu ne payes pas|Si tu reviens pas avec moi|Si tu m'envoies pas d'autres photos|Si tu parles à quelqu'un], [tout le collège|tes parents|toute ta classe|tout le monde] [verra|verront|va voir] {sxThing}.",
			"{amount} {payment} [sous 48 h|avant {deadline}|d'ici {deadline}] ou [tes photos [tournent|finissent|partent]|la vidéo [tourne|finit|part]|tes nudes [tournent|partent]] {sxTo}.",
			"[Je suis entré dans ton compte|J'ai piraté ton téléphone|J'ai pris le contrôle de votre ordinateur], j'ai {sxThing}. [{amount} {payment}|Envoie d'autres photos] avant {deadline}, sinon [je les envoie {sxTo}|tes parents les recevront|tout le lycée les verra].",
		}, 0.25, true},
		family{"sextortion_benign", "benign", []string{
			"Les photos [de la sortie|de classe|de la kermesse|du carnaval] sont en ligne sur l'ENT. [Commande avant {day} : 12 euros la pochette.|Vous pouvez les télécharger jusqu'à {day}.]",
			"Si quelqu'un [menace de publier|demande de l'argent contre] tes photos, [ne paie pas|parle à un adulte|appelle le 3018], [ce n'est pas ta faute|tu n'es pas seul].",
			"[Ma fille|Mon fils] a reçu un message [de chantage|qui menace de publier ses photos] [contre de l'argent|], nous avons porté plainte. [Que faire ?|Merci de votre aide.]",
			"[Envoyez|Merci d'envoyer] [15|10|12] euros pour la photo de classe avant {day}, [sinon|ou] la commande ne sera pas passée.",
			"J'ai [tes photos|les photos] du voyage à Berlin, je les [envoie|mets] sur le groupe de la classe ce soir, elles sont trop belles !",
		}, 0.05, false},
	)
}
